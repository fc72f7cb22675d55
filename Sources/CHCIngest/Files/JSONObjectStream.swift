import CHCModel
import Foundation

/// Reads a JSON file in chunks and hands over the bytes of the objects found at one place in
/// it, without building the document: memory is one chunk and one object, whatever the size of
/// the file. A chc report's findings are at `["complaints", "findings"]` (each object in the
/// `findings` array of each object in the `complaints` array); `[]` means every top-level
/// value, as in JSON Lines. The top-level object's scalar members (`schemaVersion`) are kept.
///
/// The structure is checked as it is read (brackets that match, no stray characters, nothing cut
/// short); each object handed over is for a JSON decoder, which checks the rest.
package struct JSONObjectStream {
    package let path: String
    /// Object keys from the top down to the array holding the objects wanted; arrays between
    /// them are passed through.
    package let objectPath: [String]
    package let maxFileBytes: Int
    /// What a larger file is told to raise (an option's name).
    package let fileLimitOption: String
    package let maxObjectBytes: Int
    package let maxDepth: Int

    package init(
        path: String, objectPath: [String], maxFileBytes: Int, fileLimitOption: String, maxObjectBytes: Int = 1 << 20, maxDepth: Int = 64
    ) {
        self.path = path
        self.objectPath = objectPath
        self.maxFileBytes = maxFileBytes
        self.fileLimitOption = fileLimitOption
        self.maxObjectBytes = maxObjectBytes
        self.maxDepth = maxDepth
    }

    /// Calls `object` with the bytes of each object wanted and where it starts; returns the
    /// top-level object's scalar members (strings without their quotes, escapes left as written).
    package func read(object: (ArraySlice<UInt8>, SourceLocation) throws(InputError) -> Void) throws(InputError) -> [String: String] {
        let handle = try openInputFile(path)
        defer { try? handle.close() }
        var scanner = Scanner(stream: self)
        var total = 0
        while true {
            let chunk: Data
            do {
                chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            } catch {
                throw InputError(file: path, "cannot be read: \(error.localizedDescription)")
            }
            if chunk.isEmpty { break }
            total += chunk.count
            if total > maxFileBytes {
                throw InputError(
                    file: path,
                    "is larger than the \(maxFileBytes >> 20) MiB limit for this kind of file (raise it with \(fileLimitOption))")
            }
            try scanner.scan(chunk, object: object)
        }
        return try scanner.finish()
    }

    /// The state carried from one chunk to the next.
    struct Scanner {
        struct Frame {
            let isObject: Bool
            var key: [UInt8] = []
            var expectingKey = true
        }

        let stream: JSONObjectStream
        let wanted: [[UInt8]]
        var frames: [Frame] = []
        var line = 1
        var column = 0
        var atStart = true
        var inString = false
        var escaped = false
        /// Inside a string that is a key: its bytes are kept (the first 256).
        var stringIsKey = false
        /// Inside a wanted object: its bytes so far, how deep, and where it began.
        var capture: [UInt8] = []
        var captureDepth = 0
        var captureStart = SourceLocation(file: "", line: 1, column: 1)
        /// A scalar member of the top-level object being read, and those read.
        var scalar: [UInt8] = []
        var scalars: [String: String] = [:]
        /// Top-level values begun.
        var documents = 0

        init(stream: JSONObjectStream) {
            self.stream = stream
            wanted = stream.objectPath.map { Array($0.utf8) }
        }

        var here: SourceLocation { SourceLocation(file: stream.path, line: line, column: column) }

        /// Whether an object opening now is one of those wanted: the keys of the open objects
        /// are the path.
        func wantsObject() -> Bool {
            var index = 0
            for frame in frames where frame.isObject {
                guard index < wanted.count, frame.key == wanted[index] else { return false }
                index += 1
            }
            return index == wanted.count && (wanted.isEmpty || frames.last?.isObject == false)
        }

        /// In the top-level object, reading a member's value (not a key, not a nested value).
        var inTopLevelValue: Bool { frames.count == 1 && frames[0].isObject && !frames[0].expectingKey }

        mutating func scan(_ chunk: Data, object: (ArraySlice<UInt8>, SourceLocation) throws(InputError) -> Void) throws(InputError) {
            var bytes = chunk[...]
            if atStart {
                atStart = false
                if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            }
            for byte in bytes {
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    column = 0
                } else {
                    column += 1
                }
                if captureDepth > 0 {
                    try captureByte(byte, object: object)
                    continue
                }
                if inString {
                    if closesString(byte) { continue }
                    if stringIsKey {
                        if frames[frames.count - 1].key.count < 256 { frames[frames.count - 1].key.append(byte) }
                    } else if inTopLevelValue, scalar.count < 256 {
                        scalar.append(byte)
                    }
                    continue
                }
                switch byte {
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                    continue
                case _
                where frames.isEmpty && byte != UInt8(ascii: "}") && byte != UInt8(ascii: "]")
                    && (byte != UInt8(ascii: "{") || (!wanted.isEmpty && documents > 0)):
                    // A report is one object; JSON Lines, an object a line.
                    throw InputError(
                        here,
                        documents > 0 && byte == UInt8(ascii: "{")
                            ? "holds more than one JSON document" : "has \(describe(byte)) where an object `{` was expected")
                case UInt8(ascii: "\""):
                    inString = true
                    stringIsKey = frames.last.map { $0.isObject && $0.expectingKey } ?? false
                    if stringIsKey { frames[frames.count - 1].key = [] }
                case UInt8(ascii: "{"):
                    if frames.isEmpty { documents += 1 }
                    if wantsObject() {
                        captureDepth = 1
                        capture = [byte]
                        captureStart = here
                    } else {
                        try push(Frame(isObject: true))
                    }
                case UInt8(ascii: "["):
                    try push(Frame(isObject: false))
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    let isObject = byte == UInt8(ascii: "}")
                    guard let last = frames.last, last.isObject == isObject else {
                        throw InputError(
                            here, "has a `\(Character(UnicodeScalar(byte)))` that closes nothing open: the file is not valid JSON")
                    }
                    endTopLevelMember()
                    frames.removeLast()
                case UInt8(ascii: ":"):
                    guard let last = frames.last, last.isObject, last.expectingKey else {
                        throw InputError(here, "has a `:` out of place: the file is not valid JSON")
                    }
                    frames[frames.count - 1].expectingKey = false
                case UInt8(ascii: ","):
                    guard !frames.isEmpty else {
                        throw InputError(here, "has a `,` outside any object or list: the file is not valid JSON")
                    }
                    endTopLevelMember()
                    if frames[frames.count - 1].isObject { frames[frames.count - 1].expectingKey = true }
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
                    if inTopLevelValue, scalar.count < 256 { scalar.append(byte) }
                default:
                    throw InputError(here, "has \(describe(byte)) where JSON was expected")
                }
            }
        }

        /// Inside a string: follows escapes, and says whether `byte` is the closing quote.
        mutating func closesString(_ byte: UInt8) -> Bool {
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "\"") {
                inString = false
                return true
            }
            return false
        }

        mutating func push(_ frame: Frame) throws(InputError) {
            guard frames.count < stream.maxDepth else {
                throw InputError(here, "nests lists and objects more than \(stream.maxDepth) deep")
            }
            frames.append(frame)
        }

        /// At the end of a member of the top-level object: keeps its value when it was a scalar.
        mutating func endTopLevelMember() {
            guard frames.count == 1, frames[0].isObject else { return }
            if !scalar.isEmpty, let key = String(validating: frames[0].key, as: UTF8.self) {
                scalars[key] = String(decoding: scalar, as: UTF8.self)
            }
            scalar = []
        }

        mutating func captureByte(_ byte: UInt8, object: (ArraySlice<UInt8>, SourceLocation) throws(InputError) -> Void) throws(InputError)
        {
            guard capture.count < stream.maxObjectBytes else {
                throw InputError(captureStart, "holds an object of more than \(stream.maxObjectBytes >> 10) KiB: not a finding chc wrote")
            }
            capture.append(byte)
            if inString {
                _ = closesString(byte)
                return
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard captureDepth < stream.maxDepth else {
                    throw InputError(here, "nests lists and objects more than \(stream.maxDepth) deep")
                }
                captureDepth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                captureDepth -= 1
                if captureDepth == 0 {
                    try object(capture[...], captureStart)
                    capture.removeAll(keepingCapacity: true)
                }
            default: break
            }
        }

        func finish() throws(InputError) -> [String: String] {
            if captureDepth > 0 || inString || !frames.isEmpty {
                throw InputError(here, "ends before its JSON is complete (was it cut short?)")
            }
            return scalars
        }

        func describe(_ byte: UInt8) -> String {
            byte >= 0x21 && byte < 0x7F ? "`\(Character(UnicodeScalar(byte)))`" : "the byte 0x\(String(byte, radix: 16, uppercase: true))"
        }
    }
}

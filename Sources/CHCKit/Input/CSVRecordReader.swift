import Foundation

/// One CSV record with the line it starts on.
public struct CSVRecord: Sendable {
    public let line: Int
    public let fields: [String]
    /// A problem confined to this record (e.g. bytes that are not UTF-8): the record is reported
    /// and skipped by its reader, and the rest of the file goes on.
    public var problem: InputProblem? = nil
}

/// A streaming RFC 4180 reader: quoted fields with `""` escapes and embedded newlines, CRLF or
/// LF line ends, an optional UTF-8 byte-order mark. Reads the file in 1 MiB chunks, so memory
/// does not grow with the file. Hand-written (rather than a CSV package) to keep the hot loop on
/// bytes; see README, "Performance".
public final class CSVRecordReader {
    private let handle: FileHandle
    private let file: String
    private let maxFieldBytes: Int
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var line = 1
    private var started = false

    public init(path: String, maxFieldBytes: Int = InputLimits.standard.maxFieldLength) throws(InputError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            throw InputError(file: path, exists ? (isDirectory.boolValue ? "is a folder, expected a file" : "cannot be read") : "no such file")
        }
        self.handle = handle
        file = path
        self.maxFieldBytes = maxFieldBytes
    }

    deinit { try? handle.close() }

    private func fill() -> Bool {
        if position < buffer.count { return true }
        if atEnd { return false }
        let data = (try? handle.read(upToCount: 1 << 20)) ?? nil
        guard let data, !data.isEmpty else { atEnd = true; return false }
        buffer = [UInt8](data)
        position = 0
        return true
    }

    private func peek() -> UInt8? { fill() ? buffer[position] : nil }

    private func advance() -> UInt8? {
        guard fill() else { return nil }
        let byte = buffer[position]
        position += 1
        return byte
    }

    /// The next record, or `nil` at the end of the file.
    public func next() throws(InputError) -> CSVRecord? {
        if !started {
            started = true
            if peek() == 0xEF {
                // Skip a UTF-8 byte-order mark.
                let saved = position
                if advance() == 0xEF, advance() == 0xBB, advance() == 0xBF {} else { position = saved }
            }
        }
        guard peek() != nil else { return nil }
        let recordLine = line
        var fields: [String] = []
        var field: [UInt8] = []
        var column = 1
        var fieldColumn = 1
        var quoted = false
        var problem: InputProblem?
        func finish() throws(InputError) {
            if let text = String(validating: field, as: UTF8.self) {
                fields.append(text)
            } else {
                problem = problem ?? InputProblem(SourceLocation(file: file, line: line, column: fieldColumn),
                                                  "field \(fields.count + 1) is not valid UTF-8 text (save the file as UTF-8)")
                fields.append(String(decoding: field, as: UTF8.self))
            }
            field.removeAll(keepingCapacity: true)
            quoted = false
        }
        func append(_ byte: UInt8) throws(InputError) {
            if field.count >= maxFieldBytes {
                throw InputError(SourceLocation(file: file, line: line, column: fieldColumn),
                                 "field \(fields.count + 1) is longer than the \(maxFieldBytes)-byte limit for a field (an unclosed quote, or not a CSV file?)")
            }
            field.append(byte)
        }
        while let byte = advance() {
            column += 1
            switch byte {
            case UInt8(ascii: ","):
                try finish()
                fieldColumn = column
            case UInt8(ascii: "\n"):
                if !quoted, field.last == UInt8(ascii: "\r") { field.removeLast() }
                try finish()
                line += 1
                return CSVRecord(line: recordLine, fields: fields, problem: problem)
            case UInt8(ascii: "\"") where field.isEmpty && !quoted:
                quoted = true
                let quoteLine = line, quoteColumn = column - 1
                while true {
                    guard let inner = advance() else {
                        throw InputError(SourceLocation(file: file, line: quoteLine, column: quoteColumn), "a quoted field is never closed (missing `\"`)")
                    }
                    column += 1
                    if inner == UInt8(ascii: "\"") {
                        if peek() == UInt8(ascii: "\"") { _ = advance(); column += 1; try append(inner); continue }
                        break
                    }
                    if inner == UInt8(ascii: "\n") { line += 1; column = 1 }
                    try append(inner)
                }
                // After a closing quote only a separator or the end of the line may follow.
                if let after = peek(), after != UInt8(ascii: ","), after != UInt8(ascii: "\n"), after != UInt8(ascii: "\r") {
                    throw InputError(SourceLocation(file: file, line: line, column: column),
                                     "unexpected `\(Character(UnicodeScalar(after)))` after a closing quote (expected `,` or the end of the line)")
                }
                if peek() == UInt8(ascii: "\r") { _ = advance(); column += 1 }
            default:
                try append(byte)
            }
        }
        if !quoted, field.last == UInt8(ascii: "\r") { field.removeLast() }
        try finish()
        return CSVRecord(line: recordLine, fields: fields, problem: problem)
    }
}

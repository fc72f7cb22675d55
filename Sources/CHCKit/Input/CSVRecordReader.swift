import Foundation

/// One CSV record with the line it starts on. Fields are kept as bytes and made into strings
/// only when asked for, so a reader that needs two columns of seventeen pays for two.
public struct CSVRecord: Sendable {
    public let line: Int
    let bytes: [UInt8]
    /// End offset of each field in `bytes`.
    let ends: [Int]
    /// A problem confined to this record (e.g. bytes that are not UTF-8): the record is reported
    /// and skipped by its reader, and the rest of the file goes on.
    public var problem: InputProblem?

    public var count: Int { ends.count }

    /// Field `index` as text (empty when the record has fewer fields).
    public func field(_ index: Int) -> String {
        guard index < ends.count else { return "" }
        let start = index == 0 ? 0 : ends[index - 1]
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<ends[index]]), as: UTF8.self) }
    }

    /// Whether field `index` is empty or absent.
    public func isEmpty(_ index: Int) -> Bool {
        guard index < ends.count else { return true }
        return ends[index] == (index == 0 ? 0 : ends[index - 1])
    }

    public var fields: [String] { (0..<ends.count).map(field) }
}

/// A streaming RFC 4180 reader: quoted fields with `""` escapes and embedded newlines, CRLF or
/// LF line ends, an optional UTF-8 byte-order mark. Reads the file in 1 MiB chunks, so memory
/// does not grow with the file. Hand-written over bytes for speed (runs of ordinary bytes are
/// copied in bulk); see README, "Performance".
public final class CSVRecordReader {
    private let handle: FileHandle
    private let file: String
    private let maxFieldBytes: Int
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var line = 1
    private var started = false
    // Reused from record to record: a record shares them until the caller lets it go, so a
    // `while let record = try reader.next()` loop allocates nothing per row.
    private var row: [UInt8] = []
    private var ends: [Int] = []
    private var columns: [Int] = []

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

    /// Makes sure at least one unread byte is buffered; false at the end of the file.
    @inline(__always) private func ensure() -> Bool {
        if position < buffer.count { return true }
        if atEnd { return false }
        let data = (try? handle.read(upToCount: 1 << 20)) ?? nil
        guard let data, !data.isEmpty else { atEnd = true; return false }
        buffer = [UInt8](data)
        position = 0
        return true
    }

    /// The next record, or `nil` at the end of the file.
    public func next() throws(InputError) -> CSVRecord? {
        if !started {
            started = true
            if ensure(), buffer.count - position >= 3, buffer[position] == 0xEF, buffer[position + 1] == 0xBB, buffer[position + 2] == 0xBF {
                position += 3
            }
        }
        guard ensure() else { return nil }
        let recordLine = line
        row.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        columns.removeAll(keepingCapacity: true)
        var column = 1
        var fieldStart = 0
        var quoted = false
        var ascii = true

        func tooLong() -> InputError {
            InputError(SourceLocation(file: file, line: line, column: self.columns.last ?? 1),
                       "field \(ends.count + 1) is longer than the \(maxFieldBytes)-byte limit for a field (an unclosed quote, or not a CSV file? raise the limit with --max-field-bytes)")
        }
        func endField() {
            if !quoted, row.count > fieldStart, row[row.count - 1] == 13 { row.removeLast() }  // CR of a CRLF
            ends.append(row.count)
            fieldStart = row.count
            quoted = false
        }
        columns.append(1)
        while true {
            guard ensure() else { endField(); break }
            let byte = buffer[position]
            if byte == 44 {  // ,
                position += 1
                column += 1
                endField()
                columns.append(column)
                continue
            }
            if byte == 10 {  // LF
                position += 1
                endField()
                line += 1
                break
            }
            if byte == 34, row.count == fieldStart, !quoted {  // opening quote
                quoted = true
                let quoteLine = line, quoteColumn = column
                position += 1
                column += 1
                while true {
                    guard ensure() else {
                        throw InputError(SourceLocation(file: file, line: quoteLine, column: quoteColumn), "a quoted field is never closed (missing `\"`)")
                    }
                    // Copy the run up to the next quote in bulk, counting newlines.
                    var end = position
                    let count = buffer.count
                    while end < count, buffer[end] != 34 {
                        let b = buffer[end]
                        if b == 10 { line += 1; column = 0 }
                        if b >= 0x80 { ascii = false }
                        end += 1
                    }
                    if end > position {
                        row.append(contentsOf: buffer[position..<end])
                        column += end - position
                        if row.count - fieldStart > maxFieldBytes { throw tooLong() }
                        position = end
                        continue
                    }
                    // At a quote: an escaped quote, or the end of the field.
                    position += 1
                    column += 1
                    if ensure(), buffer[position] == 34 {
                        row.append(34)
                        position += 1
                        column += 1
                        continue
                    }
                    break
                }
                if ensure() {
                    let after = buffer[position]
                    if after == 13 { position += 1; column += 1 }
                    else if after != 44, after != 10 {
                        throw InputError(SourceLocation(file: file, line: line, column: column),
                                         "unexpected `\(Character(UnicodeScalar(after)))` after a closing quote (expected `,` or the end of the line)")
                    }
                }
                continue
            }
            // An ordinary run: copy up to the next separator, line end or quote in bulk.
            var end = position
            let count = buffer.count
            while end < count {
                let b = buffer[end]
                if b == 44 || b == 10 { break }
                if b >= 0x80 { ascii = false }
                end += 1
            }
            if end == position { end += 1 }  // a lone quote inside an unquoted field is kept as text
            row.append(contentsOf: buffer[position..<end])
            column += end - position
            if row.count - fieldStart > maxFieldBytes { throw tooLong() }
            position = end
        }
        var record = CSVRecord(line: recordLine, bytes: row, ends: ends, problem: nil)
        if !ascii {
            for index in 0..<ends.count {
                let start = index == 0 ? 0 : ends[index - 1]
                if String(validating: row[start..<ends[index]], as: UTF8.self) == nil {
                    record.problem = InputProblem(SourceLocation(file: file, line: recordLine, column: columns[index]),
                                                  "field \(index + 1) is not valid UTF-8 text (save the file as UTF-8)")
                    break
                }
            }
        }
        return record
    }
}

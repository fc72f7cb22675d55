import CHCModel
import Foundation

/// One CSV record with the line it starts on. Fields are kept as bytes and made into strings
/// only when asked for, so a reader that needs two columns of seventeen pays for two.
package struct CSVRecord: Sendable {
    package let line: Int
    package let bytes: [UInt8]
    /// End offset of each field in `bytes`.
    let ends: [Int]
    /// A problem confined to this record (e.g. bytes that are not UTF-8): the record is reported
    /// and skipped by its reader, and the rest of the file goes on.
    package var problem: InputProblem?

    package var count: Int { ends.count }

    /// Byte range of field `index` in `bytes` (empty when the record has fewer fields).
    @inline(__always) func range(_ index: Int) -> Range<Int> {
        guard index < ends.count else { return 0..<0 }
        return (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }

    /// Field `index` as text (empty when the record has fewer fields).
    package func field(_ index: Int) -> String {
        let range = range(index)
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// Calls `body` with the bytes of field `index`, without making a string.
    @inline(__always) package func withField<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        let range = range(index)
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// Whether field `index` is empty or absent.
    package func isEmpty(_ index: Int) -> Bool { range(index).isEmpty }

    package var fields: [String] { (0..<ends.count).map(field) }
}

/// A streaming RFC 4180 reader: quoted fields with `""` escapes and embedded newlines, CRLF or
/// LF line ends, an optional UTF-8 byte-order mark. Reads the file in 1 MiB chunks, so memory
/// does not grow with the file (only with its longest record).
///
/// Hand-written over bytes for speed (see Benchmarks/README.md): each record is scanned inside
/// one contiguous buffer through an unsafe pointer, with the scanner's state in local variables
/// (no per-byte exclusivity checks or bounds checks). A record cut by the end of a chunk is
/// moved to the front, more of the file is read after it, and the record is scanned again; the
/// read grows with the record, so even a huge record costs linear time.
package final class CSVRecordReader {
    private let descriptor: Int32
    private let handle: FileHandle
    private let file: String
    private let maxFieldBytes: Int
    /// Most fields in a record.
    private let maxFields: Int
    private let chunkBytes: Int
    /// Unread bytes are `buffer[start...]`; `buffer[0]` is byte `bufferOffset` of the file.
    ///
    /// The reader is used by one thread and never re-entered (a row's body cannot reach its
    /// reader), so the run-time exclusivity checks Swift makes on every access to a class's
    /// variables are turned off for the ones read at every row (about 1% of the instructions
    /// of a run, each check a call and a thread-local lookup). The compiler still checks what
    /// it can see.
    @exclusivity(unchecked) private var buffer: [UInt8] = []
    @exclusivity(unchecked) private var start = 0
    private var bufferOffset = 0
    private var atEnd = false
    @exclusivity(unchecked) private var line = 1
    @exclusivity(unchecked) private var started = false
    // Reused from record to record: a record shares them until the caller lets it go, so a
    // `while let record = try reader.next()` loop allocates nothing per row.
    private var row: [UInt8] = []
    private var ends: [Int] = []
    private var columns: [Int] = []
    /// Field bounds of the line lent by `withNextPlainLine` (two a field), grown as needed.
    private var lineBounds = UnsafeMutablePointer<Int>.allocate(capacity: 64)
    private var lineBoundsCapacity = 64

    /// - Parameters:
    ///   - chunkBytes: how much to read at a time (small values are for tests of chunk edges).
    ///   - offset: where to start reading, for a reader of part of a file: a byte that begins a
    ///     record (no byte-order mark is looked for there), counted as line 1.
    package init(
        path: String, maxFieldBytes: Int = InputLimits.standard.maxFieldLength, chunkBytes: Int = 1 << 20,
        offset: Int = 0, maxFields: Int = InputLimits.standard.maxFieldsPerRecord
    ) throws(InputError) {
        if let error = notARegularFile(path) { throw error }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            throw InputError(
                file: path, exists ? (isDirectory.boolValue ? "is a folder, expected a file" : "cannot be read") : "no such file")
        }
        self.handle = handle
        descriptor = handle.fileDescriptor
        file = path
        if offset > 0 {
            guard lseek(descriptor, off_t(offset), SEEK_SET) == off_t(offset) else {
                throw InputError(file: path, "cannot be read (\(String(cString: strerror(errno))))")
            }
            bufferOffset = offset
        }
        self.maxFieldBytes = maxFieldBytes
        self.maxFields = maxFields
        self.chunkBytes = max(1, chunkBytes)
    }

    deinit {
        try? handle.close()
        lineBounds.deallocate()
    }

    /// Drops the consumed bytes and appends at least `atLeast` more from the file (fewer at its end).
    private func refill(atLeast: Int) throws(InputError) {
        if start > 0 {
            buffer.removeSubrange(0..<start)
            bufferOffset += start
            start = 0
        }
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: atLeast))
        var filled = 0
        while filled < atLeast {
            let got = buffer.withUnsafeMutableBufferPointer { read(descriptor, $0.baseAddress! + old + filled, atLeast - filled) }
            if got < 0 {
                if errno == EINTR { continue }
                buffer.removeLast(atLeast - filled)
                throw InputError(file: file, "cannot be read (\(String(cString: strerror(errno))))")
            }
            if got == 0 {
                atEnd = true
                break
            }
            filled += got
        }
        buffer.removeLast(atLeast - filled)
    }

    /// Where in the file the next record starts (once one has been read).
    var offset: Int { bufferOffset + start }

    /// The next record, or `nil` at the end of the file.
    package func next() throws(InputError) -> CSVRecord? {
        if !started {
            started = true
            // A small file gets a buffer of its own size, not a whole chunk.
            var status = stat()
            let size = fstat(descriptor, &status) == 0 && status.st_size > 0 ? Int(status.st_size) : chunkBytes
            try refill(atLeast: min(chunkBytes, max(0, size - bufferOffset) + 1))
            if bufferOffset == 0, buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }
        }
        while true {
            if start == buffer.count {
                if atEnd { return nil }
                try refill(atLeast: chunkBytes)
                continue
            }
            if let record = fastRecord() { return record }
            if let record = try scanRecord() { return record }
            // The record runs past the buffered bytes: read more (at least as much as it has so far).
            try refill(atLeast: max(chunkBytes, buffer.count - start))
        }
    }

    /// Calls `body` with the next record when it is a plain ASCII line (`CSVLine`), read in
    /// place; returns nil, consuming nothing, when it is not (or at the end of the file) — then
    /// `next()` reads it.
    func withNextPlainLine<T>(_ body: (CSVLine) -> T) -> T? {
        guard started, start < buffer.count else { return nil }
        let first = start
        let maxFieldBytes = maxFieldBytes
        return buffer.withUnsafeBufferPointer { bytes -> T? in
            guard let (lineEnd, end) = Self.plainLine(bytes, from: first, maxBytes: maxFieldBytes) else { return nil }
            let text = UnsafeBufferPointer(rebasing: bytes[first..<end])
            let (fields, high) = split(text)
            guard high < 0x80 else { return nil }
            let result = body(CSVLine(line: line, bytes: text, bounds: UnsafeBufferPointer(start: lineBounds, count: 2 * fields)))
            start = lineEnd + 1
            line += 1
            return result
        }
    }

    /// Finds the fields of a plain line (no quotes): their bounds go to `lineBounds`, two a
    /// field. Returns how many fields, and every byte OR-ed (bit 7 set when any is not ASCII).
    ///
    /// Eight bytes at a time: each word is OR-ed into the ASCII test and its commas are found
    /// with a bit trick exact for every byte (byte-by-byte, this loop was most of the time
    /// spent reading a row in place).
    private func split(_ text: UnsafeBufferPointer<UInt8>) -> (fields: Int, high: UInt8) {
        var fields = 0
        var fieldStart = 0
        func add(_ end: Int) {
            lineBounds[2 * fields] = fieldStart
            lineBounds[2 * fields + 1] = end
            fields += 1
        }
        guard let base = text.baseAddress else {
            if lineBoundsCapacity < 2 { growLineBounds() }
            add(0)
            return (fields, 0)
        }
        let raw = UnsafeRawPointer(base)
        let commas: UInt64 = 0x2C2C_2C2C_2C2C_2C2C
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        var words: UInt64 = 0
        var index = 0
        while index + 8 <= text.count {
            while 2 * fields + 18 > lineBoundsCapacity { growLineBounds() }  // room for eight commas and the last field
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            words |= word
            let x = word ^ commas  // a zero byte where a comma is
            var found = ~(((x & lows) &+ lows) | x) & ~lows  // bit 7 of each zero byte, exactly
            while found != 0 {
                let at = index + found.trailingZeroBitCount >> 3
                add(at)
                fieldStart = at + 1
                found &= found &- 1
            }
            index += 8
        }
        var high = UInt8(truncatingIfNeeded: (words & ~lows) != 0 ? 0x80 : 0)
        while 2 * fields + 18 > lineBoundsCapacity { growLineBounds() }
        while index < text.count {
            let byte = text[index]
            high |= byte
            if byte == 44 {
                add(index)
                fieldStart = index + 1
            }
            index += 1
        }
        add(text.count)
        return (fields, high)
    }

    private func growLineBounds() {
        let grown = UnsafeMutablePointer<Int>.allocate(capacity: 2 * lineBoundsCapacity)
        grown.update(from: lineBounds, count: lineBoundsCapacity)
        lineBounds.deallocate()
        lineBounds = grown
        lineBoundsCapacity *= 2
    }

    /// Moves past the next record without handing it over; false at the end of the file. A
    /// plain line (`plainLine`) is found with `memchr` and not copied; anything else is scanned.
    func skip() throws(InputError) -> Bool {
        if started, start < buffer.count {
            let first = start
            let maxFieldBytes = maxFieldBytes
            let next: Int? = buffer.withUnsafeBufferPointer {
                Self.plainLine($0, from: first, maxBytes: maxFieldBytes, withCR: true).map { $0.lineEnd + 1 }
            }
            if let next {
                start = next
                line += 1
                return true
            }
        }
        return try self.next() != nil
    }

    /// Field `index` of the next record as text (empty when the record has fewer fields), and
    /// the line the record starts on; `nil` at the end of the file. The same text as
    /// `next()?.field(index)`.
    func nextField(_ index: Int) throws(InputError) -> (line: Int, text: String)? {
        try withNextField(index) { line, bytes in (line, String(decoding: bytes, as: UTF8.self)) }
    }

    /// Calls `body` with the line of the next record and the bytes of its field `index` (empty
    /// when the record has fewer fields); `nil` at the end of the file. Faster than `next()`: a
    /// plain line (`plainLine`) is found with `memchr` and its field handed over in place, with
    /// no copy; anything else is scanned in full.
    func withNextField<T>(_ index: Int, _ body: (Int, UnsafeBufferPointer<UInt8>) -> T) throws(InputError) -> T? {
        if started, start < buffer.count {
            let first = start
            let maxFieldBytes = maxFieldBytes
            let line = line
            let found: (T, Int)? = buffer.withUnsafeBufferPointer { bytes in
                guard let (lineEnd, end) = Self.plainLine(bytes, from: first, maxBytes: maxFieldBytes) else { return nil }
                let base = UnsafeRawPointer(bytes.baseAddress!)
                var fieldStart = first
                for _ in 0..<index {
                    guard let comma = memchr(base + fieldStart, 44, end - fieldStart) else {
                        fieldStart = end
                        break
                    }
                    fieldStart = base.distance(to: UnsafeRawPointer(comma)) + 1
                }
                let fieldEnd = memchr(base + fieldStart, 44, end - fieldStart).map { base.distance(to: UnsafeRawPointer($0)) } ?? end
                return (body(line, UnsafeBufferPointer(rebasing: bytes[fieldStart..<fieldEnd])), lineEnd + 1)
            }
            if let (result, next) = found {
                start = next
                self.line += 1
                return result
            }
        }
        guard let record = try next() else { return nil }
        return record.withField(index) { body(record.line, $0) }
    }

    /// The next record when it is one whole buffered line with no quote and no carriage return
    /// but a final one — nearly every line of an export — found with `memchr` and copied in
    /// one piece; `nil` otherwise (then `scanRecord` reads it).
    private func fastRecord() -> CSVRecord? {
        withBuffers { row, ends, columns in
            let first = start
            let maxFieldBytes = maxFieldBytes
            let found: (end: Int, high: Bool)? = buffer.withUnsafeBufferPointer { bytes in
                guard let (lineEnd, end) = Self.plainLine(bytes, from: first, maxBytes: maxFieldBytes) else { return nil }
                row.removeAll(keepingCapacity: true)
                ends.removeAll(keepingCapacity: true)
                columns.removeAll(keepingCapacity: true)
                let text = UnsafeBufferPointer(rebasing: bytes[first..<end])
                let (fields, high) = split(text)
                // Fields are copied without their separators (a field runs from the previous end).
                for field in 0..<fields {
                    let fieldStart = lineBounds[2 * field]
                    row.append(contentsOf: UnsafeBufferPointer(rebasing: text[fieldStart..<lineBounds[2 * field + 1]]))
                    columns.append(fieldStart + 1)
                    ends.append(row.count)
                }
                return (lineEnd + 1, high >= 0x80)
            }
            guard let found else { return nil }
            let recordLine = line
            start = found.end
            line += 1
            var record = CSVRecord(line: recordLine, bytes: row, ends: ends, problem: nil)
            if found.high { record.problem = utf8Problem(row: row, ends: ends, columns: columns, line: recordLine) }
            return record
        }
    }

    /// The line starting at `first` when the fast paths can take it: whole in the buffer, no
    /// longer than a field may be, with no quote and no carriage return but a final one. Returns
    /// the index of its LF and the end of its text (before that CR); nil sends the line to
    /// `scanRecord`. A line that is only skipped may hold a carriage return (`withCR`): it
    /// changes a field's text, never where the record ends.
    private static func plainLine(_ bytes: UnsafeBufferPointer<UInt8>, from first: Int, maxBytes: Int, withCR: Bool = false) -> (
        lineEnd: Int, end: Int
    )? {
        let base = UnsafeRawPointer(bytes.baseAddress!)
        guard let newline = memchr(base + first, 10, bytes.count - first) else { return nil }
        let lineEnd = base.distance(to: UnsafeRawPointer(newline))
        var end = lineEnd
        if end > first, bytes[end - 1] == 13 { end -= 1 }  // CR of a CRLF
        guard end - first <= maxBytes, memchr(base + first, 34, end - first) == nil, withCR || memchr(base + first, 13, end - first) == nil
        else { return nil }
        return (lineEnd, end)
    }

    /// The first field that is not valid UTF-8, as a problem of the record.
    private func utf8Problem(row: [UInt8], ends: [Int], columns: [Int], line: Int) -> InputProblem? {
        for index in 0..<ends.count {
            let start = index == 0 ? 0 : ends[index - 1]
            if String(validating: row[start..<ends[index]], as: UTF8.self) == nil {
                return InputProblem(
                    SourceLocation(file: file, line: line, column: columns[index]),
                    "field \(index + 1) is not valid UTF-8 text (save the file as UTF-8)")
            }
        }
        return nil
    }

    /// Scans one record starting at `start`; `nil` when the buffer ends before the record does
    /// and more of the file remains (nothing is consumed then).
    private func scanRecord() throws(InputError) -> CSVRecord? {
        try withBuffers { (row, ends, columns) throws(InputError) -> CSVRecord? in
            row.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
            columns.removeAll(keepingCapacity: true)

            let recordLine = line
            let first = start
            let atEnd = atEnd
            let maxFieldBytes = maxFieldBytes
            let file = file
            var line = recordLine
            var lineStart = first  // buffer index of the first byte of the current line
            var high: UInt8 = 0  // OR of every byte: bit 7 set when any is not ASCII
            var consumed = -1  // buffer index just after the record, once it is complete

            func tooMany() -> InputError {
                InputError(
                    SourceLocation(file: file, line: line, column: 1),
                    "the record has more than \(maxFields) fields (not a CSV export? raise the limit with --max-fields)")
            }

            func tooLong(_ fieldStartColumn: Int) -> InputError {
                InputError(
                    SourceLocation(file: file, line: line, column: fieldStartColumn),
                    "field \(ends.count + 1) is longer than the \(maxFieldBytes)-byte limit for a field (an unclosed quote, or not a CSV file? raise the limit with --max-field-bytes)"
                )
            }

            try buffer.withUnsafeBufferPointer { (bytes: UnsafeBufferPointer<UInt8>) throws(InputError) in
                let p = bytes.baseAddress!
                let count = bytes.count
                var i = first
                fields: while true {
                    // At the start of a field.
                    let fieldColumn = i - lineStart + 1
                    columns.append(fieldColumn)
                    let fieldStart = row.count
                    if i < count, p[i] == 34 {  // a quoted field
                        let quoteLine = line
                        i += 1
                        while true {
                            var end = i
                            while end < count, p[end] != 34 {
                                let b = p[end]
                                high |= b
                                if b == 10 {
                                    line += 1
                                    lineStart = end + 1
                                }
                                end += 1
                            }
                            row.append(contentsOf: UnsafeBufferPointer(start: p + i, count: end - i))
                            if row.count - fieldStart > maxFieldBytes { throw tooLong(fieldColumn) }
                            i = end
                            guard end < count else {
                                if atEnd {
                                    throw InputError(
                                        SourceLocation(file: file, line: quoteLine, column: fieldColumn),
                                        "a quoted field is never closed (missing `\"`)")
                                }
                                return  // need more
                            }
                            // At a quote: an escaped quote, or the end of the field.
                            guard i + 1 < count || atEnd else { return }
                            if i + 1 < count, p[i + 1] == 34 {
                                row.append(34)
                                i += 2
                                continue
                            }
                            i += 1
                            break
                        }
                        // After the closing quote: a separator, the end of the line (CRLF or LF) or of the file.
                        if i < count, p[i] == 13 {
                            guard i + 1 < count || atEnd else { return }
                            i += 1
                        }
                        ends.append(row.count)
                        if ends.count > maxFields { throw tooMany() }
                        if i == count {
                            guard atEnd else { return }
                            consumed = i
                            break fields
                        }
                        let after = p[i]
                        if after == 44 {
                            i += 1
                            continue fields
                        }
                        if after == 10 {
                            i += 1
                            line += 1
                            consumed = i
                            break fields
                        }
                        throw InputError(
                            SourceLocation(file: file, line: line, column: i - lineStart + 1),
                            "unexpected `\(Character(UnicodeScalar(after)))` after a closing quote (expected `,` or the end of the line)")
                    }
                    // An unquoted field: up to the next separator or line end (a quote inside is text).
                    var end = i
                    while end < count {
                        let b = p[end]
                        if b == 44 || b == 10 { break }
                        high |= b
                        end += 1
                    }
                    if end - i > maxFieldBytes { throw tooLong(fieldColumn) }
                    if end == count, !atEnd { return }  // need more
                    var last = end
                    if last > i, p[last - 1] == 13 { last -= 1 }  // CR of a CRLF
                    row.append(contentsOf: UnsafeBufferPointer(start: p + i, count: last - i))
                    ends.append(row.count)
                    if ends.count > maxFields { throw tooMany() }
                    if end == count {
                        consumed = end
                        break fields
                    }
                    i = end + 1
                    if p[end] == 10 {
                        line += 1
                        consumed = i
                        break fields
                    }
                }
            }
            guard consumed >= 0 else { return nil }
            start = consumed
            self.line = line
            var record = CSVRecord(line: recordLine, bytes: row, ends: ends, problem: nil)
            if high >= 0x80 { record.problem = utf8Problem(row: row, ends: ends, columns: columns, line: recordLine) }
            return record
        }
    }

    /// Lends the reused row buffers to `body` — moved out of `self`, so that the scan's appends
    /// are not run-time exclusivity checks on a class's properties — and takes them back after.
    private func withBuffers<T, E: Error>(_ body: (inout [UInt8], inout [Int], inout [Int]) throws(E) -> T) throws(E) -> T {
        var row: [UInt8] = []
        var ends: [Int] = []
        var columns: [Int] = []
        swap(&row, &self.row)
        swap(&ends, &self.ends)
        swap(&columns, &self.columns)
        defer {
            swap(&row, &self.row)
            swap(&ends, &self.ends)
            swap(&columns, &self.columns)
        }
        return try body(&row, &ends, &columns)
    }
}

import CHCModel
import Dispatch
import Foundation

/// What the first pass over an event log learns: the columns, each row's complaint (as a
/// number), and the row where each complaint's rows end. Four bytes a row plus a few a
/// complaint; with it the second pass knows when a complaint is complete, and which rows each
/// reading thread takes (`EventLogShard`), without looking anything up by id.
package struct EventLogIndex: Sendable {
    package let path: String
    /// Each `EventLogCSV.Column`'s position in the rows, -1 when the export lacks it: an array,
    /// not a dictionary, on the hot path.
    let slots: [Int]
    /// The complaint ids, numbered in order of first appearance.
    package let ids: ComplaintIDs
    /// Each row's complaint number (rows counted from 1 after the header, stored from 0); -1
    /// for a row without an id (or a blank line).
    let rowSlots: [Int32]
    /// Each complaint's last row (counted from 1).
    let lastRow: [Int]

    /// A file at least this big has its second half read on another thread.
    static let splitBytes = 4 << 20

    /// Reads the header and the id column of every row. Throws the file-level problems: no
    /// header, columns missing, an unclosed quote, an over-long field, a file that cannot be read.
    ///
    /// With `threads` > 1, a big file's second half is read at the same time on another thread,
    /// from the first line break past its middle, and joined on when the first half's last record
    /// ends exactly there (it does unless a quoted field spans that break; then the first thread
    /// reads on to the end itself). The result is the same either way.
    package init(
        path: String, map: ColumnMap, limits: InputLimits, threads: Int = min(2, ProcessInfo.processInfo.activeProcessorCount),
        splitBytes: Int = EventLogIndex.splitBytes
    ) throws(InputError) {
        let scan = try CSVRecordReader(path: path, maxFieldBytes: limits.maxFieldLength, maxFields: limits.maxFieldsPerRecord)
        guard let header = try scan.next() else {
            throw InputError(
                file: path, "is empty, expected a header row naming the columns (\(CSVColumn.names.prefix(3).joined(separator: ", ")), …)")
        }
        let columns = try EventLogCSV.resolveColumns(header, map: map, file: path)
        let idColumn = columns[.complaintId]!
        var part = Part()
        // Each branch ends by handing `part` over whole (`joined`, `finished`): used again after,
        // it would be copied, and every array appended to after that copied too.
        let finished: Part.Joined
        if threads > 1, let cut = Self.lineStart(pastMiddleOf: path, splitBytes: splitBytes), cut > scan.offset {
            let tail = TailScan()
            let group = DispatchGroup()
            DispatchQueue.global().async(group: group) {
                do throws(InputError) {
                    let reader = try CSVRecordReader(
                        path: path, maxFieldBytes: limits.maxFieldLength, offset: cut, maxFields: limits.maxFieldsPerRecord)
                    var part = Part()
                    try part.scan(reader, idColumn: idColumn, path: path, until: nil)
                    tail.part = part
                } catch {
                    tail.part = nil  // read again by the first thread, which words the error with its line
                }
            }
            try part.scan(scan, idColumn: idColumn, path: path, until: cut)
            group.wait()
            if scan.offset == cut, let second = tail.part.take() {
                finished = try part.joined(with: second, path: path)
            } else {
                try part.scan(scan, idColumn: idColumn, path: path, until: nil)
                finished = part.finished()
            }
        } else {
            try part.scan(scan, idColumn: idColumn, path: path, until: nil)
            finished = part.finished()
        }
        self.path = path
        slots = CSVColumn.allCases.map { columns[$0] ?? -1 }
        (ids, rowSlots, lastRow) = finished
    }

    /// The rows of a stretch of the file, numbered from its first.
    private struct Part {
        var table = ComplaintIDTable()
        var rowSlots: [Int32] = []
        var lastRow: [Int] = []

        /// Two parts made one.
        typealias Joined = (ids: ComplaintIDs, rowSlots: [Int32], lastRow: [Int])

        /// Reads rows until the reader is at byte `limit` or past it (or at the end of the file).
        mutating func scan(_ reader: CSVRecordReader, idColumn: Int, path: String, until limit: Int?) throws(InputError) {
            var index = rowSlots.count
            while limit.map({ reader.offset < $0 }) ?? true,
                let (line, slot) = try reader.withNextField(
                    idColumn,
                    { line, idBytes -> (Int, Int32?) in
                        (line, EventLogCSV.trimmed(idBytes) { $0.isEmpty ? -1 : table.number(of: $0) })
                    })
            {
                index += 1
                guard let slot else { throw Self.tooMany(path, line: line) }
                if slot >= 0 {
                    if Int(slot) == lastRow.count { lastRow.append(0) }
                    lastRow[Int(slot)] = index
                }
                rowSlots.append(slot)
            }
        }

        /// This stretch's rows and those of the one that follows it: its ids numbered on from
        /// these (in its order of first appearance, as one reader would number them).
        consuming func joined(with next: Part, path: String) throws(InputError) -> Joined {
            let before = rowSlots.count
            // The table taken out, not copied, so that its ids are appended to in place.
            var taken = ComplaintIDTable()
            swap(&taken, &table)
            guard let (ids, renumbered) = taken.joined(with: next.table) else { throw Self.tooMany(path, line: 1) }
            for (number, global) in renumbered.enumerated() {
                if Int(global) == lastRow.count { lastRow.append(0) }
                lastRow[Int(global)] = before + next.lastRow[number]
            }
            rowSlots.reserveCapacity(before + next.rowSlots.count)
            for slot in next.rowSlots { rowSlots.append(slot < 0 ? slot : renumbered[Int(slot)]) }
            return (ids, rowSlots, lastRow)
        }

        /// This stretch's rows, when there is no other to join.
        consuming func finished() -> Joined { (table.ids, rowSlots, lastRow) }

        static func tooMany(_ path: String, line: Int) -> InputError {
            InputError(SourceLocation(file: path, line: line, column: 1), "more than \(Int32.max) complaints in one file; split the export")
        }
    }

    /// The second half's rows, written by its thread before the first thread reads them.
    private final class TailScan: @unchecked Sendable {
        package var part: Part?
    }

    /// The byte after the first line break past the middle of a file big enough to split.
    static func lineStart(pastMiddleOf path: String, splitBytes: Int) -> Int? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var status = stat()
        guard fstat(handle.fileDescriptor, &status) == 0, Int(status.st_size) >= splitBytes else { return nil }
        let middle = Int(status.st_size) / 2
        var window = [UInt8](repeating: 0, count: 1 << 16)
        let got = window.withUnsafeMutableBytes { pread(handle.fileDescriptor, $0.baseAddress, $0.count, off_t(middle)) }
        guard got > 0, let newline = window[..<got].firstIndex(of: 10), middle + newline + 1 < Int(status.st_size) else { return nil }
        return middle + newline + 1
    }
}

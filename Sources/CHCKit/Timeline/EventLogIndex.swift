/// What the first pass over an event log learns: the columns, each row's complaint (as a
/// number), and the row where each complaint's rows end. Four bytes a row plus a few a
/// complaint; with it the second pass knows when a complaint is complete, and which rows each
/// reading thread takes (`EventLogShard`), without looking anything up by id.
struct EventLogIndex: Sendable {
    let path: String
    /// Each `EventLogCSV.Column`'s position in the rows, -1 when the export lacks it: an array,
    /// not a dictionary, on the hot path.
    let slots: [Int]
    /// The complaint ids, numbered in order of first appearance.
    let ids: ComplaintIDTable
    /// Each row's complaint number (rows counted from 1 after the header, stored from 0); -1
    /// for a row without an id (or a blank line).
    let rowSlots: [Int32]
    /// Each complaint's last row (counted from 1).
    let lastRow: [Int]

    /// Reads the header and the id column of every row. Throws the file-level problems: no
    /// header, columns missing, an unclosed quote, an over-long field, a file that cannot be read.
    init(path: String, map: ColumnMap, limits: InputLimits) throws(InputError) {
        let scan = try CSVRecordReader(path: path, maxFieldBytes: limits.maxFieldLength)
        guard let header = try scan.next() else {
            throw InputError(file: path, "is empty, expected a header row naming the columns (\(ColumnMap.columnNames.prefix(3).joined(separator: ", ")), …)")
        }
        let columns = try EventLogCSV.resolveColumns(header, map: map, file: path)
        let idColumn = columns["complaint_id"]!
        var ids = ComplaintIDTable()
        var rowSlots: [Int32] = []
        var lastRow: [Int] = []
        var index = 0
        while let (line, slot) = try scan.withNextField(idColumn, { line, idBytes -> (Int, Int32?) in
            (line, EventLogCSV.trimmed(idBytes) { $0.isEmpty ? -1 : ids.number(of: $0) })
        }) {
            index += 1
            guard let slot else {
                throw InputError(SourceLocation(file: path, line: line, column: 1), "more than \(Int32.max) complaints in one file; split the export")
            }
            if slot >= 0 {
                if Int(slot) == lastRow.count { lastRow.append(0) }
                lastRow[Int(slot)] = index
            }
            rowSlots.append(slot)
        }
        self.path = path
        slots = EventLogCSV.Column.allCases.map { columns[$0.name] ?? -1 }
        self.ids = ids
        self.rowSlots = rowSlots
        self.lastRow = lastRow
    }
}

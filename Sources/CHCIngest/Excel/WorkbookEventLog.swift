import CHCModel
import Foundation

/// An event log kept as an Excel workbook: one sheet, a header row, then a row per event, read
/// exactly as a CSV export is (the same columns, `--map`, checks and messages). Places are
/// `file:row:column`. Two passes over the sheet, as for a CSV log: the first finds the row where
/// each complaint's rows end, the second hands a complaint over at that row; so memory holds the
/// complaints whose rows are still to come, not the sheet.
package enum WorkbookEventLog {
    /// Whether a file is read as an Excel workbook (by its name).
    package static func isWorkbook(_ file: String) -> Bool { file.lowercased().hasSuffix(".xlsx") }

    /// A row's cells as the CSV reader's fields.
    struct Row: CSVFields {
        let line: Int
        let cells: [String]
        var count: Int { cells.count }
        var problem: InputProblem? { nil }
        func isEmpty(_ index: Int) -> Bool { index >= cells.count || cells[index].isEmpty }
        func field(_ index: Int) -> String { index < cells.count ? cells[index] : "" }
        func withField<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
            var text = field(index)
            return try text.withUTF8 { try body($0) }
        }
    }

    /// Reads the workbook's sheet (`map.sheet`, or the first) and hands over each complaint in
    /// the order its last row comes; returns the problems found. A workbook `walked` to in a
    /// folder whose header names none of the essential columns is not an event log: it is
    /// skipped, with the reason, before anything is handed over.
    package static func stream(
        _ path: String, map: ColumnMap = ColumnMap(), limits: InputLimits = .standard, walked: Bool = false,
        emit: (Complaint) -> Void
    ) -> (errors: [InputError], skipped: String?) {
        let workbook: Workbook
        do {
            workbook = try Workbook(path: path, sheet: map.sheet, maxBytes: limits.maxUnzippedBytes)
        } catch {
            return ([error], nil)
        }
        let essential = [CSVColumn.complaintId, .date, .event].map { $0.header(in: map) }
        var notAnEventLog: String?
        var problems: [InputProblem] = []
        // Pass 1: the header, and the last row of each complaint.
        var slots: [Int]?
        var headerProblem: InputError?
        var lastRow: [String: Int] = [:]
        do throws(InputError) {
            try workbook.forEachRow { number, cells in
                guard let slots else {
                    guard cells.contains(where: { !$0.isEmpty }) else { return true }  // blank rows above the header
                    let names = Set(cells.map { $0.lowercased().trimmingWhitespace })
                    if walked, !essential.contains(where: names.contains) {
                        notAnEventLog =
                            "a workbook whose sheet `\(workbook.sheetName)` has none of \(essential.map { "`\($0)`" }.joined(separator: ", ")) in its first row (an export with its own column names needs --map)"
                        return false
                    }
                    do throws(InputError) {
                        let columns = try EventLogCSV.resolveColumns(names: cells, line: number, map: map, file: path)
                        slots = CSVColumn.allCases.map { columns[$0] ?? -1 }
                        return true
                    } catch {
                        headerProblem = error
                        return false
                    }
                }
                let id = Row(line: number, cells: cells).field(slots[CSVColumn.complaintId.rawValue]).trimmingWhitespace
                if !id.isEmpty { lastRow[id] = number }
                return true
            }
        } catch {
            return ([error], nil)
        }
        if let notAnEventLog { return ([], notAnEventLog) }
        if let headerProblem { return ([headerProblem], nil) }
        guard let slots else { return ([InputError(file: path, "sheet `\(workbook.sheetName)` has no header row")], nil) }
        // Pass 2: the events, a complaint handed over at its last row.
        var open: [String: EventLogCSV.OpenComplaint] = [:]
        var recent = [RecentLists](repeating: RecentLists(), count: CSVColumn.allCases.count)
        var headerSeen = false
        var order = 0
        do throws(InputError) {
            try workbook.forEachRow { number, cells in
                guard headerSeen else {
                    headerSeen = cells.contains { !$0.isEmpty }
                    return true
                }
                guard cells.contains(where: { !$0.isEmpty }) else { return true }  // a blank row
                let row = Row(line: number, cells: cells)
                let idColumn = slots[CSVColumn.complaintId.rawValue]
                let id = row.field(idColumn).trimmingWhitespace
                guard !id.isEmpty else {
                    problems.append(
                        InputProblem(
                            SourceLocation(file: path, line: number, column: idColumn + 1),
                            "row has no complaint id (column `\(CSVColumn.complaintId.header(in: map))`)"))
                    return true
                }
                order += 1
                var entry = open.removeValue(forKey: id) ?? EventLogCSV.OpenComplaint()
                switch EventLogCSV.event(record: row, slots: slots, map: map, file: path, order: order, recent: &recent) {
                case .success(let event):
                    entry.events.append(event)
                    entry.category = entry.category ?? EventLogCSV.cell(.category, of: row, slots: slots)
                    entry.landlord = entry.landlord ?? EventLogCSV.cell(.landlord, of: row, slots: slots)
                case .failure(let problem):
                    problems.append(EventLogCSV.OpenComplaint.rowProblem(problem, complaint: id))
                    entry.bad = true
                }
                guard lastRow[id] == number else {
                    open[id] = entry
                    return true
                }
                let (validated, found) = entry.finish(id: id)
                problems += found
                if let validated { emit(validated) }
                return true
            }
        } catch {
            problems += error.problems
        }
        return (problems.isEmpty ? [] : [InputError(problems)], nil)
    }
}

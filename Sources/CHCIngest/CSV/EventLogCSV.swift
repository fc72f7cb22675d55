import CHCModel
import Foundation
import WorkingDays

/// Reads a CSV event log — one row per complaint event, as housing systems export them
/// (docs/exports.md): a header row; columns in any order, named case-insensitively; `;`-separated
/// lists; rows of one complaint anywhere in the file. A bad row is reported with its line, and
/// its complaint is not checked (checking it without the row could accuse wrongly); every other
/// complaint goes on.
package enum EventLogCSV {
    /// Complaints from the file, and the problems found (file-level problems end the read).
    package static func load(_ path: String, map: ColumnMap = ColumnMap(), limits: InputLimits = .standard) -> (
        complaints: [Complaint], errors: [InputError]
    ) {
        var complaints: [Complaint] = []
        let errors = stream(path, map: map, limits: limits) { complaints.append($0) }
        return (complaints, errors)
    }

    /// Reads the file in two streaming passes and hands over each complaint as soon as its last
    /// row has been read, so memory holds only the complaints whose rows are still to come — not
    /// the whole file. Pass 1 (`EventLogIndex`) notes the row where each complaint's rows end;
    /// pass 2 (`EventLogShard`, here one for all complaints) builds and emits complaints in the
    /// order their last rows appear (deterministic for a given file). `ParallelEventLog` does the
    /// same with a thread per core.
    package static func stream(
        _ path: String, map: ColumnMap = ColumnMap(), limits: InputLimits = .standard,
        emit: (Complaint) -> Void
    ) -> [InputError] {
        let index: EventLogIndex
        do throws(InputError) {
            index = try EventLogIndex(path: path, map: map, limits: limits)
        } catch {
            return [error]
        }
        var problems: [InputProblem] = []
        EventLogShard(index: index, map: map, limits: limits, shard: 0, count: 1).read { _, item in
            switch item {
            case .problem(let problem): problems.append(problem)
            case .complaint(let complaint): emit(complaint)
            // A file-level problem (an unclosed quote, an over-long field) leaves the rest of
            // the file unreadable: what was not yet emitted is not checked, since it may miss rows.
            case .failed(let error): problems += error.problems
            }
        }
        return problems.isEmpty ? [] : [InputError(problems)]
    }

    /// Calls `body` with the UTF-8 of the cell's text (`String(decoding:)`, which repairs bad
    /// bytes) trimmed as `trimmingWhitespace` trims it: the bytes in place when they are ASCII
    /// and start and end with a printable character (nearly always), through a `String` otherwise.
    package static func trimmed<T>(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        if let first = bytes.first, let last = bytes.last, first > 32, last > 32, bytes.allSatisfy({ $0 < 128 }) { return body(bytes) }
        var text = String(decoding: bytes, as: UTF8.self).trimmingWhitespace
        return text.withUTF8(body)
    }

    static func changedWhileRead(_ location: SourceLocation) -> InputError {
        InputError(location, "the file changed while it was being read; check it again once the export is complete")
    }

    /// A complaint whose rows are still being read.
    package struct OpenComplaint {
        package var events: [TimelineEvent] = []
        package var category: String?
        package var landlord: String?
        /// A row of it could not be read: it is not checked.
        package var bad = false

        /// A row's problem, saying that its complaint waits for it.
        static func rowProblem(_ problem: InputProblem, complaint id: String) -> InputProblem {
            InputProblem(problem.location, problem.message + " (complaint `\(id)` is not checked until this row is fixed)")
        }

        /// The complaint its rows make, validated (nil when a row was bad, or validation found a
        /// problem), and the problems found. Its events are moved out, so sorting copies nothing.
        mutating func finish(id: String) -> (complaint: Complaint?, problems: [InputProblem]) {
            guard !bad, !events.isEmpty else { return (nil, []) }
            var moved: [TimelineEvent] = []
            swap(&moved, &events)
            let at = moved.first { $0.type == .complaintReceived }?.location ?? moved[0].location
            let complaint = Complaint(id: id, landlord: landlord, category: category, events: consume moved, location: at)
            let (validated, found) = TimelineValidation.validate(complaint)
            return (validated, found)
        }
    }

    package typealias Column = CSVColumn

    /// Why a CSV file found in a folder is not read as an event log: its header names none of
    /// the essential columns (complaint id, date, event), as the map names them. Nil when it
    /// names any (the reader then reports what is missing), or cannot be read (the reader says so).
    package static func notAnEventLog(_ path: String, map: ColumnMap, limits: InputLimits) -> String? {
        guard let reader = try? CSVRecordReader(path: path, maxFieldBytes: limits.maxFieldLength, maxFields: limits.maxFieldsPerRecord),
            let header = try? reader.next()
        else { return nil }
        let names = Set(header.fields.map { $0.lowercased().trimmingWhitespace })
        let essential = [CSVColumn.complaintId, .date, .event].map { $0.header(in: map) }
        guard !essential.contains(where: names.contains) else { return nil }
        return
            "a CSV file whose header has none of \(essential.map { "`\($0)`" }.joined(separator: ", ")) (an export with its own column names needs --map)"
    }

    /// Column positions by our names; the header must name the three essential columns.
    static func resolveColumns(_ header: CSVRecord, map: ColumnMap, file: String) throws(InputError) -> [CSVColumn: Int] {
        try resolveColumns(names: header.fields, line: header.line, map: map, file: file)
    }

    /// Column positions by our names, from a header's cells (a CSV record's, a sheet row's).
    static func resolveColumns(names cells: [String], line: Int, map: ColumnMap, file: String) throws(InputError) -> [CSVColumn: Int] {
        let names = cells.map { $0.lowercased().trimmingWhitespace }
        var positions: [CSVColumn: Int] = [:]
        for ours in CSVColumn.allCases {
            if let i = names.firstIndex(of: ours.header(in: map)) { positions[ours] = i }
        }
        // The three every log needs, and any other the map names: a typo in a mapped column must
        // not silently drop it (and the breaches it would show).
        let missing = CSVColumn.allCases.filter {
            positions[$0] == nil && ([.complaintId, .date, .event].contains($0) || map.columns[$0] != nil)
        }
        guard missing.isEmpty else {
            let wanted = missing.map { column in
                let theirs = column.header(in: map)
                return "`\(theirs)`" + didYouMean(theirs, among: names)
            }
            throw InputError(
                SourceLocation(file: file, line: line, column: 1),
                "the header has no column \(wanted.joined(separator: ", ")) (found: \(names.joined(separator: ", ")))"
                    + (map.file.map { "; check the `columns:` of the map \($0)" } ?? "; name the export's columns with --map")
            )
        }
        return positions
    }

    /// The trimmed text of column `name` in `record`, or nil when the export lacks the column or
    /// the cell is blank. `slots` holds each `Column`'s position, -1 when absent.
    package static func cell(_ name: Column, of record: some CSVFields, slots: [Int]) -> String? {
        let i = slots[name.rawValue]
        guard i >= 0, !record.isEmpty(i) else { return nil }
        // Trimmed as bytes first (nearly always nothing to trim), so one string is made, not two.
        return record.withField(i) { trimmed($0) { $0.isEmpty ? nil : String(decoding: $0, as: UTF8.self) } }
    }

    /// One row as an event, or the problem that stops it being one. `recent` holds each
    /// column's recently read `;` lists, shared between rows.
    package static func event(
        record: some CSVFields, slots: [Int], map: ColumnMap, file: String, order: Int,
        recent: inout [RecentLists]
    ) -> Result<TimelineEvent, InputProblem> {
        func cell(_ name: Column) -> String? { Self.cell(name, of: record, slots: slots) }
        func at(_ name: Column) -> SourceLocation {
            SourceLocation(file: file, line: record.line, column: max(0, slots[name.rawValue]) + 1)
        }
        // The common cases read straight from the bytes; anything else takes the general path
        // below, which also words the errors.
        func bytes<T>(_ name: Column, _ parse: (UnsafeBufferPointer<UInt8>) -> T?) -> T? {
            let i = slots[name.rawValue]
            guard i >= 0, !record.isEmpty(i) else { return nil }
            return record.withField(i, parse)
        }
        let fastType = bytes(.event, Self.eventType)
        guard let label = fastType == nil ? cell(.event) : "" else { return .failure(InputProblem(at(.event), "row has no event")) }
        guard let type = fastType ?? EventType(rawValue: label) ?? map.events[label.lowercased()] ?? EventType(rawValue: label.lowercased())
        else {
            let known = EventType.names + map.events.keys.sorted()
            return .failure(
                InputProblem(
                    at(.event),
                    "unknown event `\(label)`" + didYouMean(label, among: known)
                        // A near miss is a typo to correct, never a label to map to `note`.
                        + (closestMatch(to: label, among: known) != nil
                            ? " (correct the label, or "
                                + (map.file.map { "add it to the `events:` of the map \($0)" } ?? "map it in a --map file")
                                + " with the event type it stands for)"
                            : (map.file.map { " (add it to the `events:` of the map \($0)" }
                                ?? " (map the export's labels to event types in a --map file")
                                + ", e.g. `\(label): note` if it is not a complaint event)")))
        }
        let moment: Moment
        if map.dateFormat == nil, let date = bytes(.date, { CivilDate(isoUTF8: $0) }) {
            moment = Moment(date: date)
        } else {
            guard let dateText = cell(.date) else { return .failure(InputProblem(at(.date), "row has no date")) }
            switch map.moment(dateText) {
            case .success(let read): moment = read
            case .failure(let error):
                // A date not written as YYYY-…: the export has its own format, which the map can name.
                let hint =
                    map.dateFormat == nil && !ColumnMap.isISOShaped(dateText)
                    ? " (an export's own date format goes in the --map file, e.g. `date-format: DD/MM/YYYY`)" : ""
                return .failure(InputProblem(at(.date), "`date`: \(error)" + hint))
            }
        }
        func list(_ name: Column) -> [String]? {
            let i = slots[name.rawValue]
            guard i >= 0, !record.isEmpty(i) else { return nil }
            return record.withField(i) { bytes in
                if let asciiList = recent[name.rawValue].list(bytes, split: Self.splitASCIIList) { return asciiList }
                guard let text = cell(name) else { return nil }
                return text.utf8.split(separator: 59).compactMap { part in  // ;
                    let item = String(decoding: part, as: UTF8.self).trimmingWhitespace
                    return item.isEmpty ? nil : item
                }
            }
        }
        /// Reads a yes/no column into `value`; the problem when the cell is neither.
        func flag(_ name: Column, into value: inout Bool?) -> InputProblem? {
            guard let text = cell(name) else { return nil }
            switch text.lowercased() {
            case "true", "yes", "y", "1": value = true
            case "false", "no", "n", "0": value = false
            default: return InputProblem(at(name), "`\(name.name)` should be true or false, found `\(text)`")
            }
            return nil
        }
        // Each field into a constant, in the order their errors are reported; the event is made
        // from them in one piece at the end.
        let stage: Int?
        if let digit = bytes(.stage, Self.singleDigit), digit >= 1 {
            stage = digit
        } else if let text = cell(.stage) {
            guard let number = Int(text), number >= 1 else {
                return .failure(InputProblem(at(.stage), "`stage` should be 1 or 2, found `\(text)`"))
            }
            stage = number
        } else {
            stage = nil
        }
        let handler = cell(.handler)
        let points = list(.points)
        let addresses = list(.addresses)
        let includes = list(.includes)
        var extendedTo: CivilDate?
        if let to = cell(.to) {
            switch map.moment(to) {
            case .success(let moment): extendedTo = moment.date
            case .failure(let error): return .failure(InputProblem(at(.to), "`to`: \(error)"))
            }
        }
        var extensionDays: Int?
        if let days = cell(.days) {
            guard let n = Int(days), n >= 1 else {
                return .failure(InputProblem(at(.days), "`days` should be a whole number of working days, found `\(days)`"))
            }
            guard n <= Span.maximumAmount else {
                return .failure(
                    InputProblem(at(.days), "`days` of \(n) is more than the \(Span.maximumAmount) working days a calendar can count"))
            }
            extensionDays = n
        }
        let reason = cell(.reason)
        let channel = cell(.channel)
        var goodReason: Bool?
        var ombudsmanDetails: Bool?
        var agreed: Bool?
        var optionalStage: Bool?
        var hazardFound: Bool?
        if let problem = flag(.goodReason, into: &goodReason) ?? flag(.ombudsmanDetails, into: &ombudsmanDetails)
            ?? flag(.agreed, into: &agreed) ?? flag(.optional, into: &optionalStage) ?? flag(.hazardFound, into: &hazardFound)
        {
            return .failure(problem)
        }
        let risk = cell(.risk)?.lowercased()
        if let risk, !TimelineYAML.risks.contains(risk) {
            return .failure(
                InputProblem(at(.risk), "`risk` should be \(TimelineYAML.risks.joined(separator: " or ")), found `\(cell(.risk) ?? "")`"))
        }
        if type == .extension, extendedTo == nil, extensionDays == nil {
            return .failure(InputProblem(at(.event), "an `extension` row needs `to` (the new due date) or `days`"))
        }
        if type == .complaintReceived || type == .escalationRequested, stage != nil, stage != (type == .complaintReceived ? 1 : 2) {
            return .failure(InputProblem(at(.stage), "a \(type.rawValue) row is for stage \(type == .complaintReceived ? 1 : 2)"))
        }
        return .success(
            TimelineEvent(
                type: type, moment: moment,
                details: EventDetails(
                    stage: stage, points: points, addresses: addresses, includes: includes, handler: handler, extendedTo: extendedTo,
                    extensionDays: extensionDays, reason: reason, goodReason: goodReason, ombudsmanDetails: ombudsmanDetails,
                    agreed: agreed, channel: channel, optionalStage: optionalStage, risk: risk, hazardFound: hazardFound),
                location: SourceLocation(file: file, line: record.line, column: 1), order: order))
    }

    /// An event type written exactly as `chc` names it (the usual case), from the cell's bytes.
    static func eventType(_ bytes: UnsafeBufferPointer<UInt8>) -> EventType? {
        guard let base = bytes.baseAddress else { return nil }
        for (name, type) in eventNames
        where name.count == bytes.count && name.withUnsafeBufferPointer({ memcmp($0.baseAddress!, base, bytes.count) == 0 }) {
            return type
        }
        return nil
    }
    private static let eventNames: [([UInt8], EventType)] = EventType.allCases.map { (Array($0.rawValue.utf8), $0) }

    /// A one-digit number (a stage), from the cell's bytes.
    static func singleDigit(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count == 1, bytes[0] >= 48, bytes[0] <= 57 else { return nil }
        return Int(bytes[0]) - 48
    }

    /// A `;`-separated list of printable ASCII items, trimmed of spaces and tabs, empty items
    /// dropped; `nil` when the cell holds anything else (the general path handles it).
    static func splitASCIIList(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        var items: [String] = []
        var start = 0
        func add(_ end: Int) {
            var from = start
            var to = end
            while from < to, bytes[from] == 32 || bytes[from] == 9 { from += 1 }
            while to > from, bytes[to - 1] == 32 || bytes[to - 1] == 9 { to -= 1 }
            if to > from { items.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)) }
        }
        for index in 0..<bytes.count {
            let byte = bytes[index]
            if byte == 59 {
                add(index)
                start = index + 1
            } else if byte >= 0x80 || (byte < 32 && byte != 9) {
                return nil
            }
        }
        add(bytes.count)
        return items
    }
}

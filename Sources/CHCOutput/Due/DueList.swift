import CHCChecks
import CHCIngest
import CHCModel
import WorkingDays

/// The morning worklist: open complaints with their next deadline, soonest first.
package struct DueList: Sendable {
    package struct Item: Sendable, Encodable {
        package let complaint: String
        package let file: String
        package let line: Int
        package let rule: String
        package let pack: String
        package let awaiting: String
        package let stage: Int
        package let due: CivilDate
        package let workingDaysLeft: Int
        /// `overdue`, `due`, or `on-hold`.
        package let status: String
        package let category: String?
    }

    package let asOf: CivilDate
    package let items: [Item]

    /// Every open deadline (overdue ones always; others due within `within` working days, when given).
    package init(report: CheckReport, within: Int? = nil) {
        var items: [Item] = []
        for (file, result) in report.results { items += Self.items(file: file, result: result, asOf: report.asOf, within: within) }
        self.init(asOf: report.asOf, items: items)
    }

    /// A list from items gathered one complaint at a time.
    package init(asOf: CivilDate, items: [Item]) {
        self.asOf = asOf
        self.items = items.sorted { ($0.due, $0.complaint, $0.rule) < ($1.due, $1.complaint, $1.rule) }
    }

    /// One complaint's open deadlines.
    package static func items(file: String, result: ComplaintResult, asOf: CivilDate, within: Int?) -> [Item] {
        result.evaluations.compactMap { evaluation in
            guard let open = evaluation.openDeadline else { return nil }
            if let within, open.workingDaysLeft > within, !open.onHold { return nil }
            let status = open.onHold ? "on-hold" : open.workingDaysLeft < 0 || open.due < asOf ? "overdue" : "due"
            return Item(complaint: result.complaint.id, file: file, line: result.complaint.location.line, rule: evaluation.rule.id,
                        pack: evaluation.pack, awaiting: open.event.noun, stage: open.stage, due: open.due,
                        workingDaysLeft: open.workingDaysLeft, status: status, category: result.complaint.category)
        }
    }

    package func text() -> String {
        guard !items.isEmpty else { return "No open deadlines as of \(asOf.longDescription).\n" }
        var out = "Open deadlines as of \(asOf.longDescription), soonest first:\n"
        for item in items {
            let when = item.status == "on-hold" ? "on hold (was due \(item.due.longDescription))"
                : item.workingDaysLeft < 0 ? "OVERDUE by \(-item.workingDaysLeft) working day\(item.workingDaysLeft == -1 ? "" : "s") (due \(item.due.longDescription))"
                : item.workingDaysLeft == 0 ? "due TODAY (\(item.due.longDescription))"
                : "due \(item.due.longDescription), \(item.workingDaysLeft) working day\(item.workingDaysLeft == 1 ? "" : "s") left"
            out += "  \(item.complaint): stage \(item.stage) \(item.awaiting) \(when) — \(item.rule) (\(item.file):\(item.line))\n"
        }
        let overdue = items.filter { $0.status == "overdue" }.count
        out += "\n\(items.count) open deadline\(items.count == 1 ? "" : "s"), \(overdue) overdue\n"
        return out
    }

    package func json() -> String {
        struct Document: Encodable { let schemaVersion: Int; let asOf: CivilDate; let items: [Item] }
        return JSONReporter.encode(Document(schemaVersion: JSONReporter.schemaVersion, asOf: asOf, items: items))
    }

    package func csv() -> String {
        var rows = [["complaint", "stage", "awaiting", "due", "working_days_left", "status", "rule", "pack", "category", "file", "line"]]
        for i in items {
            rows.append([i.complaint, String(i.stage), i.awaiting, i.due.description, String(i.workingDaysLeft), i.status, i.rule, i.pack,
                         i.category ?? "", i.file, String(i.line)])
        }
        return rows.map { $0.map(csvCell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}

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
        let awaiting: String
        package let stage: Int
        package let due: CivilDate
        package let workingDaysLeft: Int
        package let status: Status
        package let category: String?
        /// When what the deadline runs from was not recorded: the due date counted from the
        /// earliest day it could have been (left out of JSON when there is none).
        package let earliestDue: CivilDate?
    }

    /// Where an open deadline stands as of the run's date.
    package enum Status: String, Sendable, Encodable {
        case overdue, due
        case onHold = "on-hold"
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
    /// Events dated after the as-of date, left out as if the export had been taken then.
    package var eventsAfterAsOf = 0

    package init(asOf: CivilDate, items: [Item], eventsAfterAsOf: Int = 0) {
        self.asOf = asOf
        self.eventsAfterAsOf = eventsAfterAsOf
        self.items = items.sorted { ($0.due, $0.complaint, $0.rule) < ($1.due, $1.complaint, $1.rule) }
    }

    /// One complaint's open deadlines.
    package static func items(file: String, result: ComplaintResult, asOf: CivilDate, within: Int?) -> [Item] {
        result.evaluations.compactMap { evaluation in
            guard let open = evaluation.openDeadline else { return nil }
            if let within, open.workingDaysLeft > within, !open.onHold { return nil }
            let status: Status = open.onHold ? .onHold : open.workingDaysLeft < 0 || open.due < asOf ? .overdue : .due
            return Item(
                complaint: result.complaint.id, file: file, line: result.complaint.location.line, rule: evaluation.rule.id,
                pack: evaluation.pack, awaiting: open.event.noun, stage: open.stage, due: open.due,
                workingDaysLeft: open.workingDaysLeft, status: status, category: result.complaint.category,
                earliestDue: open.earliestDue)
        }
    }
}

import CHCChecks
import CHCIngest
import CHCModel
import Foundation
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
        /// The complaint's stage; nil for a hazard case.
        package let stage: Int?
        package let due: CivilDate
        /// For a limit in hours (a hazard's 24): when it runs out on a UK clock, and the whole
        /// hours left from the list's time (negative when overdue; 0 within the hour either side).
        package let dueAt: Moment?
        package let hoursLeft: Int?
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
        let now = Self.now(asOf: report.asOf)
        for (file, result) in report.results {
            items += Self.items(file: file, result: result, asOf: report.asOf, within: within, now: now)
        }
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

    /// One complaint's open deadlines; `now` (seconds since the epoch) is the time hours left
    /// are counted from (see `DueList.now`).
    package static func items(file: String, result: ComplaintResult, asOf: CivilDate, within: Int?, now: Int) -> [Item] {
        let hazard = result.complaint.isHazardCase
        return result.evaluations.compactMap { evaluation -> Item? in
            guard let open = evaluation.openDeadline else { return nil }
            let secondsLeft = open.dueAt?.ukInstant.map { $0 - now }
            if let within, open.workingDaysLeft > within, !open.onHold, secondsLeft == nil { return nil }
            let status: Status =
                open.onHold ? .onHold : (secondsLeft.map { $0 < 0 } ?? (open.workingDaysLeft < 0 || open.due < asOf)) ? .overdue : .due
            return Item(
                complaint: result.complaint.id, file: file, line: result.complaint.location.line, rule: evaluation.rule.id,
                pack: evaluation.pack, awaiting: hazard ? open.event.awaited : open.event.noun, stage: hazard ? nil : open.stage,
                due: open.due, dueAt: open.dueAt?.ukLocal, hoursLeft: secondsLeft.map { $0 / 3_600 },
                workingDaysLeft: open.workingDaysLeft, status: status, category: result.complaint.category,
                earliestDue: open.earliestDue)
        }
    }

    /// The time a worklist counts hours from: now, for today's list; the start of the day (UK
    /// time) for a list as of another day — the morning it is read.
    package static func now(asOf: CivilDate) -> Int {
        if asOf == .today() { return Int(Date().timeIntervalSince1970) }
        return Moment(date: asOf, secondsOfDay: 0).ukInstant ?? asOf.dayNumber * 86_400
    }
}

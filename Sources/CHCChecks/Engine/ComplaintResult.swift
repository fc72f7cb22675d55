import CHCIngest
import CHCModel
import WorkingDays

/// What happened when one rule was applied to one complaint.
package enum Outcome: String, Sendable, Codable, CaseIterable {
    /// The rule was met.
    case compliant
    /// At least one breach or overdue finding.
    case breach
    /// The rule needs data the timeline lacks.
    case notEvaluable = "not-evaluable"
    /// A deadline that has not yet passed.
    case pending
    /// The rule does not apply (e.g. a stage 2 rule when there was no escalation).
    case notApplicable = "not-applicable"
}

/// One rule's evaluation of one complaint.
package struct RuleEvaluation: Sendable {
    package let rule: Rule
    package let pack: String
    package let outcome: Outcome
    package let findings: [Finding]
    /// For a deadline still open (pending or overdue): the due date and what is awaited.
    package var openDeadline: OpenDeadline? { openDeadlineBox?.value }
    /// For a deadline: when it was due, when the event happened and the working days taken.
    package let timing: DeadlineTiming?

    /// The open deadline, boxed: most evaluations have none, and held in place it made every
    /// evaluation half as large again (a complaint's fifteen are written into a new array, copied
    /// and read; 90 of an evaluation's 178 bytes).
    private let openDeadlineBox: OpenDeadlineBox?

    private final class OpenDeadlineBox: Sendable {
        let value: OpenDeadline
        init(_ value: OpenDeadline) { self.value = value }
    }

    package init(rule: Rule, pack: String, outcome: Outcome, findings: [Finding], openDeadline: OpenDeadline?, timing: DeadlineTiming?) {
        self.rule = rule
        self.pack = pack
        self.outcome = outcome
        self.findings = findings
        openDeadlineBox = openDeadline.map(OpenDeadlineBox.init)
        self.timing = timing
    }
}

/// The dates behind a deadline's outcome, kept for compliant outcomes too.
package struct DeadlineTiming: Sendable, Codable, Equatable {
    package let anchor: CivilDate
    package let due: CivilDate
    package let actual: CivilDate?
    package let workingDaysTaken: Int?
}

/// A deadline that has not been met yet, for the `chc due` worklist.
package struct OpenDeadline: Sendable {
    package let event: EventType
    package let stage: Int
    package let due: CivilDate
    /// The clock is stopped by an agreed hold that has not been resumed.
    package let onHold: Bool
    /// Working days from the run's date to the due date; negative when overdue.
    package let workingDaysLeft: Int
    /// When the deadline's anchor was not recorded: the due date counted from the earliest day
    /// it could have been (the Ombudsman's reading); `due` is counted from the last day allowed.
    package var earliestDue: CivilDate? = nil
    /// For a limit in hours: the instant it runs out, on a UK clock.
    package var dueAt: Moment? = nil
}

/// Every rule's evaluation of one complaint, and the packs used.
package struct ComplaintResult: Sendable {
    package let complaint: Complaint
    /// The Code pack (and policy) the complaint was judged by.
    package let packs: [String]
    package let evaluations: [RuleEvaluation]
    /// Events dated after the run's as-of date, left out as if the export had been taken then.
    package let eventsAfterAsOf: Int
    /// False when the complaint was received after the as-of date: it is not judged, and not
    /// reported (only its events are counted in `eventsAfterAsOf`).
    package let isJudged: Bool

    package init(complaint: Complaint, packs: [String], evaluations: [RuleEvaluation], eventsAfterAsOf: Int = 0, isJudged: Bool = true) {
        self.complaint = complaint
        self.packs = packs
        self.evaluations = evaluations
        self.eventsAfterAsOf = eventsAfterAsOf
        self.isJudged = isJudged
    }

    /// All findings in a deterministic order: by date, then rule.
    package var findings: [Finding] {
        // Most complaints have none or one: gathered into one array of the right size, and
        // sorted only when there is something to order.
        // The evaluations' findings are read in place: taking an evaluation out of the array
        // copies it.
        var count = 0
        var only = 0
        for place in evaluations.indices where !evaluations[place].findings.isEmpty {
            count += evaluations[place].findings.count
            only = place
        }
        guard count > 0 else { return [] }
        // One finding: the evaluation's own array, shared (a copy would retain each of its strings).
        guard count > 1 else { return evaluations[only].findings }
        var all: [Finding] = []
        all.reserveCapacity(count)
        for place in evaluations.indices where !evaluations[place].findings.isEmpty { all += evaluations[place].findings }
        all.sort {
            let a = $0.actual ?? $0.due ?? .init(dayNumber: Int.max)
            let b = $1.actual ?? $1.due ?? .init(dayNumber: Int.max)
            return (a, $0.rule, $0.message) < (b, $1.rule, $1.message)
        }
        return all
    }

    /// How many findings `findings` holds, without gathering them.
    package var findingCount: Int {
        var count = 0
        for place in evaluations.indices { count += evaluations[place].findings.count }
        return count
    }
}

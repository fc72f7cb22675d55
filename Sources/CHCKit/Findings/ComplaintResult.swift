import WorkingDays

/// What happened when one rule was applied to one complaint.
public enum Outcome: String, Sendable, Codable {
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
public struct RuleEvaluation: Sendable {
    public let rule: Rule
    public let pack: String
    public let outcome: Outcome
    public let findings: [Finding]
    /// For a deadline still open (pending or overdue): the due date and what is awaited.
    public let openDeadline: OpenDeadline?
    /// For a deadline: when it was due, when the event happened and the working days taken.
    public let timing: DeadlineTiming?
}

/// The dates behind a deadline's outcome, kept for compliant outcomes too.
public struct DeadlineTiming: Sendable, Codable, Equatable {
    public let anchor: CivilDate
    public let due: CivilDate
    public let actual: CivilDate?
    public let workingDaysTaken: Int?
}

/// A deadline that has not been met yet, for the `chc due` worklist.
public struct OpenDeadline: Sendable {
    public let event: EventType
    public let stage: Int
    public let due: CivilDate
    /// The clock is stopped by an agreed hold that has not been resumed.
    public let onHold: Bool
    /// Working days from the run's date to the due date; negative when overdue.
    public let workingDaysLeft: Int
}

/// Every rule's evaluation of one complaint, and the packs used.
public struct ComplaintResult: Sendable {
    public let complaint: Complaint
    /// The Code pack (and policy) the complaint was judged by.
    public let packs: [String]
    public let evaluations: [RuleEvaluation]

    /// All findings in a deterministic order: by date, then rule.
    public var findings: [Finding] {
        evaluations.flatMap(\.findings).sorted {
            let a = $0.actual ?? $0.due ?? .init(dayNumber: Int.max), b = $1.actual ?? $1.due ?? .init(dayNumber: Int.max)
            return (a, $0.rule, $0.message) < (b, $1.rule, $1.message)
        }
    }
}

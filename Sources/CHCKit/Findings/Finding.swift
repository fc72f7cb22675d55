import WorkingDays

/// One likely breach (or a rule that could not be evaluated), with everything a person needs
/// to check it: the rule, the dates, the count, the paragraph and where the event is written.
public struct Finding: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable, Equatable {
        /// The event happened, but not as the rule requires (late, incomplete, forbidden).
        case breach
        /// The event has not happened and its deadline has passed as of the run's date.
        case overdue
        /// The data the rule needs is not in the timeline.
        case notEvaluable = "not-evaluable"
    }

    /// The rule's check kind and the event and stage it is about.
    public struct Check: Sendable, Codable, Equatable {
        public let kind: String
        public let event: String?
        public let stage: Int?
    }

    public struct AnchorRef: Sendable, Codable, Equatable {
        public let event: String
        public let date: CivilDate
        /// True when the anchor event never happened and its own due date was used instead.
        public let derived: Bool
    }

    public struct Citation: Sendable, Codable, Equatable {
        public let paragraph: String
        public let summary: String
        public let url: String
        /// confirmed, secondary or unconfirmed.
        public let source: String
    }

    public let complaint: String
    public let rule: String
    public let pack: String
    public let check: Check
    public let severity: Severity
    public let status: Status
    public let message: String
    public let anchor: AnchorRef?
    public let due: CivilDate?
    public let actual: CivilDate?
    public let workingDaysTaken: Int?
    public let workingDaysLate: Int?
    public let citation: Citation
    public let location: SourceLocation
    public let hint: String?

    /// Whether the finding counts as a breach in summaries and exit codes.
    public var isBreach: Bool { Self.isBreach(status: status, severity: severity) }
    static func isBreach(status: Status, severity: Severity) -> Bool { status != .notEvaluable && severity != .note }
}

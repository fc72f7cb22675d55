import WorkingDays

/// One likely breach (or a rule that could not be evaluated), with everything a person needs
/// to check it: the rule, the dates, the count, the paragraph and where the event is written.
package struct Finding: Sendable, Codable, Equatable {
    /// The version of every JSON document `chc` writes (findings are in most of them, and a
    /// baseline is read back by it); a change to a field bumps it.
    package static let schemaVersion = 1

    package enum Status: String, Sendable, Codable, Equatable {
        /// The event happened, but not as the rule requires (late, incomplete, forbidden).
        case breach
        /// The event has not happened and its deadline has passed as of the run's date.
        case overdue
        /// The data the rule needs is not in the timeline.
        case notEvaluable = "not-evaluable"
    }

    /// The rule's check kind and the event and stage it is about.
    package struct Check: Sendable, Codable, Equatable {
        package let kind: String
        package let event: String?
        package let stage: Int?

        package init(kind: String, event: String?, stage: Int?) {
            self.kind = kind
            self.event = event
            self.stage = stage
        }
    }

    package struct AnchorRef: Sendable, Codable, Equatable {
        package let event: String
        package let date: CivilDate
        /// True when the anchor event never happened and its own due date was used instead.
        package let derived: Bool

        package init(event: String, date: CivilDate, derived: Bool) {
            self.event = event
            self.date = date
            self.derived = derived
        }
    }

    package struct Citation: Sendable, Codable, Equatable {
        package let paragraph: String
        package let summary: String
        package let url: String
        /// confirmed, secondary or unconfirmed.
        package let source: String

        package init(paragraph: String, summary: String, url: String, source: String) {
            self.paragraph = paragraph
            self.summary = summary
            self.url = url
            self.source = source
        }
    }

    package let complaint: String
    package let rule: String
    package let pack: String
    package let check: Check
    package let severity: Severity
    package let status: Status
    package let message: String
    package let anchor: AnchorRef?
    package let due: CivilDate?
    package let actual: CivilDate?
    package let workingDaysTaken: Int?
    package let workingDaysLate: Int?
    package let citation: Citation
    package let location: SourceLocation
    package let hint: String?
    /// When the complaint fell in a Code's transition period (landlords still given time to
    /// comply): why the finding is less firm than one after it. Nil otherwise.
    package let transition: String?

    package init(
        complaint: String, rule: String, pack: String, check: Check, severity: Severity, status: Status, message: String,
        anchor: AnchorRef?, due: CivilDate?, actual: CivilDate?, workingDaysTaken: Int?, workingDaysLate: Int?, citation: Citation,
        location: SourceLocation, hint: String?, transition: String? = nil
    ) {
        self.complaint = complaint
        self.rule = rule
        self.pack = pack
        self.check = check
        self.severity = severity
        self.status = status
        self.message = message
        self.anchor = anchor
        self.due = due
        self.actual = actual
        self.workingDaysTaken = workingDaysTaken
        self.workingDaysLate = workingDaysLate
        self.citation = citation
        self.location = location
        self.hint = hint
        self.transition = transition
    }

    /// Whether the finding counts as a breach in summaries and exit codes.
    package var isBreach: Bool { Self.isBreach(status: status, severity: severity) }
    package static func isBreach(status: Status, severity: Severity) -> Bool { status != .notEvaluable && severity != .note }
}

extension Finding {
    // Written by hand so that absent values are `null`, not left out: every finding in the
    // JSON formats has every field.
    package enum CodingKeys: String, CodingKey {
        case complaint, rule, pack, check, severity, status, message, anchor, due, actual, workingDaysTaken, workingDaysLate, citation,
            location, hint, transition
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(complaint, forKey: .complaint)
        try c.encode(rule, forKey: .rule)
        try c.encode(pack, forKey: .pack)
        try c.encode(check, forKey: .check)
        try c.encode(severity, forKey: .severity)
        try c.encode(status, forKey: .status)
        try c.encode(message, forKey: .message)
        try c.encode(anchor, forKey: .anchor)
        try c.encode(due, forKey: .due)
        try c.encode(actual, forKey: .actual)
        try c.encode(workingDaysTaken, forKey: .workingDaysTaken)
        try c.encode(workingDaysLate, forKey: .workingDaysLate)
        try c.encode(citation, forKey: .citation)
        try c.encode(location, forKey: .location)
        try c.encode(hint, forKey: .hint)
        try c.encode(transition, forKey: .transition)
    }
}

import WorkingDays

/// How serious a finding is: `error` = the Code; `warning` = the landlord's own policy or a
/// likely issue needing review; `note` = information.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case note, warning, error

    var rank: Int { switch self { case .note: 0; case .warning: 1; case .error: 2 } }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// How sure the project is of the provision a rule encodes (`codes.md` tags).
public enum Confidence: String, Sendable, Codable, CaseIterable {
    /// Read in the Code's own text, with its paragraph number.
    case confirmed
    /// Read without its paragraph number, or only in a secondary source.
    case secondary
    /// Not read anywhere authoritative.
    case unconfirmed
}

/// One rule of a pack: a check kind with its parameters, the provision it cites, and the
/// examples that prove it.
public final class Rule: Sendable {
    public let id: String
    public let paragraph: String
    public let summary: String
    public let severity: Severity
    public let confidence: Confidence
    public let url: String
    public let note: String?
    public let hint: String?
    public let check: RuleCheck
    public let examples: [RuleExample]
    public let location: SourceLocation
    /// For the Code's deadline on the response at a stage (a policy's rule, whose id has a `/`,
    /// is not the Code's): that stage. CH02 counts responses in time by it.
    let codeResponseStage: Int?
    /// For a deadline rule: its terms as plain values, and the paragraph its extension limit cites.
    let deadline: DeadlineTerms?
    let extensionParagraph: String?

    public init(id: String, paragraph: String, summary: String, severity: Severity, confidence: Confidence, url: String,
                note: String?, hint: String?, check: RuleCheck, examples: [RuleExample], location: SourceLocation) {
        self.id = id
        self.paragraph = paragraph
        self.summary = summary
        self.severity = severity
        self.confidence = confidence
        self.url = url
        self.note = note
        self.hint = hint
        self.check = check
        self.examples = examples
        self.location = location
        if case let .deadline(spec) = check {
            deadline = DeadlineTerms(spec)
            extensionParagraph = spec.extensionLimit?.paragraph
        } else {
            deadline = nil
            extensionParagraph = nil
        }
        codeResponseStage = deadline.flatMap { $0.event == .response && !id.utf8.contains(47) ? $0.stage : nil }
    }
}

/// A timeline a rule's author wrote to show the rule firing (`breach`) or not (`compliant`).
public struct RuleExample: Sendable {
    public enum Expectation: String, Sendable { case breach, compliant }
    public let expectation: Expectation
    public let complaint: Complaint
    /// The day the example is judged as of (default: 60 days after its last event).
    public let asOf: CivilDate
    public let location: SourceLocation
}

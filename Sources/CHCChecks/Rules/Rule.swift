import CHCIngest
import CHCModel
import WorkingDays

/// One rule of a pack: a check kind with its parameters, the provision it cites, and the
/// examples that prove it.
package final class Rule: Sendable {
    package let id: String
    package let paragraph: String
    package let summary: String
    package let severity: Severity
    package let confidence: Confidence
    package let url: String
    package let note: String?
    package let hint: String?
    /// What the rule checks: one check kind with its parameters.
    package let check: any CheckKind
    package let examples: [RuleExample]
    package let location: SourceLocation
    /// A landlord's own target (a policy pack's rule), not the Code's.
    package let isPolicy: Bool
    /// The kind's name and what the rule is about, for findings (read once here, not per finding).
    package let kind: String
    package let subject: CheckSubject
    /// For a deadline rule: its terms as plain values.
    package let deadline: DeadlineTerms?
    /// For the Code's deadline on the response at a stage: that stage. CH02 counts responses in
    /// time by it.
    package let codeResponseStage: Int?
    /// A number no other rule made by this process has (0, 1, … in the order they were made):
    /// the output formats keep text made for a rule in an array at this place, where a
    /// dictionary keyed by the rule hashed it for every test case of every complaint.
    package let serial: Int

    package init(
        id: String, paragraph: String, summary: String, severity: Severity, confidence: Confidence, url: String,
        note: String?, hint: String?, check: any CheckKind, examples: [RuleExample], location: SourceLocation, isPolicy: Bool = false
    ) {
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
        self.isPolicy = isPolicy
        kind = type(of: check).name
        subject = check.subject
        deadline = (check as? DeadlineCheck)?.terms
        codeResponseStage = deadline.flatMap { $0.event == .response && !isPolicy ? $0.stage : nil }
        serial = Rule.serials.next()
    }

    private static let serials = Serials()

    /// Hands out rule serials; rules are made on several threads (each checking thread reads
    /// the packs again), a few hundred a run, so a lock costs nothing.
    private final class Serials: @unchecked Sendable {
        private let lock = NSLockShim()
        private var count = 0  // only under `lock`

        func next() -> Int {
            lock.withLock {
                count += 1
                return count - 1
            }
        }
    }
}

/// A timeline a rule's author wrote to show the rule firing (`breach`) or not (`compliant`).
package struct RuleExample: Sendable {
    package enum Expectation: String, Sendable { case breach, compliant }
    let expectation: Expectation
    package let complaint: Complaint
    /// The day the example is judged as of (default: 60 days after its last event).
    package let asOf: CivilDate
    package let location: SourceLocation
}

import WorkingDays

/// What a lint rule concluded about one provision of the Code.
public enum LintVerdict: Sendable {
    /// The config meets the provision; `evidence` is the key that shows it.
    case met(evidence: String)
    /// The config cannot comply.
    case notMet(LintProblem)
    /// The config does not say; `add` lists the keys to add.
    case notStated(add: [String])
}

/// Why a config cannot comply with a provision.
public struct LintProblem: Sendable {
    /// The offending key (dotted path), located in the file.
    public let key: String
    /// What the config says, in its own words.
    public let says: String
    /// Why that cannot comply, with the exact condition where it depends on one.
    public let why: String
}

/// One policy-level "must" of a Code, checked against a complaints-process config.
public struct LintRule: Sendable {
    public let id: String
    public let paragraph: String
    /// The requirement, paraphrased.
    public let requirement: String
    public let confidence: Confidence
    public let url: String
    public let severity: Severity
    let evaluate: @Sendable (PolicyConfig) -> LintVerdict
}

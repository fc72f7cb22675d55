import CHCIngest
import CHCModel
import WorkingDays
import Yams

/// What a lint rule concluded about one provision of the Code.
package enum LintVerdict: Sendable {
    /// The config meets the provision; `evidence` is the key that shows it.
    case met(evidence: String)
    /// The config cannot comply.
    case notMet(LintProblem)
    /// The config does not say; `add` lists the keys to add.
    case notStated(add: [String])
}

extension LintVerdict {
    /// The verdict on one setting of a config: not stated when the config leaves it out (`add`
    /// says what to write), met when `required` is what it says, else not met, quoting it.
    package static func setting<Value: Equatable>(
        _ value: Value?, key: String, required: Value, add: String, says: (Value) -> String, why: String
    ) -> LintVerdict {
        guard let value else { return .notStated(add: [add]) }
        guard value == required else { return .notMet(LintProblem(key: key, says: says(value), why: why)) }
        return .met(evidence: key)
    }
}

/// Why a config cannot comply with a provision.
package struct LintProblem: Sendable {
    /// The offending key (dotted path), located in the file.
    package let key: String
    /// What the config says, in its own words.
    package let says: String
    /// Why that cannot comply, with the exact condition where it depends on one.
    package let why: String
}

/// One policy-level "must" of a Code, checked against a complaints-process config.
package struct LintRule: Sendable {
    package let id: String
    package let paragraph: String
    /// The requirement, paraphrased.
    package let requirement: String
    package let confidence: Confidence
    package let url: String
    package let severity: Severity
    let evaluate: @Sendable (PolicyConfig) -> LintVerdict

    package init(
        id: String, paragraph: String, requirement: String, confidence: Confidence, url: String, severity: Severity,
        evaluate: @escaping @Sendable (PolicyConfig) -> LintVerdict
    ) {
        self.id = id
        self.paragraph = paragraph
        self.requirement = requirement
        self.confidence = confidence
        self.url = url
        self.severity = severity
        self.evaluate = evaluate
    }

    /// The provision a Code rule stands for (`lint/` and the rule's id, its paragraph and citation).
    package init(for rule: Rule, requirement: String, evaluate: @escaping @Sendable (PolicyConfig) -> LintVerdict) {
        self.init(
            id: "lint/\(rule.id)", paragraph: rule.paragraph, requirement: requirement, confidence: rule.confidence, url: rule.url,
            severity: rule.severity, evaluate: evaluate)
    }
}

extension LintRule {
    /// The provision as a rule of `pack`, so that the formats shared with `chc check` can
    /// report it: its check is the config provision itself.
    package func asRule(in pack: RulePack) -> Rule {
        Rule(
            id: id, paragraph: paragraph, summary: requirement, severity: severity, confidence: confidence, url: url, note: nil,
            hint: nil, check: PolicyProvision(), examples: [], location: SourceLocation(file: pack.file, line: 1, column: 1))
    }
}

/// A provision of a complaints-process config, checked by `chc lint` (not a kind a rule pack
/// can use: a config is not a timeline).
package final class PolicyProvision: CheckKind {
    package static let name = "policy-provision"
    package static let summary = "A provision of a landlord's complaints-process config."
    package static let example = ""
    package static func read(_ node: Node, reader: YAMLReader) -> PolicyProvision? { nil }
    package var subject: CheckSubject { CheckSubject(event: nil, stage: nil) }
    package var parameters: String { "config key " }
    package func evaluate(in context: EvaluationContext) -> RuleEvaluation { context.evaluation(.notApplicable) }
}

import CHCIngest
import CHCModel
import WorkingDays
import Yams

/// One kind of check a rule can make: a deadline, every point answered, a forbidden event…
///
/// Everything about a kind lives in its own file under `Kinds/`: the key that names it in a
/// rule file, how its parameters are read and described, how it judges a complaint, and what
/// `chc lint` asks of a complaints process for it. `CheckKinds` lists the kinds; every list of
/// kind names (valid keys, "did you mean", `chc rules`, the docs) is derived from it.
package protocol CheckKind: AnyObject, Sendable {
    /// The key that names the kind in a rule (`deadline:`), and `check.kind` in findings.
    static var name: String { get }
    /// What a rule of this kind requires, in a sentence (`chc rules kinds`, the docs).
    static var summary: String { get }
    /// A value for the kind's key as a rule file writes it; the tests read each one back.
    static var example: String { get }
    /// Reads the kind's parameters from the value of its key. Every problem is reported to
    /// `reader`; nil when there was one.
    static func read(_ node: Node, reader: YAMLReader) -> Self?

    /// The event and stage a rule of this kind is about (`check` in findings).
    var subject: CheckSubject { get }
    /// The parameters in words (`chc rules show`).
    var parameters: String { get }
    /// The rule's judgement of the context's complaint.
    func evaluate(in context: EvaluationContext) throws(CalendarError) -> RuleEvaluation
    /// The provisions `chc lint` checks a complaints-process config for, for `rule` of `pack`.
    func lintRules(for rule: Rule, in pack: RulePack) -> [LintRule]
    /// What is wrong with a rule of this kind among the pack's other rules (a rule that needs
    /// another to judge), reported when the pack loads; nil when nothing is.
    func problem(among rules: [Rule]) -> String?
}

extension CheckKind {
    package func lintRules(for rule: Rule, in pack: RulePack) -> [LintRule] { [] }
    package func problem(among rules: [Rule]) -> String? { nil }
}

/// A kind whose one parameter is the stage it judges (`{ stage: 1 }`): it is read the same way
/// for each of them.
package protocol StageCheckKind: CheckKind {
    var stage: Int { get }
    init(stage: Int)
    /// Keys a rule may write beside `stage` (none unless the kind says).
    static var alsoAllowed: [String] { get }
}

extension StageCheckKind {
    package static var alsoAllowed: [String] { [] }

    package static func read(_ node: Node, reader: YAMLReader) -> Self? {
        requiredStage(reader.fields(node, "`\(name)`", allowed: ["stage"] + alsoAllowed), reader: reader).map { Self(stage: $0) }
    }
}

/// The event and stage a rule is about, for grouping findings without parsing ids.
package struct CheckSubject: Sendable {
    package let event: EventType?
    package let stage: Int?

    package init(event: EventType?, stage: Int?) {
        self.event = event
        self.stage = stage
    }
}

/// The check kinds a rule pack may use: the registry every list of kinds is derived from.
package struct CheckKinds: Sendable {
    /// In the order `chc` lists them.
    package private(set) var all: [any CheckKind.Type]

    /// The kinds `chc` ships with.
    package static let standard = CheckKinds([
        DeadlineCheck.self,
        AllPointsAnsweredCheck.self,
        ResponseIncludesCheck.self,
        DifferentHandlerCheck.self,
        ForbiddenEventCheck.self,
        MaxStagesCheck.self,
        ExtensionNoticeCheck.self,
        ExtensionLimitCheck.self,
        HazardDeadlineCheck.self,
    ])

    package init(_ kinds: [any CheckKind.Type]) { all = kinds }

    /// Every kind's name, in order.
    package var names: [String] { all.map { $0.name } }

    /// The kind written as `name`.
    package func named(_ name: String) -> (any CheckKind.Type)? { all.first { $0.name == name } }

    /// These kinds and one more (replacing a kind of the same name).
    package func adding(_ kind: any CheckKind.Type) -> CheckKinds {
        CheckKinds(all.filter { $0.name != kind.name } + [kind])
    }
}

extension CheckKind {
    /// Reads a kind's value and erases its type, for the registry's callers.
    static func readAny(_ node: Node, reader: YAMLReader) -> (any CheckKind)? { read(node, reader: reader) }

    /// `stage:` of a kind's parameters, required, 1 or more.
    static func requiredStage(_ fields: Fields?, reader: YAMLReader) -> Int? {
        guard let fields else { return nil }
        guard let node = fields["stage"] else {
            reader.report(fields.node, "`\(name)` needs `stage` (1 or 2)")
            return nil
        }
        guard let stage = reader.int(node, "`stage`") else { return nil }
        guard stage >= 1 else {
            reader.report(node, "`stage` should be 1 or 2, found \(stage)")
            return nil
        }
        return stage
    }
}

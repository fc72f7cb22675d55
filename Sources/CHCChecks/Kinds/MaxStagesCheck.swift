import CHCIngest
import CHCModel
import Yams

/// `max-stages`: no event at a stage beyond the Code's last stage.
package final class MaxStagesCheck: CheckKind {
    package static let name = "max-stages"
    package static let summary = "No event happens at a stage beyond the process's last stage."
    package static let example = "2"

    package let maximum: Int

    package init(maximum: Int) { self.maximum = maximum }

    /// `max-stages: 2`, or `max-stages: { max: 2 }`.
    package static func read(_ node: Node, reader: YAMLReader) -> MaxStagesCheck? {
        if case .scalar = node { return reader.int(node, "`\(name)`").map(MaxStagesCheck.init) }
        let fields = reader.fields(node, "`\(name)`", allowed: ["max"])
        return fields?["max"].flatMap { reader.int($0, "`max`") }.map(MaxStagesCheck.init)
    }

    package var subject: CheckSubject { CheckSubject(event: nil, stage: nil) }
    package var parameters: String { "at most \(maximum) stages" }

    package func lintRules(for rule: Rule, in pack: RulePack) -> [LintRule] {
        let maximum = maximum
        return [
            LintRule(for: rule, requirement: "A complaints process has exactly \(maximum) stages.") { config in
                guard let stages = config.stages else { return .notStated(add: ["stages: \(maximum)"]) }
                if stages > maximum {
                    return .notMet(
                        LintProblem(
                            key: "stages", says: "stages: \(stages)",
                            why: "the Code allows \(maximum) stages only; extra stages delay residents' access to the Ombudsman"))
                }
                if stages < maximum {
                    return .notMet(
                        LintProblem(
                            key: "stages", says: "stages: \(stages)",
                            why: "the Code requires \(maximum) stages, the second being the landlord's final response"))
                }
                return .met(evidence: "stages")
            }
        ]
    }

    package func evaluate(in context: EvaluationContext) -> RuleEvaluation {
        guard let beyond = context.complaint.events.first(where: { ($0.stage ?? 1) > maximum }) else {
            return context.evaluation(.compliant)
        }
        return context.evaluation(
            .breach,
            [
                context.finding(
                    .breach,
                    "stage \(beyond.stage!) \(beyond.type.noun) on \(beyond.date.longDescription): a complaints process may have no more than \(maximum) stages",
                    actual: beyond.date, at: beyond.location)
            ])
    }
}

import CHCIngest
import CHCModel
import Yams

/// `max-stages`: no event at a stage beyond the Code's last stage.
package final class MaxStagesCheck: CheckKind {
    package static let name = "max-stages"
    package static let summary = "No event happens at a stage beyond the process's last stage."
    package static let example = "{ max: 2, unless: optional }"

    package let maximum: Int
    /// A further stage is acceptable when the resident could skip it (the timeline's
    /// `optional: true` on its events), as the 2020 Code allowed.
    package let allowsOptional: Bool

    package init(maximum: Int, allowsOptional: Bool = false) {
        self.maximum = maximum
        self.allowsOptional = allowsOptional
    }

    /// `max-stages: 2`, or `max-stages: { max: 2 }`, or `{ max: 2, unless: optional }`.
    package static func read(_ node: Node, reader: YAMLReader) -> MaxStagesCheck? {
        if case .scalar = node { return reader.int(node, "`\(name)`").map { MaxStagesCheck(maximum: $0) } }
        guard let fields = reader.fields(node, "`\(name)`", allowed: ["max", "unless"]) else { return nil }
        guard let maximum = fields["max"].flatMap({ reader.int($0, "`max`") }) else {
            if !fields.has("max") { reader.report(node, "`\(name)` needs `max`") }
            return nil
        }
        var allowsOptional = false
        if let unless = fields["unless"] {
            guard reader.choice(unless, "`unless` of `\(name)`", among: [EventFlag.optional.rawValue]) != nil else { return nil }
            allowsOptional = true
        }
        return MaxStagesCheck(maximum: maximum, allowsOptional: allowsOptional)
    }

    package var subject: CheckSubject { CheckSubject(event: nil, stage: nil) }
    package var parameters: String { "at most \(maximum) stages" + (allowsOptional ? ", or more when the resident could skip them" : "") }

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
        if allowsOptional {
            let further = context.complaint.events.filter { ($0.stage ?? 1) > maximum }
            if let forced = further.first(where: { $0.optionalStage == false }) {
                return context.evaluation(
                    .breach,
                    [
                        context.finding(
                            .breach,
                            "stage \(forced.stage!) \(forced.type.noun) on \(forced.date.longDescription): a stage beyond the \(maximum) the Code sets, and not optional for the resident (`optional: false`)",
                            actual: forced.date, at: forced.location)
                    ])
            }
            if further.contains(where: { $0.optionalStage == true }) { return context.evaluation(.compliant) }
            return context.evaluation(
                .notEvaluable,
                [
                    context.finding(
                        .notEvaluable,
                        "stage \(beyond.stage!) \(beyond.type.noun) on \(beyond.date.longDescription): a stage beyond \(maximum) is acceptable only if the resident could skip it, and the timeline does not say",
                        severity: .note, actual: beyond.date, at: beyond.location,
                        hint:
                            "Record `optional: true` on the stage's events if the resident could go to the Ombudsman without it, `optional: false` if not."
                    )
                ])
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

import CHCIngest
import CHCModel
import Yams

/// `max-stages`: no event at a stage beyond the Code's last stage (or, where the Code allowed
/// it, only at a further stage the resident could skip).
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
        var maximumNode = node
        var allowsOptional = false
        if case .mapping = node {
            guard let fields = reader.fields(node, "`\(name)`", allowed: ["max", "unless"]) else { return nil }
            guard let max = fields["max"] else {
                reader.report(node, "`\(name)` needs `max`")
                return nil
            }
            maximumNode = max
            if let unless = fields["unless"] {
                guard reader.choice(unless, "`unless` of `\(name)`", among: [EventFlag.optional.rawValue]) != nil else { return nil }
                allowsOptional = true
            }
        }
        guard let maximum = reader.int(maximumNode, "`\(name)`") else { return nil }
        guard maximum >= 1 else {
            reader.report(maximumNode, "`\(name)` should be at least 1, found \(maximum)")
            return nil
        }
        return MaxStagesCheck(maximum: maximum, allowsOptional: allowsOptional)
    }

    package var subject: CheckSubject { CheckSubject(event: nil, stage: nil) }
    package var parameters: String { "at most \(maximum) stages" + (allowsOptional ? ", or more when the resident could skip them" : "") }

    package func lintRules(for rule: Rule, in pack: RulePack) -> [LintRule] {
        let maximum = maximum
        let allowsOptional = allowsOptional
        let requirement =
            allowsOptional
            ? "A complaints process has \(maximum) stages; any further stage is optional for residents."
            : "A complaints process has exactly \(maximum) stages."
        return [
            LintRule(for: rule, requirement: requirement) { config in
                guard let stages = config.stages else { return .notStated(add: ["stages: \(maximum)"]) }
                if stages > maximum, allowsOptional {
                    // A config says how many stages, not whether residents may skip the extra ones.
                    return .notStated(add: [
                        "stages: \(maximum) (or say in the self-assessment that stage \(maximum + 1) is optional for residents)"
                    ])
                }
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
        let maximum = maximum
        // Found by the events' keys: the usual complaint touches no event object.
        guard context.complaint.hasEvent(where: { ($0.stage ?? 1) > maximum }) else { return context.evaluation(.compliant) }
        let further = context.complaint.events.filter { ($0.details.stage ?? 1) > maximum }
        guard let beyond = further.first else { return context.evaluation(.compliant) }
        guard allowsOptional else {
            return context.evaluation(
                .breach,
                [
                    context.finding(
                        .breach,
                        "stage \(beyond.details.stage ?? 1) \(beyond.type.noun) on \(beyond.date.longDescription): a complaints process may have no more than \(maximum) stages",
                        actual: beyond.date, at: beyond.location)
                ])
        }
        // Each further stage on its own: a breach when the resident had to go through it, not
        // evaluable when the timeline does not say whether they could skip it.
        var findings: [Finding] = []
        var stages: [Int] = []
        for event in further where !stages.contains(event.details.stage ?? 1) { stages.append(event.details.stage ?? 1) }
        for stage in stages {
            let events = further.filter { ($0.details.stage ?? 1) == stage }
            if let forced = events.first(where: { $0.details.optionalStage == false }) {
                findings.append(
                    context.finding(
                        .breach,
                        "stage \(stage) \(forced.type.noun) on \(forced.date.longDescription): a stage beyond the \(maximum) the Code sets, and not optional for the resident (`optional: false`)",
                        actual: forced.date, at: forced.location))
            } else if !events.contains(where: { $0.details.optionalStage == true }), let first = events.first {
                findings.append(
                    context.finding(
                        .notEvaluable,
                        "stage \(stage) \(first.type.noun) on \(first.date.longDescription): a stage beyond \(maximum) is acceptable only if the resident could skip it, and the timeline does not say",
                        severity: .note, actual: first.date, at: first.location,
                        hint:
                            "Record `optional: true` on the stage's events if the resident could go to the Ombudsman without it, `optional: false` if not."
                    ))
            }
        }
        if findings.contains(where: { $0.status == .breach }) { return context.evaluation(.breach, findings) }
        return context.evaluation(findings.isEmpty ? .compliant : .notEvaluable, findings)
    }
}

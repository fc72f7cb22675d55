import CHCIngest
import CHCModel
import Yams

/// `different-handler`: the person answering at a stage is not one who answered at the earlier stage.
package final class DifferentHandlerCheck: CheckKind {
    package static let name = "different-handler"
    package static let summary = "The person answering at a stage is not one who answered at an earlier stage."
    package static let example = "{ stage: 2, from-stage: 1 }"

    package let stage: Int
    let earlierStage: Int

    package init(stage: Int, earlierStage: Int) {
        self.stage = stage
        self.earlierStage = earlierStage
    }

    package static func read(_ node: Node, reader: YAMLReader) -> DifferentHandlerCheck? {
        let fields = reader.fields(node, "`\(name)`", allowed: ["stage", "from-stage"])
        guard let stage = requiredStage(fields, reader: reader) else { return nil }
        let earlier = fields?["from-stage"].flatMap { reader.int($0, "`from-stage`") } ?? stage - 1
        guard earlier >= 1, earlier < stage else {
            reader.report(node, "`\(name)` compares a stage with an earlier one; `from-stage` must be below `stage`")
            return nil
        }
        return DifferentHandlerCheck(stage: stage, earlierStage: earlier)
    }

    package var subject: CheckSubject { CheckSubject(event: .response, stage: stage) }
    package var parameters: String { "stage \(stage) handler differs from stage \(earlierStage)" }

    package func lintRules(for rule: Rule, in pack: RulePack) -> [LintRule] {
        let stage = stage
        let earlier = earlierStage
        return [
            LintRule(for: rule, requirement: "A different person handles stage \(stage) from stage \(earlier).") { config in
                .setting(
                    config.stage2.handler, key: "stage2.handler", required: "different-from-stage1",
                    add: "stage2.handler: different-from-stage1", says: { "handler: \($0)" },
                    why: "the person considering stage \(stage) must not be the one who considered stage \(earlier)")
            }
        ]
    }

    package func evaluate(in context: EvaluationContext) -> RuleEvaluation {
        // The responses are found by their keys and read where they are (no array of them made).
        let complaint = context.complaint
        let later = complaint.eventRefs(.response, stage: stage)
        guard let firstRef = later.first else { return context.evaluation(.notApplicable) }
        let first = complaint[firstRef]
        let earlier = complaint.eventRefs(.response, stage: earlierStage)
        guard earlier.first != nil else { return context.evaluation(.notApplicable) }
        // A handful each: arrays are quicker than hashing.
        let laterHandlers = later.compactMap { complaint[$0].details.handler }
        let earlierHandlers = earlier.compactMap { complaint[$0].details.handler }
        guard !laterHandlers.isEmpty, !earlierHandlers.isEmpty else {
            return context.evaluation(
                .notEvaluable,
                [
                    context.finding(
                        .notEvaluable,
                        "cannot tell whether stage \(stage) was handled by someone other than stage \(earlierStage): the responses do not record a `handler`",
                        severity: .note, at: first.location,
                        hint: context.isFromExport
                            ? "Fill the `handler` column (any identifier for the person) on each response row."
                            : "Add `handler:` (any identifier for the person) to each response.")
                ])
        }
        let same = laterHandlers.filter { earlierHandlers.contains($0) }.sorted().reduce(into: [String]()) {
            if $0.last != $1 { $0.append($1) }
        }
        guard !same.isEmpty else { return context.evaluation(.compliant) }
        let at = later.first { same.contains(complaint[$0].details.handler ?? "") }.map { complaint[$0] } ?? first
        return context.evaluation(
            .breach,
            [
                context.finding(
                    .breach,
                    "stage \(stage) response of \(at.date.longDescription) was handled by `\(same[0])`, who also handled stage \(earlierStage)",
                    actual: at.date, at: at.location)
            ])
    }
}

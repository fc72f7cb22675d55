/// `different-handler`: the person answering at a stage is not one who answered at the earlier stage.
struct DifferentHandlerCheck {
    let stage: Int
    let earlierStage: Int
    let context: EvaluationContext

    func evaluate() -> RuleEvaluation {
        let later = context.complaint.events(.response, stage: stage)
        guard let first = later.first else { return context.evaluation(.notApplicable) }
        let earlier = context.complaint.events(.response, stage: earlierStage)
        guard !earlier.isEmpty else { return context.evaluation(.notApplicable) }
        // A handful each: arrays are quicker than hashing.
        let laterHandlers = later.compactMap(\.handler), earlierHandlers = earlier.compactMap(\.handler)
        guard !laterHandlers.isEmpty, !earlierHandlers.isEmpty else {
            return context.evaluation(.notEvaluable, [context.finding(.notEvaluable,
                "cannot tell whether stage \(stage) was handled by someone other than stage \(earlierStage): the responses do not record a `handler`",
                severity: .note, at: first.location, hint: "Add `handler:` (any identifier for the person) to each response.")])
        }
        let same = laterHandlers.filter { earlierHandlers.contains($0) }.sorted().reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
        guard !same.isEmpty else { return context.evaluation(.compliant) }
        let at = later.first { same.contains($0.handler ?? "") } ?? first
        return context.evaluation(.breach, [context.finding(.breach,
            "stage \(stage) response of \(at.date.longDescription) was handled by `\(same[0])`, who also handled stage \(earlierStage)",
            actual: at.date, at: at.location)])
    }
}

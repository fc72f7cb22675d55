/// `max-stages`: no event at a stage beyond the Code's last stage.
struct MaxStagesCheck {
    let maximum: Int
    let context: EvaluationContext

    func evaluate() -> RuleEvaluation {
        guard let beyond = context.complaint.events.first(where: { ($0.stage ?? 1) > maximum }) else {
            return context.evaluation(.compliant)
        }
        return context.evaluation(.breach, [context.finding(.breach,
            "stage \(beyond.stage!) \(beyond.type.noun) on \(beyond.date.longDescription): a complaints process may have no more than \(maximum) stages",
            actual: beyond.date, at: beyond.location)])
    }
}

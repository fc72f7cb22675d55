/// `response-includes`: a stage's response declares each required element.
struct ResponseIncludesCheck {
    let stage: Int
    let elements: [String]
    let context: EvaluationContext

    func evaluate() -> RuleEvaluation {
        let responses = context.complaint.events(.response, stage: stage)
        guard let first = responses.first else { return context.evaluation(.notApplicable) }
        let declared = responses.compactMap(\.includes)
        guard !declared.isEmpty else {
            return context.evaluation(.notEvaluable, [context.finding(.notEvaluable,
                "cannot tell what the stage \(stage) response confirmed in writing: no `includes` recorded",
                severity: .note, at: first.location, hint: "Add `includes: [\(elements.joined(separator: ", "))]` with what the response contained.")])
        }
        let given = declared.flatMap { $0 }  // a handful: an array is quicker than hashing
        let missing = elements.filter { !given.contains($0) }
        guard !missing.isEmpty else { return context.evaluation(.compliant) }
        let phrases = missing.map { ResponseElement(rawValue: $0)?.phrase ?? $0 }
        let at = responses.first { $0.includes != nil } ?? first
        return context.evaluation(.breach, [context.finding(.breach,
            "stage \(stage) response of \(at.date.longDescription) does not confirm \(phrases.joined(separator: ", "))",
            actual: at.date, at: at.location)])
    }
}

/// `response-includes`: a stage's response declares each required element.
struct ResponseIncludesCheck {
    let stage: Int
    let elements: [String]
    let context: EvaluationContext

    func evaluate() -> RuleEvaluation {
        // The stage's responses are found by their keys and read only for their `includes`:
        // when every element is declared, no list is made.
        let responses = context.complaint.indices(.response, stage: stage), events = context.complaint.events
        guard let firstResponse = responses.first else { return context.evaluation(.notApplicable) }
        // Looked for first where the rule lists it (exports tend to write the elements in the
        // same order): equal short texts compare at once, different ones take a slower path.
        func declares(_ k: Int) -> Bool {
            let element = elements[k]
            return responses.contains { i in
                guard let includes = events[i].includes else { return false }
                return (k < includes.count && includes[k] == element) || includes.contains(element)
            }
        }
        if elements.indices.allSatisfy(declares) { return context.evaluation(.compliant) }
        let first = events[firstResponse]
        let declared: [[String]] = responses.compactMap { events[$0].includes }
        guard !declared.isEmpty else {
            return context.evaluation(.notEvaluable, [context.finding(.notEvaluable,
                "cannot tell what the stage \(stage) response confirmed in writing: no `includes` recorded",
                severity: .note, at: first.location, hint: "Add `includes: [\(elements.joined(separator: ", "))]` with what the response contained.")])
        }
        let given = declared.flatMap { $0 }  // a handful: an array is quicker than hashing
        let missing = elements.filter { !given.contains($0) }
        guard !missing.isEmpty else { return context.evaluation(.compliant) }
        let at = responses.first { events[$0].includes != nil }.map { events[$0] } ?? first
        return context.evaluation(.breach, [context.finding(.breach,  // the phrases are looked up only when the message is wanted
            "stage \(stage) response of \(at.date.longDescription) does not confirm \(missing.map { ResponseElement(rawValue: $0)?.phrase ?? $0 }.joined(separator: ", "))",
            actual: at.date, at: at.location)])
    }
}

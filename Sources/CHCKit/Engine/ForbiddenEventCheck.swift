/// `forbidden-event`: an event that should not happen, or not without a condition recorded.
struct ForbiddenEventCheck {
    let spec: ForbiddenEventSpec
    let context: EvaluationContext

    func evaluate() -> RuleEvaluation {
        let events = context.complaint.events(spec.event)
        guard !events.isEmpty else { return context.evaluation(.compliant) }
        var findings: [Finding] = []
        var unknown = false
        for event in events {
            let reason = event.reason.map { " (reason given: \($0))" } ?? ""
            guard let field = spec.unlessField else {
                findings.append(context.finding(.breach, "\(event.type.noun) on \(event.date.longDescription)\(reason): review it against the Code",
                                                actual: event.date, at: event.location))
                continue
            }
            switch flag(field, of: event) {
            case true?: continue
            case false?:
                findings.append(context.finding(.breach, "\(event.type.noun) on \(event.date.longDescription)\(reason) with `\(field): false`: \(Self.missing[field] ?? "the condition was not met")",
                                                actual: event.date, at: event.location))
            case nil:
                unknown = true
                findings.append(context.finding(.notEvaluable, "\(event.type.noun) on \(event.date.longDescription): the timeline does not record `\(field)`",
                                                severity: .note, actual: event.date, at: event.location,
                                                hint: "Record `\(field): true` or `false` on the event."))
            }
        }
        if findings.contains(where: { $0.status == .breach }) { return context.evaluation(.breach, findings) }
        return context.evaluation(unknown ? .notEvaluable : .compliant, findings)
    }

    /// What a `false` flag means, in words.
    static let missing = [
        "ombudsman-rights-explained": "the resident was not told the reasons in writing and that they can take it to the Ombudsman",
        "agreed": "the resident did not agree",
        "good-reason": "no good reason was recorded",
        "ombudsman-details": "the Ombudsman's contact details were not given",
    ]

    private func flag(_ field: String, of event: TimelineEvent) -> Bool? {
        switch field {
        case "ombudsman-rights-explained": event.ombudsmanRightsExplained
        case "agreed": event.agreed
        case "good-reason": event.goodReason
        case "ombudsman-details": event.ombudsmanDetails
        default: nil
        }
    }
}

/// `extension-notice`: when a resident is told a response will take longer, they are given the
/// Ombudsman's contact details.
struct ExtensionNoticeCheck {
    let stage: Int
    let context: EvaluationContext

    func evaluate() -> RuleEvaluation {
        let extensions = context.complaint.events(.extension, stage: stage)
        guard !extensions.isEmpty else { return context.evaluation(.notApplicable) }
        var findings: [Finding] = []
        for event in extensions {
            switch event.ombudsmanDetails {
            case true?: continue
            case false?:
                findings.append(context.finding(.breach, "stage \(stage) extension notified on \(event.date.longDescription) without the Ombudsman's contact details",
                                                actual: event.date, at: event.location))
            case nil:
                findings.append(context.finding(.notEvaluable, "stage \(stage) extension on \(event.date.longDescription): not recorded whether the Ombudsman's contact details were given",
                                                severity: .note, actual: event.date, at: event.location,
                                                hint: "Record `ombudsman-details: true` or `false` on the extension."))
            }
        }
        if findings.contains(where: { $0.status == .breach }) { return context.evaluation(.breach, findings) }
        return context.evaluation(findings.isEmpty ? .compliant : .notEvaluable, findings)
    }
}

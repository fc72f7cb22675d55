import CHCIngest
import CHCModel
import Yams

/// `extension-notice`: when a resident is told a response will take longer, they are given the
/// Ombudsman's contact details.
package final class ExtensionNoticeCheck: StageCheckKind {
    package static let name = "extension-notice"
    package static let summary = "A resident told that a response will take longer is given the Ombudsman's contact details."
    package static let example = "{ stage: 1 }"

    package let stage: Int

    package init(stage: Int) { self.stage = stage }

    /// `ombudsman-details` is accepted and changes nothing: the check always asks for the details.
    package static let alsoAllowed = ["ombudsman-details"]

    package var subject: CheckSubject { CheckSubject(event: .extension, stage: stage) }
    package var parameters: String { "Ombudsman details on stage \(stage) extensions" }

    /// The config says it once for every stage, so the stage 1 rule asks.
    package func lintRules(for rule: Rule, in pack: RulePack) -> [LintRule] {
        guard stage == 1 else { return [] }
        return [
            LintRule(for: rule, requirement: "Give the Ombudsman's contact details whenever a response is extended.") { config in
                .setting(
                    config.extensionsOmbudsmanDetails, key: "extensions.ombudsman-details", required: true,
                    add: "extensions: { ombudsman-details: true }", says: { "ombudsman-details: \($0)" },
                    why: "residents told of an extension must be given the Ombudsman's contact details")
            }
        ]
    }

    package func evaluate(in context: EvaluationContext) -> RuleEvaluation {
        // The extensions are found by their keys and read where they are (no array made).
        let complaint = context.complaint
        let extensions = complaint.eventRefs(.extension, stage: stage)
        guard extensions.first != nil else { return context.evaluation(.notApplicable) }
        var findings: [Finding] = []
        for ref in extensions {
            let event = complaint[ref]
            switch event.details.ombudsmanDetails {
            case true?: continue
            case false?:
                findings.append(
                    context.finding(
                        .breach,
                        "stage \(stage) extension notified on \(event.date.longDescription) without the Ombudsman's contact details",
                        actual: event.date, at: event.location))
            case nil:
                findings.append(
                    context.finding(
                        .notEvaluable,
                        "stage \(stage) extension on \(event.date.longDescription): not recorded whether the Ombudsman's contact details were given",
                        severity: .note, actual: event.date, at: event.location,
                        hint: "Record `ombudsman-details: true` or `false` on the extension."))
            }
        }
        if findings.contains(where: { $0.status == .breach }) { return context.evaluation(.breach, findings) }
        return context.evaluation(findings.isEmpty ? .compliant : .notEvaluable, findings)
    }
}

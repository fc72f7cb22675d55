import CHCIngest
import CHCModel
import WorkingDays
import Yams

/// `extension-limit`: an extension of a stage's response deadline is told to the resident
/// before the response is due, and stays within the limit the pack's response deadline sets
/// (`deadline: { …, extension: { max: … } }`) unless there is good reason.
///
/// Its own kind, so that an extension beyond the limit is reported under the paragraph that
/// sets the limit, and the response deadline reports only a response that was late or is
/// overdue (the deadline still counts only the days the limit allows).
package final class ExtensionLimitCheck: StageCheckKind {
    package static let name = "extension-limit"
    package static let summary =
        "An extension of a stage's response deadline is notified before the response is due and stays within the deadline's limit, unless there is good reason."
    package static let example = "{ stage: 1 }"

    package let stage: Int

    package init(stage: Int) { self.stage = stage }

    package var subject: CheckSubject { CheckSubject(event: .extension, stage: stage) }
    package var parameters: String { "extensions of the stage \(stage) response deadline, within its limit" }

    package func problem(among rules: [Rule]) -> String? {
        let limited = rules.contains { $0.deadline.map { $0.event == .response && $0.stage == stage && $0.extensionMax != nil } ?? false }
        return limited
            ? nil
            : "`\(Self.name)` at stage \(stage) needs a `deadline` on the stage \(stage) response with an `extension: { max: … }` in the same pack"
    }

    package func evaluate(in context: EvaluationContext) throws(CalendarError) -> RuleEvaluation {
        // Most complaints have no extension: then there is nothing to count.
        let stage = stage
        guard context.complaint.hasEvent(where: { $0.type == .extension && $0.stage == stage }),
            let terms = context.pack.deadline(on: .response, stage: stage), terms.extensionMax != nil
        else {
            return context.evaluation(.notApplicable)
        }
        return try DeadlineCheck.judgeExtensions(of: terms, in: context)
    }
}

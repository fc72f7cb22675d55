import CHCIngest
import CHCModel
import Yams

/// `all-points-answered`: every point raised at a stage is in the `addresses` of some response
/// at that stage; points first answered by a later response at the same stage are named.
package final class AllPointsAnsweredCheck: StageCheckKind {
    package static let name = "all-points-answered"
    package static let summary = "Every point raised at a stage is answered by a response at that stage."
    package static let example = "{ stage: 1 }"

    package let stage: Int

    package init(stage: Int) { self.stage = stage }

    package var subject: CheckSubject { CheckSubject(event: .response, stage: stage) }
    package var parameters: String { "at stage \(stage)" }

    package func evaluate(in context: EvaluationContext) -> RuleEvaluation {
        let complaint = context.complaint
        let stage = stage
        if stage >= 2, complaint.firstEvent(.escalationRequested) == nil { return context.evaluation(.notApplicable) }
        // The stage's responses are found by their keys, and an event read only for its
        // `addresses`: the usual complaint is judged without making a list.
        let responses = complaint.eventRefs(.response, stage: stage)
        guard let firstResponse = responses.first else { return context.evaluation(.notApplicable) }
        let raised = complaint.pointsRaised(atStage: stage)
        guard !raised.isEmpty else {
            return context.evaluation(
                .notEvaluable,
                [
                    context.finding(
                        .notEvaluable,
                        "cannot tell whether every point was answered at stage \(stage): the timeline records no `points` raised",
                        severity: .note, at: complaint[firstResponse].location,
                        hint: context.isFromExport
                            ? "Fill the `points` column (`;`-separated) on the receipt or escalation row, and `addresses` on each response row."
                            : "List the resident's points under `points:` and on the complaint or escalation event.")
                ])
        }
        guard let firstRecorded = responses.first(where: { complaint[$0].details.addresses != nil }) else {
            return context.evaluation(
                .notEvaluable,
                [
                    context.finding(
                        .notEvaluable,
                        "cannot tell whether every point was answered at stage \(stage): no response records which points it `addresses`",
                        severity: .note, at: complaint[firstResponse].location, hint: "Add `addresses: [...]` to each response.")
                ])
        }
        // When the first response answers every point, no later one can answer one first.
        if let addresses = complaint[firstRecorded].details.addresses, raised.allSatisfy({ addresses.contains($0) }) {
            return context.evaluation(.compliant)
        }
        let recorded: [TimelineEvent] = responses.map { complaint[$0] }.filter { $0.details.addresses != nil }
        var answered: [String] = []  // a handful: an array is quicker than hashing
        var findings: [Finding] = []
        let first = recorded[0]
        for response in recorded {
            let newly = (response.details.addresses ?? []).filter { raised.contains($0) && !answered.contains($0) }
            if response.date > first.date, !newly.isEmpty {
                findings.append(
                    context.finding(
                        .breach,
                        "stage \(stage) point\(newly.count == 1 ? "" : "s") \(list(newly)) first answered in a further response on \(response.date.longDescription), not in the response of \(first.date.longDescription)",
                        severity: .note, actual: response.date, at: response.location))
            }
            answered += newly
        }
        let missing = raised.filter { !answered.contains($0) }
        guard !missing.isEmpty else { return context.evaluation(.compliant, findings) }
        let last = recorded.last!
        findings.append(
            context.finding(
                .breach,
                "stage \(stage) response\(recorded.count == 1 ? "" : "s") did not address \(missing.count == 1 ? "point" : "points") \(list(missing)): \(describe(missing, in: context))",
                actual: last.date, at: last.location))
        return context.evaluation(.breach, findings)
    }

    private func list(_ ids: [String]) -> String { ids.map { "`\($0)`" }.joined(separator: ", ") }

    private func describe(_ ids: [String], in context: EvaluationContext) -> String {
        ids.map { id in context.complaint.points.first { $0.id == id }?.text ?? id }.joined(separator: "; ")
    }
}

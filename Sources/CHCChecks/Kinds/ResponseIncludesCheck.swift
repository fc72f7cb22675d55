import CHCIngest
import CHCModel
import WorkingDays
import Yams

/// `response-includes`: a stage's response declares each required element.
package final class ResponseIncludesCheck: CheckKind {
    package static let name = "response-includes"
    package static let summary = "A stage's response confirms in writing each of the elements listed."
    package static let example = "{ stage: 1, elements: [stage, definition, decision, reasons, remedy, outstanding-actions, escalation] }"

    package let stage: Int
    /// Names of `ResponseElement`s, as a timeline's `includes` writes them (compared as text).
    package let elements: [String]
    /// Each element's phrase, for messages, in the same order.
    let phrases: [String]

    package init(stage: Int, elements: [ResponseElement]) {
        self.stage = stage
        self.elements = elements.map(\.rawValue)
        phrases = elements.map(\.phrase)
    }

    package static func read(_ node: Node, reader: YAMLReader) -> ResponseIncludesCheck? {
        guard let fields = reader.fields(node, "`\(name)`", allowed: ["stage", "elements"]) else { return nil }
        guard let stage = requiredStage(fields, reader: reader) else { return nil }
        guard let names = reader.stringList(fields["elements"], "`elements`"), !names.isEmpty else {
            reader.report(node, "`\(name)` needs `elements` (any of: \(ResponseElement.names.joined(separator: ", ")))")
            return nil
        }
        var elements: [ResponseElement] = []
        for element in names {
            guard let known = ResponseElement(rawValue: element) else {
                reader.report(
                    fields["elements"], "unknown response element `\(element)`" + didYouMean(element, among: ResponseElement.names))
                continue
            }
            elements.append(known)
        }
        guard elements.count == names.count else { return nil }
        return ResponseIncludesCheck(stage: stage, elements: elements)
    }

    package var subject: CheckSubject { CheckSubject(event: .response, stage: stage) }
    package var parameters: String { "at stage \(stage): \(elements.joined(separator: ", "))" }

    package func lintRules(for rule: Rule, in pack: RulePack) -> [LintRule] {
        let elements = elements
        return [
            LintRule(for: rule, requirement: "Each stage \(stage) response confirms \(elements.joined(separator: ", ")).") { config in
                guard let listed = config.responseIncludes else {
                    return .notStated(add: ["response-includes: [\(elements.joined(separator: ", "))]"])
                }
                let missing = elements.filter { !listed.contains($0) }
                guard missing.isEmpty else {
                    return .notMet(
                        LintProblem(
                            key: "response-includes", says: "response-includes: [\(listed.joined(separator: ", "))]",
                            why: "missing \(missing.map { ResponseElement(rawValue: $0)?.phrase ?? $0 }.joined(separator: ", "))"))
                }
                return .met(evidence: "response-includes")
            }
        ]
    }

    package func evaluate(in context: EvaluationContext) -> RuleEvaluation {
        // The stage's responses are found by their keys and read only for their `includes`:
        // when every element is declared, no list is made.
        let complaint = context.complaint
        let responses = complaint.eventRefs(.response, stage: stage)
        guard let firstResponse = responses.first else { return context.evaluation(.notApplicable) }
        // Looked for first where the rule lists it (exports tend to write the elements in the
        // same order): equal short texts compare at once, different ones take a slower path.
        func declares(_ k: Int) -> Bool {
            let element = elements[k]
            return responses.contains { response in
                guard let includes = complaint[response].details.includes else { return false }
                return (k < includes.count && includes[k] == element) || includes.contains(element)
            }
        }
        if elements.indices.allSatisfy(declares) { return context.evaluation(.compliant) }
        let first = complaint[firstResponse]
        let declared: [[String]] = responses.compactMap { complaint[$0].details.includes }
        guard !declared.isEmpty else {
            return context.evaluation(
                .notEvaluable,
                [
                    context.finding(
                        .notEvaluable,
                        "cannot tell what the stage \(stage) response confirmed in writing: no `includes` recorded",
                        severity: .note, at: first.location,
                        hint: context.isFromExport
                            ? "Fill the `includes` column of the response row with what it contained (`;`-separated: \(elements.joined(separator: ";")))."
                            : "Add `includes: [\(elements.joined(separator: ", "))]` with what the response contained.")
                ])
        }
        let given = declared.flatMap { $0 }  // a handful: an array is quicker than hashing
        let missing = elements.indices.filter { !given.contains(elements[$0]) }
        guard !missing.isEmpty else { return context.evaluation(.compliant) }
        let at = responses.first { complaint[$0].details.includes != nil }.map { complaint[$0] } ?? first
        return context.evaluation(
            .breach,
            [
                context.finding(
                    .breach,  // the phrases are gathered only when the message is wanted
                    "stage \(stage) response of \(at.date.longDescription) does not confirm \(missing.map { phrases[$0] }, joinedBy: ", ")"
                        as MessageText,
                    actual: at.date, at: at.location)
            ])
    }
}

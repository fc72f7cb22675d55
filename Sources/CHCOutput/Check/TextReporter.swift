import CHCChecks
import CHCIngest
import CHCModel
import WorkingDays

/// The text format: findings grouped by complaint, each first line in the
/// `file:line:col: severity RULE [complaint] message` form that editors and CI logs link to,
/// and a summary line at the end. Colour only when asked (on a terminal).
package struct TextReporter: StreamingFormat {
    package var colour: Bool

    package init(colour: Bool = false) { self.colour = colour }

    package func begin(asOf: CivilDate) -> String { "" }

    package func complaint(file: String, result: ComplaintResult, findings: [Finding], asOf: CivilDate) -> String {
        var out = ""
        let packs = result.packs.isEmpty ? "no pack" : result.packs.joined(separator: " + ")
        let breaches = findings.filter(\.isBreach).count
        out += paint("\(result.complaint.id)", .bold) + " (\(file)), judged by \(packs): "
        out += breaches == 0 ? "no breaches" : "\(breaches) breach\(breaches == 1 ? "" : "es")"
        let open = result.evaluations.compactMap(\.openDeadline).filter { $0.due >= asOf }
        if let next = open.min(by: { $0.due < $1.due }) {
            out += "; next due: stage \(next.stage) \(next.event.noun) by \(next.due.longDescription)\(next.onHold ? " (on hold)" : "")"
        }
        out += "\n"
        for finding in findings {
            let label = finding.status == .notEvaluable ? "not-evaluable" : finding.severity.rawValue
            let colourFor: Colour = finding.severity == .error ? .red : finding.severity == .warning ? .yellow : .dim
            out += "  \(finding.location): \(paint(label, colourFor)) \(finding.rule) [\(finding.complaint)] \(finding.message)\n"
            var cite = "    "
            if !finding.citation.paragraph.isEmpty { cite += "¶\(finding.citation.paragraph) — \(finding.citation.summary)" }
            if !finding.citation.url.isEmpty { cite += " <\(finding.citation.url)>" }
            if cite.count > 4, finding.status != .notEvaluable { out += paint(cite, .dim) + "\n" }
            if let hint = finding.hint { out += paint("    hint: \(hint)", .dim) + "\n" }
        }
        return out
    }

    package func end(summary s: CheckReport.Summary, asOf: CivilDate, inputErrors: [InputError], skipped: [(file: String, reason: String)]) -> String {
        var out = ""
        for (file, reason) in skipped {
            out += paint("skipped \(file): \(reason), not a timeline", .dim) + "\n"
        }
        if !inputErrors.isEmpty { out += "\n" }
        for problem in inputErrors.flatMap(\.problems) {
            out += paint(problem.description, .red) + "\n"
        }
        out += "\n\(s.complaints) complaint\(s.complaints == 1 ? "" : "s"), \(s.breaches) breach\(s.breaches == 1 ? "" : "es") (\(s.errors) error\(s.errors == 1 ? "" : "s"), \(s.warnings) warning\(s.warnings == 1 ? "" : "s")), \(s.notEvaluable) not evaluable"
        if s.notes > 0 { out += ", \(s.notes) note\(s.notes == 1 ? "" : "s")" }
        if s.suppressedByBaseline > 0 { out += ", \(s.suppressedByBaseline) in the baseline" }
        if s.inputErrors > 0 { out += ", \(s.inputErrors) input error\(s.inputErrors == 1 ? "" : "s")" }
        out += " (as of \(asOf))\n"
        return out
    }

    package enum Colour: String { case red = "31", yellow = "33", bold = "1", dim = "2" }

    package func paint(_ text: String, _ colour: Colour) -> String {
        self.colour ? "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[0m" : text
    }
}

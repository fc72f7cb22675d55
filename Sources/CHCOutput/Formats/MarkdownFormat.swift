import CHCChecks
import CHCModel
import WorkingDays

/// Markdown: the self-assessment table in the layout of the Ombudsman's form (provision ·
/// requirement · met / not met / not stated · evidence · commentary), for `chc lint`.
package struct MarkdownFormat: LintFormat {
    package static let identifier = "markdown"

    package init(options: ReporterOptions) {}

    /// Markdown table (pipes and line breaks in cells escaped).
    package func render(_ report: LintReport) -> String {
        func cell(_ text: String) -> String {
            text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
                .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        var out = "# Complaint Handling Code self-assessment: \(cell(report.config.landlord ?? report.config.id))\n\n"
        out += "Checked against **\(report.code.title)** (`\(report.code.id)`) from `\(cell(report.config.file))`.\n\n"
        for note in report.notes { out += "> Note: \(cell(note))\n\n" }
        out += "| Provision | Requirement | Status | Evidence | Commentary |\n|---|---|---|---|---|\n"
        for row in SelfAssessment.rows(report) {
            out +=
                "| \(cell(row.provision)) | \(cell(row.requirement))\(row.source == Confidence.confirmed.rawValue ? "" : " _(\(row.source))_") | \(row.status.rawValue) | \(cell(row.evidence)) | \(cell(row.commentary)) |\n"
        }
        let counts = SelfAssessment.summary(report)
        out += "\n\(counts.met) met, \(counts.notMet) not met, \(counts.notStated) not stated.\n"
        return out
    }
}

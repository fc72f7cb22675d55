import CHCChecks
import CHCIngest
import CHCModel
import Foundation

/// The lint result as a self-assessment table in the layout of the Ombudsman's form:
/// provision · requirement · met / not met / not stated · evidence.
package enum SelfAssessment {
    package struct Row: Sendable, Encodable {
        package let provision: String
        package let requirement: String
        package let status: String
        package let evidence: String
        package let commentary: String
        package let source: String
        package let rule: String
    }

    package static func rows(_ report: LintReport) -> [Row] {
        report.entries.map { entry in
            let rule = entry.rule
            switch entry.verdict {
            case let .met(evidence):
                let location = report.config.locations[evidence].map { " (line \($0.line))" } ?? ""
                return Row(provision: rule.paragraph, requirement: rule.requirement, status: "met", evidence: "`\(evidence)`\(location)",
                           commentary: "", source: rule.confidence.rawValue, rule: rule.id)
            case let .notMet(problem):
                let location = report.config.locations[problem.key].map { " (line \($0.line))" } ?? ""
                return Row(provision: rule.paragraph, requirement: rule.requirement, status: "not met", evidence: "`\(problem.key)`\(location)",
                           commentary: "\(problem.says): \(problem.why)", source: rule.confidence.rawValue, rule: rule.id)
            case let .notStated(add):
                return Row(provision: rule.paragraph, requirement: rule.requirement, status: "not stated", evidence: "",
                           commentary: "add \(add.joined(separator: ", "))", source: rule.confidence.rawValue, rule: rule.id)
            }
        }
    }

    /// Markdown table (pipes and line breaks in cells escaped).
    package static func markdown(_ report: LintReport) -> String {
        func cell(_ text: String) -> String {
            text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
                .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        var out = "# Complaint Handling Code self-assessment: \(cell(report.config.landlord ?? report.config.id))\n\n"
        out += "Checked against **\(report.code.title)** (`\(report.code.id)`) from `\(cell(report.config.file))`.\n\n"
        for note in report.notes { out += "> Note: \(cell(note))\n\n" }
        out += "| Provision | Requirement | Status | Evidence | Commentary |\n|---|---|---|---|---|\n"
        for row in rows(report) {
            out += "| \(cell(row.provision)) | \(cell(row.requirement))\(row.source == "confirmed" ? "" : " _(\(row.source))_") | \(row.status) | \(cell(row.evidence)) | \(cell(row.commentary)) |\n"
        }
        let counts = summary(report)
        out += "\n\(counts.met) met, \(counts.notMet) not met, \(counts.notStated) not stated.\n"
        return out
    }

    /// Text: the findings as located lines, then the table.
    package static func text(_ report: LintReport) -> String {
        var out = ""
        for note in report.notes { out += "note: \(note)\n" }
        for (rule, problem) in report.problems {
            out += "\(report.config.location(of: problem.key)): \(rule.severity.rawValue) \(rule.id) ¶\(rule.paragraph) `\(problem.says)`: \(problem.why)\n"
            out += "    the Code: \(rule.requirement) <\(rule.url)>\n"
        }
        for row in rows(report) where row.status == "not stated" {
            out += "\(report.config.file): not-evaluable \(row.rule) ¶\(row.provision) not stated: \(row.requirement) (\(row.commentary))\n"
        }
        out += "\nSelf-assessment against \(report.code.id):\n"
        let table = rows(report)
        let width = max(9, table.map(\.provision.count).max() ?? 9)
        for row in table {
            out += "  \(row.provision.padding(toLength: width, withPad: " ", startingAt: 0))  \(row.status.padding(toLength: 10, withPad: " ", startingAt: 0))  \(row.evidence.isEmpty ? "—" : row.evidence)  \(row.requirement)\n"
        }
        let counts = summary(report)
        out += "\n\(counts.met) met, \(counts.notMet) not met, \(counts.notStated) not stated\n"
        return out
    }

    package static func json(_ report: LintReport) -> String {
        struct Document: Encodable {
            let schemaVersion: Int
            let config: String
            let landlord: String?
            let code: String
            let notes: [String]
            let summary: [String: Int]
            let findings: [Finding]
            let selfAssessment: [Row]
        }
        let counts = summary(report)
        return JSONReporter.encode(Document(schemaVersion: JSONReporter.schemaVersion, config: report.config.file, landlord: report.config.landlord,
                                            code: report.code.id, notes: report.notes,
                                            summary: ["met": counts.met, "notMet": counts.notMet, "notStated": counts.notStated],
                                            findings: report.findings, selfAssessment: rows(report)))
    }

    package static func summary(_ report: LintReport) -> (met: Int, notMet: Int, notStated: Int) {
        var counts = (met: 0, notMet: 0, notStated: 0)
        for entry in report.entries {
            switch entry.verdict {
            case .met: counts.met += 1
            case .notMet: counts.notMet += 1
            case .notStated: counts.notStated += 1
            }
        }
        return counts
    }
}

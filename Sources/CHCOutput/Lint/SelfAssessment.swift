import CHCChecks
import CHCIngest
import CHCModel
import Foundation

/// The lint result as the rows of a self-assessment table, in the layout of the Ombudsman's form:
/// provision · requirement · met / not met / not stated · evidence.
package enum SelfAssessment {
    /// Whether the config meets a provision, in the form's words.
    package enum Status: String, Sendable, Encodable {
        case met
        case notMet = "not met"
        case notStated = "not stated"
    }

    package struct Row: Sendable, Encodable {
        package let provision: String
        package let requirement: String
        package let status: Status
        package let evidence: String
        let commentary: String
        package let source: String
        package let rule: String
    }

    package static func rows(_ report: LintReport) -> [Row] {
        report.entries.map { entry in
            let rule = entry.rule
            switch entry.verdict {
            case .met(let evidence):
                let location = report.config.locations[evidence].map { " (line \($0.line))" } ?? ""
                return Row(
                    provision: rule.paragraph, requirement: rule.requirement, status: .met, evidence: "`\(evidence)`\(location)",
                    commentary: "", source: rule.confidence.rawValue, rule: rule.id)
            case .notMet(let problem):
                let location = report.config.locations[problem.key].map { " (line \($0.line))" } ?? ""
                return Row(
                    provision: rule.paragraph, requirement: rule.requirement, status: .notMet, evidence: "`\(problem.key)`\(location)",
                    commentary: "\(problem.says): \(problem.why)", source: rule.confidence.rawValue, rule: rule.id)
            case .notStated(let add):
                return Row(
                    provision: rule.paragraph, requirement: rule.requirement, status: .notStated, evidence: "",
                    commentary: "add \(add.joined(separator: ", "))", source: rule.confidence.rawValue, rule: rule.id)
            }
        }
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

import CHCChecks
import CHCModel
import WorkingDays

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`, so a
/// workflow run annotates each finding.
package struct GitHubFormat: StreamingCheckFormat, LintFormat {
    package static let identifier = "github"
    package static var showsInputErrors: Bool { true }

    package init(options: ReporterOptions) {}
    package init() {}

    package func begin(asOf: CivilDate) -> String { "" }

    package func complaint(file: String, result: ComplaintResult, findings: [Finding], asOf: CivilDate) -> String {
        var out = ""
        for finding in findings {
            let level =
                finding.status == .notEvaluable
                ? "notice" : finding.severity == .error ? "error" : finding.severity == .warning ? "warning" : "notice"
            out += command(level, finding.location, title: "\(finding.rule) [\(finding.complaint)]", finding.message) + "\n"
        }
        return out
    }

    package func end(summary s: CheckReport.Summary, asOf: CivilDate, inputErrors: [InputError], skipped: [(file: String, reason: String)])
        -> String
    {
        var out = ""
        for problem in inputErrors.flatMap(\.problems) {
            out += command("error", problem.location, title: "chc: input error", problem.message) + "\n"
        }
        return out
            + "\(s.complaints) complaints, \(s.breaches) breaches (\(s.errors) errors, \(s.warnings) warnings), \(s.notEvaluable) not evaluable"
            + (s.eventsAfterAsOf > 0 ? ", \(TextFormat.afterAsOf(s.eventsAfterAsOf))" : "") + "\n"
    }

    package func command(_ level: String, _ location: SourceLocation, title: String, _ message: String) -> String {
        "::\(level) file=\(property(location.file)),line=\(location.line),col=\(location.column),title=\(property(title))::\(data(message))"
    }

    /// Escaping for the message part of a workflow command.
    /// Control characters (an ESC would colour or clear GitHub's log) are shown as escapes first.
    package func data(_ text: String) -> String {
        TerminalText.escaped(text, keepingLineBreaks: true).replacingOccurrences(of: "%", with: "%25").replacingOccurrences(
            of: "\r", with: "%0D"
        ).replacingOccurrences(
            of: "\n", with: "%0A")
    }

    /// Escaping for a property value (also `:` and `,`).
    func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    package func render(_ report: LintReport) -> String { render(report.asCheckReport(asOf: .today())) }
}

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`.
public struct GitHubReporter {
    public init() {}

    public func render(_ report: CheckReport) -> String {
        var lines: [String] = []
        for problem in report.inputErrors.flatMap(\.problems) {
            lines.append(command("error", problem.location, title: "chc: input error", problem.message))
        }
        for finding in report.findings {
            let level = finding.status == .notEvaluable ? "notice" : finding.severity == .error ? "error" : finding.severity == .warning ? "warning" : "notice"
            lines.append(command(level, finding.location, title: "\(finding.rule) [\(finding.complaint)]", finding.message))
        }
        let s = report.summary
        lines.append("\(s.complaints) complaints, \(s.breaches) breaches (\(s.errors) errors, \(s.warnings) warnings), \(s.notEvaluable) not evaluable")
        return lines.joined(separator: "\n") + "\n"
    }

    func command(_ level: String, _ location: SourceLocation, title: String, _ message: String) -> String {
        "::\(level) file=\(property(location.file)),line=\(location.line),col=\(location.column),title=\(property(title))::\(data(message))"
    }

    /// Escaping for the message part of a workflow command.
    func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escaping for a property value (also `:` and `,`).
    func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

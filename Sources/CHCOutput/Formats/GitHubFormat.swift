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
            + "\(counted(s.complaints, "complaint")), \(s.hazardCases.map { counted($0, "hazard case") + ", " } ?? "")\(counted(s.breaches, "breach")) (\(counted(s.errors, "error")), \(counted(s.warnings, "warning"))), \(s.notEvaluable) not evaluable"
            + (s.eventsAfterAsOf > 0 ? ", \(TextFormat.afterAsOf(s.eventsAfterAsOf))" : "") + "\n"
    }

    package func command(_ level: String, _ location: SourceLocation, title: String, _ message: String) -> String {
        "::\(level) file=\(property(location.file)),line=\(location.line),col=\(location.column),title=\(property(title))::\(data(message))"
    }

    /// Escaping for the message part of a workflow command: `%`, CR and LF percent-encoded.
    /// Control characters (an ESC would colour or clear GitHub's log) are shown as escapes first.
    package func data(_ text: String) -> String { percentEncoded(text, property: false) }

    /// Escaping for a property value (also `:` and `,`).
    func property(_ text: String) -> String { percentEncoded(text, property: true) }

    /// One pass over the bytes; a value with nothing to encode (nearly all) is returned as it is.
    private func percentEncoded(_ text: String, property: Bool) -> String {
        let text = TerminalText.escaped(text, keepingLineBreaks: true)
        func encoding(_ byte: UInt8) -> String? {
            switch byte {
            case UInt8(ascii: "%"): "%25"
            case 13: "%0D"
            case 10: "%0A"
            case UInt8(ascii: ":") where property: "%3A"
            case UInt8(ascii: ",") where property: "%2C"
            default: nil
            }
        }
        guard text.utf8.contains(where: { encoding($0) != nil }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            if let encoded = encoding(byte) { out += encoded.utf8 } else { out.append(byte) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    package func render(_ report: LintReport) -> String { render(report.asCheckReport(asOf: .today())) }
}

/// One row per finding, RFC 4180 quoting, with every cell that a spreadsheet would run as a
/// formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) neutralised by a leading `'`.
public struct CSVReporter {
    public static let header = ["file", "line", "column", "complaint", "rule", "pack", "kind", "event", "stage", "severity", "status",
                                "message", "anchor_event", "anchor_date", "due", "actual", "working_days_taken", "working_days_late",
                                "paragraph", "url", "source", "hint"]

    public init() {}

    public func render(_ report: CheckReport) -> String {
        var rows = [Self.header]
        for f in report.findings {
            rows.append([f.location.file, String(f.location.line), String(f.location.column), f.complaint, f.rule, f.pack, f.check.kind,
                         f.check.event ?? "", f.check.stage.map(String.init) ?? "", f.severity.rawValue, f.status.rawValue, f.message,
                         f.anchor?.event ?? "", f.anchor?.date.description ?? "", f.due?.description ?? "", f.actual?.description ?? "",
                         f.workingDaysTaken.map(String.init) ?? "", f.workingDaysLate.map(String.init) ?? "",
                         f.citation.paragraph, f.citation.url, f.citation.source, f.hint ?? ""])
        }
        return rows.map { $0.map(csvCell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}

/// A CSV cell: neutralised against formula injection, then quoted when it needs to be.
public func csvCell(_ value: String) -> String {
    var text = value
    if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { text = "'" + text }
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

import WorkingDays

/// One row per finding, RFC 4180 quoting, with every cell that a spreadsheet would run as a
/// formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) neutralised by a leading `'`.
public struct CSVReporter: StreamingFormat {
    public static let header = ["file", "line", "column", "complaint", "rule", "pack", "kind", "event", "stage", "severity", "status",
                                "message", "anchor_event", "anchor_date", "due", "actual", "working_days_taken", "working_days_late",
                                "paragraph", "url", "source", "hint"]

    public init() {}

    public func begin(asOf: CivilDate) -> String { Self.header.map(csvCell).joined(separator: ",") + "\r\n" }

    public func complaint(file: String, result: ComplaintResult, findings: [Finding], asOf: CivilDate, first: Bool) -> String {
        var out = ""
        for f in findings {
            let row = [f.location.file, String(f.location.line), String(f.location.column), f.complaint, f.rule, f.pack, f.check.kind,
                       f.check.event ?? "", f.check.stage.map(String.init) ?? "", f.severity.rawValue, f.status.rawValue, f.message,
                       f.anchor?.event ?? "", f.anchor?.date.description ?? "", f.due?.description ?? "", f.actual?.description ?? "",
                       f.workingDaysTaken.map(String.init) ?? "", f.workingDaysLate.map(String.init) ?? "",
                       f.citation.paragraph, f.citation.url, f.citation.source, f.hint ?? ""]
            out += row.map(csvCell).joined(separator: ",") + "\r\n"
        }
        return out
    }

    public func end(summary: CheckReport.Summary, asOf: CivilDate, inputErrors: [InputError], skipped: [(file: String, reason: String)]) -> String { "" }
}

/// A CSV cell: neutralised against formula injection, then quoted when it needs to be.
public func csvCell(_ value: String) -> String {
    var text = value
    if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { text = "'" + text }
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

import WorkingDays

/// One row per finding, RFC 4180 quoting, with every cell that a spreadsheet would run as a
/// formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) neutralised by a leading `'`.
public struct CSVReporter: StreamingFormat {
    public static let header = ["file", "line", "column", "complaint", "rule", "pack", "kind", "event", "stage", "severity", "status",
                                "message", "anchor_event", "anchor_date", "due", "actual", "working_days_taken", "working_days_late",
                                "paragraph", "url", "source", "hint"]

    public init() {}

    public func begin(asOf: CivilDate) -> String { Self.header.map(csvCell).joined(separator: ",") + "\r\n" }

    public func complaint(file: String, result: ComplaintResult, findings: [Finding], asOf: CivilDate) -> String {
        var out = ""
        out.reserveCapacity(findings.count * 512)
        for f in findings {
            // Each cell is appended to the one output string: no array of cells, no joining.
            func cell(_ value: String, last: Bool = false) {
                appendCSVCell(value, to: &out)
                out += last ? "\r\n" : ","
            }
            cell(f.location.file); cell(String(f.location.line)); cell(String(f.location.column)); cell(f.complaint)
            cell(f.rule); cell(f.pack); cell(f.check.kind); cell(f.check.event ?? ""); cell(f.check.stage.map(String.init) ?? "")
            cell(f.severity.rawValue); cell(f.status.rawValue); cell(f.message); cell(f.anchor?.event ?? "")
            cell(f.anchor?.date.description ?? ""); cell(f.due?.description ?? ""); cell(f.actual?.description ?? "")
            cell(f.workingDaysTaken.map(String.init) ?? ""); cell(f.workingDaysLate.map(String.init) ?? "")
            cell(f.citation.paragraph); cell(f.citation.url); cell(f.citation.source); cell(f.hint ?? "", last: true)
        }
        return out
    }

    public func end(summary: CheckReport.Summary, asOf: CivilDate, inputErrors: [InputError], skipped: [(file: String, reason: String)]) -> String { "" }
}

/// A CSV cell: neutralised against formula injection, then quoted when it needs to be.
public func csvCell(_ value: String) -> String {
    var out = ""
    appendCSVCell(value, to: &out)
    return out
}

/// Appends `value` to `out` as a CSV cell (see `csvCell`). Works on UTF-8 bytes, through a
/// pointer when it can (this runs for every cell of a large report).
public func appendCSVCell(_ value: String, to out: inout String) {
    func scan(_ bytes: some Sequence<UInt8>) -> (needsQuotes: Bool, hasQuote: Bool) {
        var needsQuotes = false, hasQuote = false
        for byte in bytes where byte == 44 || byte == 34 || byte == 10 || byte == 13 {  // , " LF CR
            needsQuotes = true
            if byte == 34 { hasQuote = true }
        }
        return (needsQuotes, hasQuote)
    }
    let (needsQuotes, hasQuote) = value.utf8.withContiguousStorageIfAvailable(scan) ?? scan(value.utf8)
    let first = value.utf8.first
    let formula = first.map { $0 == 61 || $0 == 43 || $0 == 45 || $0 == 64 || $0 == 9 || $0 == 13 } ?? false  // = + - @ TAB CR
    if needsQuotes { out += "\"" }
    if formula { out += "'" }
    out += hasQuote ? value.replacingOccurrences(of: "\"", with: "\"\"") : value
    if needsQuotes { out += "\"" }
}

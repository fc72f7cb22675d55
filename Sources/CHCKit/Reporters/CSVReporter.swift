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
/// Works on UTF-8 bytes (this runs for every cell of a large report).
public func csvCell(_ value: String) -> String {
    func scan(_ bytes: some Sequence<UInt8>) -> (needsQuotes: Bool, hasQuote: Bool) {
        var needsQuotes = false, hasQuote = false
        for byte in bytes where byte == 44 || byte == 34 || byte == 10 || byte == 13 {  // , " LF CR
            needsQuotes = true
            if byte == 34 { hasQuote = true }
        }
        return (needsQuotes, hasQuote)
    }
    // Through a pointer when the string is stored contiguously (native strings are).
    let (needsQuotes, hasQuote) = value.utf8.withContiguousStorageIfAvailable(scan) ?? scan(value.utf8)
    var text = value
    if let first = value.utf8.first, first == 61 || first == 43 || first == 45 || first == 64 || first == 9 || first == 13 {  // = + - @ TAB CR
        text = "'" + text
    }
    guard needsQuotes else { return text }
    if hasQuote {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            bytes.append(byte)
            if byte == 34 { bytes.append(34) }
        }
        text = String(decoding: bytes, as: UTF8.self)
    }
    return "\"" + text + "\""
}

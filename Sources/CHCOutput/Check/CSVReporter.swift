import CHCChecks
import CHCIngest
import CHCModel
import WorkingDays

/// One row per finding, RFC 4180 quoting, with every cell that a spreadsheet would run as a
/// formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) neutralised by a leading `'`.
package struct CSVReporter: StreamingFormat {
    package static let header = ["file", "line", "column", "complaint", "rule", "pack", "kind", "event", "stage", "severity", "status",
                                "message", "anchor_event", "anchor_date", "due", "actual", "working_days_taken", "working_days_late",
                                "paragraph", "url", "source", "hint"]

    package init() {}

    package func begin(asOf: CivilDate) -> String { Self.header.map(csvCell).joined(separator: ",") + "\r\n" }

    package func complaint(file: String, result: ComplaintResult, findings: [Finding], asOf: CivilDate) -> String {
        // Bytes, made into one string at the end: appending each cell to a string checked its
        // storage for every piece and showed in profiles of a million-complaint run.
        var out: [UInt8] = []
        out.reserveCapacity(findings.count * 512)
        for f in findings {
            func cell(_ value: String, last: Bool = false) {
                appendCSVCell(value, to: &out)
                out.append(last ? 13 : 44)  // CR (then LF) or ,
                if last { out.append(10) }
            }
            cell(f.location.file); cell(String(f.location.line)); cell(String(f.location.column)); cell(f.complaint)
            cell(f.rule); cell(f.pack); cell(f.check.kind); cell(f.check.event ?? ""); cell(f.check.stage.map(String.init) ?? "")
            cell(f.severity.rawValue); cell(f.status.rawValue); cell(f.message); cell(f.anchor?.event ?? "")
            cell(f.anchor?.date.description ?? ""); cell(f.due?.description ?? ""); cell(f.actual?.description ?? "")
            cell(f.workingDaysTaken.map(String.init) ?? ""); cell(f.workingDaysLate.map(String.init) ?? "")
            cell(f.citation.paragraph); cell(f.citation.url); cell(f.citation.source); cell(f.hint ?? "", last: true)
        }
        return String(decoding: out, as: UTF8.self)
    }

    package func end(summary: CheckReport.Summary, asOf: CivilDate, inputErrors: [InputError], skipped: [(file: String, reason: String)]) -> String { "" }
}

/// A CSV cell: neutralised against formula injection, then quoted when it needs to be.
package func csvCell(_ value: String) -> String {
    var out: [UInt8] = []
    appendCSVCell(value, to: &out)
    return String(decoding: out, as: UTF8.self)
}

/// Appends `value` to `out` as a CSV cell (see `csvCell`), as UTF-8 bytes: a quote is doubled,
/// and the cell is quoted when it holds a separator, quote or line break. Works through a
/// pointer to the text's bytes (this runs for every cell of a large report).
package func appendCSVCell(_ value: String, to out: inout [UInt8]) {
    var value = value
    value.withUTF8 { bytes in
        var needsQuotes = false, hasQuote = false
        for byte in bytes where byte == 44 || byte == 34 || byte == 10 || byte == 13 {  // , " LF CR
            needsQuotes = true
            if byte == 34 { hasQuote = true }
        }
        let formula = bytes.first.map { $0 == 61 || $0 == 43 || $0 == 45 || $0 == 64 || $0 == 9 || $0 == 13 } ?? false  // = + - @ TAB CR
        if needsQuotes { out.append(34) }
        if formula { out.append(39) }  // '
        if hasQuote {
            for byte in bytes {
                if byte == 34 { out.append(34) }
                out.append(byte)
            }
        } else {
            out.append(contentsOf: bytes)
        }
        if needsQuotes { out.append(34) }
    }
}

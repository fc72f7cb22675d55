import CHCChecks
import CHCModel
import WorkingDays

/// JSON Lines (`--format jsonl`): one finding per line, each a whole JSON object — the finding's
/// fields as in the JSON format, and the file it was read from — so that `jq`, DuckDB and data
/// warehouses load the findings directly. Input problems go to standard error.
package struct JSONLinesFormat: StreamingCheckFormat {
    package static let identifier = "jsonl"

    package init(options: ReporterOptions) {}
    package init() {}

    package func begin(asOf: CivilDate) -> String { "" }

    package func complaint(file: String, result: ComplaintResult, findings: [Finding], asOf: CivilDate) -> String {
        guard !findings.isEmpty else { return "" }
        var w = JSONPrettyWriter(compactWithCapacity: 1024 * findings.count)
        for finding in findings {
            JSONFormat.write(finding, to: &w, file: file)
            w.endLine()
        }
        return String(decoding: w.bytes, as: UTF8.self)
    }

    package func end(summary: CheckReport.Summary, asOf: CivilDate, inputErrors: [InputError], skipped: [(file: String, reason: String)])
        -> String
    { "" }
}

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

    package func appendComplaint(
        file: String, result: ComplaintResult, findings: [Finding], asOf: CivilDate, to out: inout [UInt8], scratch: RenderScratch
    ) {
        guard !findings.isEmpty else { return }
        var w = JSONPrettyWriter(takingOver: &out, level: nil, capacity: 1024 * findings.count)
        for index in findings.indices {
            JSONFormat.write(
                findings, at: index, to: &w, file: file, ruleMembers: JSONFormat.ruleMembers(of: findings, at: index, in: result, scratch))
            w.endLine()
        }
        w.handBack(to: &out)
    }

    package func end(summary: CheckReport.Summary, asOf: CivilDate, inputErrors: [InputError], skipped: [(file: String, reason: String)])
        -> String
    { "" }
}

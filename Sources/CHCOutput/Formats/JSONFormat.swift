import CHCChecks
import CHCModel
import WorkingDays

/// JSON: one versioned document (`schemaVersion`) with sorted keys and ISO dates, absent values
/// written as `null`, for every command.
package struct JSONFormat: StreamingCheckFormat, DueListFormat, PerformanceFormat, LintFormat {
    package static let identifier = "json"

    package init(options: ReporterOptions) {}
    package init() {}

    // MARK: chc check

    package struct Tool: Encodable {
        let name: String
        let version: String
    }

    package struct ComplaintEntry: Encodable {
        package let id: String
        package let file: String
        package let packs: [String]
        package let findings: [Finding]
        package let evaluations: [EvaluationEntry]
    }

    /// Every rule evaluated, with its outcome (compliant ones included), for audits and reports.
    package struct EvaluationEntry: Encodable {
        package let rule: String
        package let pack: String
        package let outcome: Outcome
        package let timing: DeadlineTiming?

        package enum CodingKeys: String, CodingKey { case rule, pack, outcome, timing }
        package func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(rule, forKey: .rule)
            try c.encode(pack, forKey: .pack)
            try c.encode(outcome, forKey: .outcome)
            try c.encode(timing, forKey: .timing)
        }
    }

    // The document is written in sorted key order — asOf, complaints, inputErrors,
    // schemaVersion, summary, tool — so that the complaints can stream before the totals.
    package func begin(asOf: CivilDate) -> String {
        "{\n  \"asOf\" : \"\(asOf)\",\n  \"complaints\" : ["
    }

    /// Complaints are elements of one array.
    package var separator: String { "," }

    package func complaint(file: String, result: ComplaintResult, findings: [Finding], asOf: CivilDate) -> String {
        let entry = ComplaintEntry(
            id: result.complaint.id, file: file, packs: result.packs, findings: findings,
            evaluations: result.evaluations.map { EvaluationEntry(rule: $0.rule.id, pack: $0.pack, outcome: $0.outcome, timing: $0.timing) }
        )
        return "\n" + JSONText.indent(JSONText.encode(entry), by: 4, first: true)
    }

    package func end(summary: CheckReport.Summary, asOf: CivilDate, inputErrors: [InputError], skipped: [(file: String, reason: String)])
        -> String
    {
        var out = "\n  ],\n"
        out += "  \"inputErrors\" : " + JSONText.indent(JSONText.encode(inputErrors.flatMap(\.problems)), by: 2, first: false) + ",\n"
        out += "  \"schemaVersion\" : \(JSONText.schemaVersion),\n"
        out += "  \"summary\" : " + JSONText.indent(JSONText.encode(summary), by: 2, first: false) + ",\n"
        out +=
            "  \"tool\" : " + JSONText.indent(JSONText.encode(Tool(name: "chc", version: CHCVersion.current)), by: 2, first: false)
            + "\n}\n"
        return out
    }

    // MARK: chc due

    package func render(_ list: DueList) -> String {
        struct Document: Encodable {
            let schemaVersion: Int
            let asOf: CivilDate
            let items: [DueList.Item]
            /// Events dated after the as-of date, left out.
            let eventsAfterAsOf: Int
        }
        return JSONText.encode(
            Document(schemaVersion: JSONText.schemaVersion, asOf: list.asOf, items: list.items, eventsAfterAsOf: list.eventsAfterAsOf))
    }

    // MARK: chc report

    package func render(_ report: PerformanceReport, title: String) -> String {
        struct Document: Encodable {
            let schemaVersion: Int
            let report: PerformanceReport
        }
        return JSONText.encode(Document(schemaVersion: JSONText.schemaVersion, report: report))
    }

    // MARK: chc lint

    package func render(_ report: LintReport) -> String {
        struct Document: Encodable {
            let schemaVersion: Int
            let config: String
            let landlord: String?
            let code: String
            let notes: [String]
            let summary: [String: Int]
            let findings: [Finding]
            let selfAssessment: [SelfAssessment.Row]
        }
        let counts = SelfAssessment.summary(report)
        return JSONText.encode(
            Document(
                schemaVersion: JSONText.schemaVersion, config: report.config.file, landlord: report.config.landlord,
                code: report.code.id, notes: report.notes,
                summary: ["met": counts.met, "notMet": counts.notMet, "notStated": counts.notStated],
                findings: report.findings, selfAssessment: SelfAssessment.rows(report)))
    }
}

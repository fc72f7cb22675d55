import CHCChecks
import CHCIngest
import CHCModel
import Foundation
import WorkingDays

/// The JSON format: one versioned document with stable (sorted) key order and ISO dates.
/// Absent values are written as `null`, so every finding has every field.
package struct JSONReporter: StreamingFormat {
    package static let schemaVersion = 1

    package init() {}

    package struct Tool: Encodable { let name: String; let version: String }

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
        let entry = ComplaintEntry(id: result.complaint.id, file: file, packs: result.packs, findings: findings,
                                   evaluations: result.evaluations.map { EvaluationEntry(rule: $0.rule.id, pack: $0.pack, outcome: $0.outcome, timing: $0.timing) })
        return "\n" + Self.indent(Self.encode(entry), by: 4, first: true)
    }

    package func end(summary: CheckReport.Summary, asOf: CivilDate, inputErrors: [InputError], skipped: [(file: String, reason: String)]) -> String {
        var out = "\n  ],\n"
        out += "  \"inputErrors\" : " + Self.indent(Self.encode(inputErrors.flatMap(\.problems)), by: 2, first: false) + ",\n"
        out += "  \"schemaVersion\" : \(Self.schemaVersion),\n"
        out += "  \"summary\" : " + Self.indent(Self.encode(summary), by: 2, first: false) + ",\n"
        out += "  \"tool\" : " + Self.indent(Self.encode(Tool(name: "chc", version: CHCVersion.current)), by: 2, first: false) + "\n}\n"
        return out
    }

    /// Indents every line of a pretty-printed JSON value (all but the first when `first` is false).
    package static func indent(_ json: String, by spaces: Int, first: Bool) -> String {
        let pad = String(repeating: " ", count: spaces)
        let lines = json.hasSuffix("\n") ? json.dropLast().split(separator: "\n", omittingEmptySubsequences: false) : json.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.enumerated().map { index, line in (index == 0 && !first) ? String(line) : pad + line }.joined(separator: "\n")
    }

    package static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

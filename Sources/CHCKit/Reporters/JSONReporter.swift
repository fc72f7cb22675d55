import Foundation
import WorkingDays

/// The JSON format: one versioned document with stable (sorted) key order and ISO dates.
/// Absent values are written as `null`, so every finding has every field.
public struct JSONReporter: StreamingFormat {
    public static let schemaVersion = 1

    public init() {}

    struct Tool: Encodable { let name: String; let version: String }

    struct ComplaintEntry: Encodable {
        let id: String
        let file: String
        let packs: [String]
        let findings: [Finding]
        let evaluations: [EvaluationEntry]
    }

    /// Every rule evaluated, with its outcome (compliant ones included), for audits and reports.
    struct EvaluationEntry: Encodable {
        let rule: String
        let pack: String
        let outcome: Outcome
        let timing: DeadlineTiming?

        enum CodingKeys: String, CodingKey { case rule, pack, outcome, timing }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(rule, forKey: .rule)
            try c.encode(pack, forKey: .pack)
            try c.encode(outcome, forKey: .outcome)
            try c.encode(timing, forKey: .timing)
        }
    }

    // The document is written in sorted key order — asOf, complaints, inputErrors,
    // schemaVersion, summary, tool — so that the complaints can stream before the totals.
    public func begin(asOf: CivilDate) -> String {
        "{\n  \"asOf\" : \"\(asOf)\",\n  \"complaints\" : ["
    }

    /// Complaints are elements of one array.
    public var separator: String { "," }

    public func complaint(file: String, result: ComplaintResult, findings: [Finding], asOf: CivilDate) -> String {
        let entry = ComplaintEntry(id: result.complaint.id, file: file, packs: result.packs, findings: findings,
                                   evaluations: result.evaluations.map { EvaluationEntry(rule: $0.rule.id, pack: $0.pack, outcome: $0.outcome, timing: $0.timing) })
        return "\n" + Self.indent(Self.encode(entry), by: 4, first: true)
    }

    public func end(summary: CheckReport.Summary, asOf: CivilDate, inputErrors: [InputError], skipped: [(file: String, reason: String)]) -> String {
        var out = "\n  ],\n"
        out += "  \"inputErrors\" : " + Self.indent(Self.encode(inputErrors.flatMap(\.problems)), by: 2, first: false) + ",\n"
        out += "  \"schemaVersion\" : \(Self.schemaVersion),\n"
        out += "  \"summary\" : " + Self.indent(Self.encode(summary), by: 2, first: false) + ",\n"
        out += "  \"tool\" : " + Self.indent(Self.encode(Tool(name: "chc", version: CHCVersion.current)), by: 2, first: false) + "\n}\n"
        return out
    }

    /// Indents every line of a pretty-printed JSON value (all but the first when `first` is false).
    static func indent(_ json: String, by spaces: Int, first: Bool) -> String {
        let pad = String(repeating: " ", count: spaces)
        let lines = json.hasSuffix("\n") ? json.dropLast().split(separator: "\n", omittingEmptySubsequences: false) : json.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.enumerated().map { index, line in (index == 0 && !first) ? String(line) : pad + line }.joined(separator: "\n")
    }

    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

extension Finding {
    enum CodingKeys: String, CodingKey {
        case complaint, rule, pack, check, severity, status, message, anchor, due, actual, workingDaysTaken, workingDaysLate, citation, location, hint
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(complaint, forKey: .complaint)
        try c.encode(rule, forKey: .rule)
        try c.encode(pack, forKey: .pack)
        try c.encode(check, forKey: .check)
        try c.encode(severity, forKey: .severity)
        try c.encode(status, forKey: .status)
        try c.encode(message, forKey: .message)
        try c.encode(anchor, forKey: .anchor)
        try c.encode(due, forKey: .due)
        try c.encode(actual, forKey: .actual)
        try c.encode(workingDaysTaken, forKey: .workingDaysTaken)
        try c.encode(workingDaysLate, forKey: .workingDaysLate)
        try c.encode(citation, forKey: .citation)
        try c.encode(location, forKey: .location)
        try c.encode(hint, forKey: .hint)
    }
}

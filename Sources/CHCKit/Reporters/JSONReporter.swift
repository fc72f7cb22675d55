import Foundation
import WorkingDays

/// The JSON format: one versioned document with stable (sorted) key order and ISO dates.
/// Absent values are written as `null`, so every finding has every field.
public struct JSONReporter {
    public static let schemaVersion = 1

    public init() {}

    struct Document: Encodable {
        let schemaVersion: Int
        let tool: Tool
        let asOf: CivilDate
        let summary: CheckReport.Summary
        let complaints: [ComplaintEntry]
        let inputErrors: [InputProblem]
    }

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

    public func render(_ report: CheckReport) -> String {
        let document = Document(
            schemaVersion: Self.schemaVersion, tool: Tool(name: "chc", version: CHCVersion.current), asOf: report.asOf,
            summary: report.summary,
            complaints: report.results.map { entry in
                ComplaintEntry(id: entry.result.complaint.id, file: entry.file, packs: entry.result.packs, findings: report.findings(of: entry.result),
                               evaluations: entry.result.evaluations.map { EvaluationEntry(rule: $0.rule.id, pack: $0.pack, outcome: $0.outcome, timing: $0.timing) })
            },
            inputErrors: report.inputErrors.flatMap(\.problems))
        return Self.encode(document)
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

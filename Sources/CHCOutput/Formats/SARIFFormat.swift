import CHCChecks
import CHCModel
import Foundation
import WorkingDays

/// SARIF 2.1.0, so GitHub code scanning shows each breach on the timeline file's line.
package struct SARIFFormat: CheckRunFormat, LintFormat {
    package static let identifier = "sarif"

    package init(options: ReporterOptions) {}
    package init() {}

    package func render(_ report: LintReport) -> String { render(report.asCheckReport(asOf: .today())) }

    package func render(_ report: CheckReport) -> String { render(report, baseURI: nil) }

    package func render(_ report: CheckReport, baseURI: String?) -> String {
        let rules = report.rulesEvaluated
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.rule.id, $0) })
        var results: [[String: Any]] = []
        for finding in report.findings {
            var result: [String: Any] = [
                "ruleId": finding.rule,
                "level": level(finding),
                "kind": finding.status == .notEvaluable ? "review" : "fail",
                "message": ["text": "[\(finding.complaint)] \(finding.message)"],
                "locations": [location(finding.location.file, finding.location.line, finding.location.column)],
                "partialFingerprints": ["chcFinding/v1": finding.fingerprint.description],
                "properties": properties(finding),
            ]
            if let i = index[finding.rule] { result["ruleIndex"] = i }
            results.append(result)
        }
        for problem in report.inputErrors.flatMap(\.problems) {
            results.append([
                "ruleId": "chc/input-error", "level": "error", "kind": "fail",
                "message": ["text": problem.message],
                "locations": [location(problem.location.file, problem.location.line, problem.location.column)],
                "partialFingerprints": ["chcFinding/v1": fnv1a64(problem.description)],
            ])
        }
        var driverRules = rules.map { descriptor($0.rule, pack: $0.pack) }
        if !report.inputErrors.isEmpty {
            driverRules.append([
                "id": "chc/input-error", "name": "InputError",
                "shortDescription": ["text": "An input file could not be read."],
                "fullDescription": [
                    "text": "A timeline, rule pack or policy file has a mistake; the message says where and what was expected."
                ],
                "help": ["text": "Fix the file at the location given."], "defaultConfiguration": ["level": "error"],
            ])
        }
        var run: [String: Any] = [
            "tool": [
                "driver": [
                    "name": "chc", "version": CHCVersion.current, "semanticVersion": CHCVersion.current,
                    "informationUri": "https://www.housing-ombudsman.org.uk/landlords-info/complaint-handling-code/",
                    "rules": driverRules,
                ]
            ],
            "results": results,
            "columnKind": "unicodeCodePoints",
            "properties": ["asOf": report.asOf.description],
        ]
        if let baseURI { run["originalUriBaseIds"] = ["SRCROOT": ["uri": baseURI]] }
        let document: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [run],
        ]
        return JSONText.serialize(document)
    }

    package func level(_ finding: Finding) -> String {
        if finding.status == .notEvaluable { return "note" }
        switch finding.severity {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "note"
        }
    }

    package func location(_ file: String, _ line: Int, _ column: Int) -> [String: Any] {
        [
            "physicalLocation": [
                "artifactLocation": ["uri": Self.uri(file)],
                "region": ["startLine": max(1, line), "startColumn": max(1, column)],
            ]
        ]
    }

    /// A relative URI for a file path (percent-encoding what a URI cannot hold).
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":")
        let trimmed = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        return trimmed.addingPercentEncoding(withAllowedCharacters: allowed) ?? trimmed
    }

    package func descriptor(_ rule: Rule, pack: String) -> [String: Any] {
        let name = rule.id.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined()
        var help = "\(rule.summary) Cited: paragraph \(rule.paragraph) — \(rule.url) (source: \(rule.confidence.rawValue))."
        if let note = rule.note { help += " \(note)" }
        if let hint = rule.hint { help += " \(hint)" }
        var descriptor: [String: Any] = [
            "id": rule.id,
            "name": name.isEmpty ? "Rule" : name,
            "shortDescription": ["text": rule.summary],
            "fullDescription": ["text": "\(rule.summary) (\(pack), paragraph \(rule.paragraph))"],
            "help": [
                "text": help,
                "markdown":
                    "\(rule.summary)\n\nParagraph **\(rule.paragraph)** of [\(pack)](\(rule.url)) — source: \(rule.confidence.rawValue).",
            ],
            "defaultConfiguration": ["level": rule.severity == .note ? "note" : rule.severity.rawValue],
            "properties": ["pack": pack, "paragraph": rule.paragraph, "kind": rule.kind, "source": rule.confidence.rawValue],
        ]
        if rule.url.hasPrefix("http") { descriptor["helpUri"] = rule.url }
        return descriptor
    }

    package func properties(_ finding: Finding) -> [String: Any] {
        var p: [String: Any] = [
            "complaint": finding.complaint, "pack": finding.pack, "status": finding.status.rawValue,
            "paragraph": finding.citation.paragraph,
        ]
        if let due = finding.due { p["due"] = due.description }
        if let actual = finding.actual { p["actual"] = actual.description }
        if let taken = finding.workingDaysTaken { p["workingDaysTaken"] = taken }
        if let late = finding.workingDaysLate { p["workingDaysLate"] = late }
        return p
    }
}

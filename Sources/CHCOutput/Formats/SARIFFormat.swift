import CHCChecks
import CHCModel
import Foundation
import WorkingDays

/// SARIF 2.1.0, so GitHub code scanning shows each breach on the timeline file's line.
///
/// Each finding's result is written by hand as it is checked and spooled (`SpooledCheckFormat`):
/// its `ruleIndex` points into the list of rules evaluated, which is known only at the end, and
/// `--max-results` keeps the most severe, then the most recent, which needs every finding seen.
/// The layout is JSONSerialization's (pretty, sorted keys), as before.
package struct SARIFFormat: SpooledCheckFormat, LintFormat {
    package static let identifier = "sarif"

    /// At most this many findings are written (input problems always are); nil for all.
    let maxResults: Int?

    package init(options: ReporterOptions) { maxResults = options.maxResults }
    package init() { maxResults = nil }

    package func render(_ report: LintReport) -> String { render(report.asCheckReport(asOf: .today())) }

    /// The rules evaluated, by id, for the run's rule list.
    package struct Totals: Sendable {
        var rules: [String: (rule: Rule, pack: String)] = [:]
    }

    package var noTotals: Totals { Totals() }

    package func add(_ part: Totals, to total: inout Totals) {
        total.rules.merge(part.rules) { first, _ in first }
    }

    /// Marks where a result's `ruleIndex` goes, resolved when the rule list is known (JSON text
    /// never holds the byte raw). A record is the result, a NUL, then the rule id.
    static let indexMark: UInt8 = 1

    package func records(file: String, result: ComplaintResult, findings: [Finding], asOf: CivilDate, scratch: RenderScratch) -> (
        records: [SpoolRecord], totals: Totals
    ) {
        // The run's rule list is the union of the complaints' rules, the first delivered kept
        // for each id. A thread names each rule object only with the first complaint it meets
        // it in: the same union, and the same first, as a thread renders its complaints in the
        // order they are delivered (and the first complaint delivered with an id is the first
        // of its thread with that id).
        var totals = Totals()
        for evaluation in result.evaluations where scratch.isFirstSight(evaluation.rule) && totals.rules[evaluation.rule.id] == nil {
            totals.rules[evaluation.rule.id] = (evaluation.rule, evaluation.pack)
        }
        // Findings are nearly always in the file before's: its URI is made once.
        func uri(_ file: String) -> String { scratch.fileText(file, make: Self.uri) }
        let records = findings.map { finding in
            var w = JSONPrettyWriter(level: 4, capacity: 1536)
            w.beginObject()
            w.key("kind")
            w.string(finding.status == .notEvaluable ? "review" : "fail")
            w.key("level")
            w.string(level(finding))
            writeLocation(finding.location, uri: uri(finding.location.file), to: &w)
            w.key("message")
            w.beginObject()
            w.key("text")
            w.string("[\(finding.complaint)] \(finding.message)")
            w.endObject()
            w.key("partialFingerprints")
            w.beginObject()
            w.key("chcFinding/v1")
            w.string(finding.fingerprint.description)
            w.endObject()
            w.key("properties")
            writeProperties(finding, to: &w)
            w.key("ruleId")
            w.string(finding.rule)
            w.key("ruleIndex")
            w.raw([Self.indexMark])
            w.endObject()
            w.raw([0] + Array(finding.rule.utf8))
            return SpoolRecord(rank: Self.rank(finding), bytes: w.bytes)
        }
        return (records, totals)
    }

    /// What `--max-results` keeps first: errors, then warnings, then notes; within each, the
    /// most recent (by the date the finding is about).
    static func rank(_ finding: Finding) -> UInt64 {
        let severity: UInt64 =
            switch (finding.status, finding.severity) {
            case (.notEvaluable, _), (_, .note): 1
            case (_, .warning): 2
            case (_, .error): 3
            }
        let day = finding.actual ?? finding.due ?? finding.anchor?.date
        return severity << 32 | UInt64(UInt32(clamping: (day?.dayNumber ?? 0) + 1_000_000))
    }

    package func assemble(
        asOf: CivilDate, totals: Totals, inputErrors: [InputError], replay: SpoolReplay, write: @escaping (UnsafeRawBufferPointer) -> Void
    ) throws {
        func writeText(_ text: String) { self.write(text, to: write) }
        let problems = inputErrors.flatMap(\.problems)
        let rules = totals.rules.values.sorted { $0.rule.id < $1.rule.id }
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { (Array($1.rule.id.utf8), $0) })
        let (kept, found) = try keptRecords(replay)
        writeText("{\n  \"$schema\" : \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"runs\" : [\n    {\n")
        writeText("      \"columnKind\" : \"unicodeCodePoints\",\n      \"properties\" : {\n        \"asOf\" : \"\(asOf)\"")
        if let kept, let maxResults {
            writeText(",\n        \"maxResults\" : \(maxResults),\n        \"resultsLeftOut\" : \(found - kept.count),\n")
            writeText(
                "        \"resultsLeftOutWhy\" : \"--max-results \(maxResults): the most severe findings were kept, then the most recent\"")
        }
        writeText("\n      },\n      \"results\" : [")
        var written = 0
        try replay { number, _, record in
            if let kept, !kept.contains(number) { return }
            // JSON text holds no raw NUL (a rule id might): the first one ends the result.
            guard let nul = record.firstIndex(of: 0), let mark = record[..<nul].lastIndex(of: Self.indexMark) else { return }
            writeText(written == 0 ? "\n" : ",\n")
            written += 1
            write(UnsafeRawBufferPointer(rebasing: record[..<mark]))
            writeText(String(index[Array(record[(nul + 1)...])] ?? 0))
            write(UnsafeRawBufferPointer(rebasing: record[(mark + 1)..<nul]))
        }
        for problem in problems {
            var w = JSONPrettyWriter(level: 4)
            w.beginObject()
            w.key("kind")
            w.string("fail")
            w.key("level")
            w.string("error")
            writeLocation(problem.location, uri: Self.uri(problem.location.file), to: &w)
            w.key("message")
            w.beginObject()
            w.key("text")
            w.string(problem.message)
            w.endObject()
            w.key("partialFingerprints")
            w.beginObject()
            w.key("chcFinding/v1")
            w.string(fnv1a64(problem.description))
            w.endObject()
            w.key("ruleId")
            w.string("chc/input-error")
            w.endObject()
            writeText(written == 0 ? "\n" : ",\n")
            written += 1
            w.bytes.withUnsafeBytes { write($0) }
        }
        writeText(written == 0 ? "\n\n      ],\n" : "\n      ],\n")
        var tool = JSONPrettyWriter(level: 3, capacity: 2048 * (rules.count + 1))
        tool.beginObject()
        tool.key("driver")
        tool.beginObject()
        tool.key("informationUri")
        tool.string("https://www.housing-ombudsman.org.uk/landlords-info/complaint-handling-code/")
        tool.key("name")
        tool.string("chc")
        tool.key("rules")
        tool.beginArray()
        for (rule, pack) in rules {
            tool.element()
            writeDescriptor(rule, pack: pack, to: &tool)
        }
        if !problems.isEmpty {
            tool.element()
            writeInputErrorDescriptor(to: &tool)
        }
        tool.endArray()
        tool.key("semanticVersion")
        tool.string(CHCVersion.current)
        tool.key("version")
        tool.string(CHCVersion.current)
        tool.endObject()
        tool.endObject()
        writeText("      \"tool\" : ")
        tool.bytes.dropFirst(6).withContiguousStorageIfAvailable { write(UnsafeRawBufferPointer($0)) }
        writeText("\n    }\n  ],\n  \"version\" : \"2.1.0\"\n}\n")
    }

    /// With `--max-results` and more findings than that: the numbers of the records kept (the
    /// highest ranks, the earlier first among equals), and how many there were. A pass over the
    /// spool holding at most twice the limit.
    func keptRecords(_ replay: SpoolReplay) throws -> (kept: Set<Int>?, found: Int) {
        guard let maxResults else { return (nil, 0) }
        var best: [(rank: UInt64, number: Int)] = []
        var found = 0
        func prune() {
            best.sort { $0.rank != $1.rank ? $0.rank > $1.rank : $0.number < $1.number }
            best.removeLast(max(0, best.count - maxResults))
        }
        try replay { number, rank, _ in
            found += 1
            best.append((rank, number))
            if best.count >= 2 * maxResults + 1024 { prune() }
        }
        guard found > maxResults else { return (nil, found) }
        prune()
        return (Set(best.map(\.number)), found)
    }

    func writeLocation(_ location: SourceLocation, uri: String, to w: inout JSONPrettyWriter) {
        w.key("locations")
        w.beginArray()
        w.element()
        w.beginObject()
        w.key("physicalLocation")
        w.beginObject()
        w.key("artifactLocation")
        w.beginObject()
        w.key("uri")
        w.string(uri)
        w.endObject()
        w.key("region")
        w.beginObject()
        w.key("startColumn")
        w.int(max(1, location.column))
        w.key("startLine")
        w.int(max(1, location.line))
        w.endObject()
        w.endObject()
        w.endObject()
        w.endArray()
    }

    func writeProperties(_ finding: Finding, to w: inout JSONPrettyWriter) {
        w.beginObject()
        if let actual = finding.actual {
            w.key("actual")
            w.date(actual)
        }
        w.key("complaint")
        w.string(finding.complaint)
        if let due = finding.due {
            w.key("due")
            w.date(due)
        }
        w.key("pack")
        w.string(finding.pack)
        w.key("paragraph")
        w.string(finding.citation.paragraph)
        w.key("status")
        w.string(finding.status.rawValue)
        if let late = finding.workingDaysLate {
            w.key("workingDaysLate")
            w.int(late)
        }
        if let taken = finding.workingDaysTaken {
            w.key("workingDaysTaken")
            w.int(taken)
        }
        w.endObject()
    }

    package func level(_ finding: Finding) -> String {
        if finding.status == .notEvaluable { return "note" }
        switch finding.severity {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "note"
        }
    }

    /// A relative URI for a file path (percent-encoding what a URI cannot hold).
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":")
        let trimmed = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        return trimmed.addingPercentEncoding(withAllowedCharacters: allowed) ?? trimmed
    }

    func writeDescriptor(_ rule: Rule, pack: String, to w: inout JSONPrettyWriter) {
        let name = rule.id.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined()
        var help = "\(rule.summary) Cited: paragraph \(rule.paragraph) — \(rule.url) (source: \(rule.confidence.rawValue))."
        if let note = rule.note { help += " \(note)" }
        if let hint = rule.hint { help += " \(hint)" }
        w.beginObject()
        w.key("defaultConfiguration")
        w.beginObject()
        w.key("level")
        w.string(rule.severity == .note ? "note" : rule.severity.rawValue)
        w.endObject()
        w.key("fullDescription")
        w.beginObject()
        w.key("text")
        w.string("\(rule.summary) (\(pack), paragraph \(rule.paragraph))")
        w.endObject()
        w.key("help")
        w.beginObject()
        w.key("markdown")
        w.string("\(rule.summary)\n\nParagraph **\(rule.paragraph)** of [\(pack)](\(rule.url)) — source: \(rule.confidence.rawValue).")
        w.key("text")
        w.string(help)
        w.endObject()
        if rule.url.hasPrefix("http") {
            w.key("helpUri")
            w.string(rule.url)
        }
        w.key("id")
        w.string(rule.id)
        w.key("name")
        w.string(name.isEmpty ? "Rule" : name)
        w.key("properties")
        w.beginObject()
        w.key("kind")
        w.string(rule.kind)
        w.key("pack")
        w.string(pack)
        w.key("paragraph")
        w.string(rule.paragraph)
        w.key("source")
        w.string(rule.confidence.rawValue)
        w.endObject()
        w.key("shortDescription")
        w.beginObject()
        w.key("text")
        w.string(rule.summary)
        w.endObject()
        w.endObject()
    }

    /// The rule an input problem is reported under.
    func writeInputErrorDescriptor(to w: inout JSONPrettyWriter) {
        w.beginObject()
        w.key("defaultConfiguration")
        w.beginObject()
        w.key("level")
        w.string("error")
        w.endObject()
        w.key("fullDescription")
        w.beginObject()
        w.key("text")
        w.string("A timeline, rule pack or policy file has a mistake; the message says where and what was expected.")
        w.endObject()
        w.key("help")
        w.beginObject()
        w.key("text")
        w.string("Fix the file at the location given.")
        w.endObject()
        w.key("id")
        w.string("chc/input-error")
        w.key("name")
        w.string("InputError")
        w.key("shortDescription")
        w.beginObject()
        w.key("text")
        w.string("An input file could not be read.")
        w.endObject()
        w.endObject()
    }
}

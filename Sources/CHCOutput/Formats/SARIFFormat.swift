import CHCChecks
import CHCModel
import Foundation
import WorkingDays

/// SARIF 2.1.0, so GitHub code scanning shows each breach on the timeline file's line.
///
/// The run's rule list (`tool.driver.rules`) is every rule the run may evaluate, known before the
/// first complaint (`forRun(rules:)`), so each result's `ruleIndex` is known as it is written:
/// results are written by hand as each complaint is checked (`StreamingCheckFormat`). With
/// `--max-results`, which keeps the most severe, then the most recent, and so needs every
/// finding seen, results are spooled instead (`SpooledCheckFormat`) and the same document is
/// assembled at the end from those kept. The layout is JSONSerialization's (pretty, sorted keys).
package struct SARIFFormat: StreamingCheckFormat, SpooledCheckFormat, LintFormat {
    package static let identifier = "sarif"
    package static var streams: Bool { true }

    /// At most this many findings are written (input problems always are); nil for all.
    let maxResults: Int?
    /// The run's rule list, sorted by id, and each rule's place in it; nil until `forRun`.
    private var rules: [(rule: Rule, pack: String)]?
    private var ruleIndex: [String: Int] = [:]

    package init(options: ReporterOptions) { maxResults = options.maxResults }
    package init() { maxResults = nil }

    package func render(_ report: LintReport) -> String { render(report.asCheckReport(asOf: .today())) }

    /// The whole run at once (a lint result, a test): the rules listed are those the report's
    /// results evaluated, unless the run's were given.
    package func render(_ report: CheckReport) -> String {
        guard rules == nil else { return renderSpooled(report) }
        var evaluated: [String: (rule: Rule, pack: String)] = [:]
        for (_, result) in report.results {
            for evaluation in result.evaluations where evaluated[evaluation.rule.id] == nil {
                evaluated[evaluation.rule.id] = (evaluation.rule, evaluation.pack)
            }
        }
        return forRun(rules: Array(evaluated.values)).renderSpooled(report)
    }

    package func forRun(rules: [(rule: Rule, pack: String)]) -> SARIFFormat {
        var format = self
        let sorted = rules.sorted { $0.rule.id < $1.rule.id }
        format.rules = sorted
        format.ruleIndex = Dictionary(sorted.enumerated().map { ($1.rule.id, $0) }, uniquingKeysWith: { first, _ in first })
        return format
    }

    /// Only `--max-results` needs the whole run before the first result.
    package var needsWholeRun: Bool { maxResults != nil }

    // MARK: Streaming

    package func begin(asOf: CivilDate) -> String { start(asOf: asOf, leftOut: nil) }

    /// Each result is written after a comma; the first result of the run is written without.
    package var leadingSeparator: String { "," }

    package func appendComplaint(
        file: String, result: ComplaintResult, findings: [Finding], asOf: CivilDate, to out: inout [UInt8], scratch: RenderScratch
    ) {
        // Room for every result at once: growing the buffer result by result would copy it each time.
        out.reserveCapacity(out.count + 1536 * findings.count)
        // Findings are nearly always in the file before's: its URI is made once.
        for finding in findings {
            out.append(contentsOf: ",\n".utf8)
            var w = JSONPrettyWriter(takingOver: &out, level: 4, capacity: 0)
            writeResult(finding, uri: scratch.fileText(finding.location.file, make: Self.uri), to: &w)
            w.handBack(to: &out)
        }
    }

    /// Every finding reported is one result (`appendComplaint`), so the summary's count of
    /// findings says whether a comma goes before the input problems' results.
    package func end(summary: CheckReport.Summary, asOf: CivilDate, inputErrors: [InputError], skipped: [(file: String, reason: String)])
        -> String
    {
        var out: [UInt8] = []
        finish(afterResults: summary.findings, inputErrors: inputErrors) { out.append(contentsOf: $0) }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: Spooled (--max-results)

    /// Nothing: the rule list is known before the run.
    package struct Totals: Sendable {}

    package var noTotals: Totals { Totals() }

    package func add(_ part: Totals, to total: inout Totals) {}

    package func records(file: String, result: ComplaintResult, findings: [Finding], asOf: CivilDate, scratch: RenderScratch) -> (
        records: SpoolRecords, totals: Totals
    ) {
        func record(_ finding: Finding) -> SpoolRecord {
            var w = JSONPrettyWriter(level: 4, capacity: 1536)
            writeResult(finding, uri: scratch.fileText(finding.location.file, make: Self.uri), to: &w)
            return SpoolRecord(rank: Self.rank(finding), bytes: scratch.handed(w.bytes))
        }
        // One finding (the usual case when there is any) without an array of its own.
        return (findings.count == 1 ? SpoolRecords(record(findings[0])) : SpoolRecords(findings.map(record)), Totals())
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
        let (kept, found) = try keptRecords(replay)
        self.write(start(asOf: asOf, leftOut: kept.map { found - $0.count }), to: write)
        var written = 0
        try replay { number, _, record in
            if let kept, !kept.contains(number) { return }
            self.write(written == 0 ? "\n" : ",\n", to: write)
            written += 1
            write(record)
        }
        finish(afterResults: written, inputErrors: inputErrors, write: write)
    }

    // MARK: The document

    /// Up to the results' opening bracket; with the number of results `--max-results` left out.
    private func start(asOf: CivilDate, leftOut: Int?) -> String {
        var text = "{\n  \"$schema\" : \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"runs\" : [\n    {\n"
        text += "      \"columnKind\" : \"unicodeCodePoints\",\n      \"properties\" : {\n        \"asOf\" : \"\(asOf)\""
        if let leftOut, let maxResults {
            text += ",\n        \"maxResults\" : \(maxResults),\n        \"resultsLeftOut\" : \(leftOut),\n"
            text +=
                "        \"resultsLeftOutWhy\" : \"--max-results \(maxResults): the most severe findings were kept, then the most recent\""
        }
        return text + "\n      },\n      \"results\" : ["
    }

    /// One finding's result (the comma before it is the caller's).
    private func writeResult(_ finding: Finding, uri: String, to w: inout JSONPrettyWriter) {
        w.beginObject()
        w.key("kind")
        w.string(finding.status == .notEvaluable ? "review" : "fail")
        w.key("level")
        w.string(level(finding))
        writeLocation(finding.location, uri: uri, to: &w)
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
        if let index = ruleIndex[finding.rule] {
            w.key("ruleIndex")
            w.int(index)
        }
        w.endObject()
    }

    /// After `afterResults` results: the input problems' results, then the rule list and the
    /// end of the document.
    private func finish(afterResults: Int, inputErrors: [InputError], write: (UnsafeRawBufferPointer) -> Void) {
        func writeText(_ text: String) { self.write(text, to: write) }
        let problems = inputErrors.flatMap(\.problems)
        var written = afterResults
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
        let rules = rules ?? []
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

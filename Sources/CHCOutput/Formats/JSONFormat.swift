import CHCChecks
import CHCModel
import WorkingDays

/// JSON: one versioned document (`schemaVersion`) with sorted keys and ISO dates, absent values
/// written as `null`, for every command. A check run is compact (one line) unless `pretty`
/// (`--pretty`, or a terminal): the same document in 57% of the bytes.
package struct JSONFormat: StreamingCheckFormat, DueListFormat, PerformanceFormat, LintFormat {
    package static let identifier = "json"

    /// Indented, a member a line, as JSONEncoder's `.prettyPrinted` writes it.
    let pretty: Bool

    package init(options: ReporterOptions) { pretty = options.pretty }
    package init(pretty: Bool = true) { self.pretty = pretty }

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
        /// For a complaint about a hazard, the hazard case; for a hazard case, `kind: hazard`.
        package var hazard: String? = nil
        package var kind: String? = nil
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
        pretty ? "{\n  \"asOf\" : \"\(asOf)\",\n  \"complaints\" : [" : "{\"asOf\":\"\(asOf)\",\"complaints\":["
    }

    /// Complaints are elements of one array.
    package var separator: String { "," }

    /// One complaint's entry (a `ComplaintEntry`), written by hand as JSONEncoder would write it.
    package func appendComplaint(
        file: String, result: ComplaintResult, findings: [Finding], asOf: CivilDate, to out: inout [UInt8], scratch: RenderScratch
    ) {
        let capacity = 1024 * (findings.count + 1) + 192 * result.evaluations.count
        if pretty { out.append(10) }
        var w = JSONPrettyWriter(takingOver: &out, level: pretty ? 2 : nil, capacity: capacity)
        w.beginObject()
        w.key("evaluations")
        w.beginArray()
        // Each evaluation's fields are read in place: taking an evaluation out of the array
        // copies it (its findings, dates and rule: fifteen a complaint).
        let evaluations = result.evaluations
        // Compact: the members up to the timing's value, made once per rule and outcome on this
        // thread and read in place (`RenderScratch.withKeptTexts`), at key `serial × 5 + outcome`.
        func key(_ place: Int) -> Int {
            evaluations[place].rule.serial * Self.outcomeCount + Self.outcomePlace[evaluations[place].outcome]
        }
        if !pretty {
            for place in evaluations.indices where scratch.keptTextCount(key: key(place), pack: evaluations[place].pack) == nil {
                let evaluation = evaluations[place]
                scratch.keepText(Self.evaluationMembers(evaluation), key: key(place), pack: evaluation.pack)
            }
        }
        scratch.withKeptTexts { texts in
            for place in evaluations.indices {
                w.element()
                w.beginObject()
                if pretty {
                    w.key("outcome")
                    w.string(evaluations[place].outcome.rawValue)
                    w.key("pack")
                    w.string(evaluations[place].pack)
                    w.key("rule")
                    w.string(evaluations[place].rule.id)
                    w.key("timing")
                } else if let members = texts.text(key: key(place), pack: evaluations[place].pack) {
                    w.rawMembers(members)
                } else {  // no longer kept (`RenderScratch.keptBytesLimit`)
                    Self.evaluationMembers(evaluations[place]).withUnsafeBufferPointer { w.rawMembers($0) }
                }
                if let timing = evaluations[place].timing {
                    // DeadlineTiming's own Codable leaves out an absent date or count.
                    w.beginObject()
                    if let actual = timing.actual {
                        w.key("actual")
                        w.date(actual)
                    }
                    w.key("anchor")
                    w.date(timing.anchor)
                    w.key("due")
                    w.date(timing.due)
                    if let taken = timing.workingDaysTaken {
                        w.key("workingDaysTaken")
                        w.int(taken)
                    }
                    w.endObject()
                } else {
                    w.null()
                }
                w.endObject()
            }
        }
        w.endArray()
        w.key("file")
        w.string(file)
        w.key("findings")
        w.beginArray()
        for index in findings.indices {
            w.element()
            Self.write(
                findings, at: index, to: &w, ruleMembers: pretty ? nil : Self.ruleMembers(of: findings, at: index, in: result, scratch))
        }
        w.endArray()
        // Written only when there is something to say, so a complaint's object is as it was.
        if let hazard = result.complaint.hazard {
            w.key("hazard")
            w.string(hazard)
        }
        w.key("id")
        w.string(result.complaint.id)
        if result.complaint.isHazardCase {
            w.key("kind")
            w.string(CaseKind.hazard.rawValue)
        }
        w.key("packs")
        w.beginArray()
        for pack in result.packs {
            w.element()
            w.string(pack)
        }
        w.endArray()
        w.endObject()
        w.handBack(to: &out)
    }

    /// How many outcomes there are, and each one's place among them: with a rule's serial, the
    /// key of the members kept for the rule and an outcome.
    private static let outcomeCount = Outcome.allCases.count
    private static let outcomePlace = PerOutcome { Outcome.allCases.firstIndex(of: $0)! }

    /// An evaluation's members up to the timing's value, as the compact writer writes them:
    /// `"outcome":…,"pack":…,"rule":…,"timing":`.
    private static func evaluationMembers(_ evaluation: RuleEvaluation) -> [UInt8] {
        var members = JSONPrettyWriter(compactWithCapacity: 128)
        members.beginObject()
        members.key("outcome")
        members.string(evaluation.outcome.rawValue)
        members.key("pack")
        members.string(evaluation.pack)
        members.key("rule")
        members.string(evaluation.rule.id)
        members.key("timing")
        return Array(members.bytes.dropFirst())  // `"outcome":…` for `{"outcome":…`
    }

    /// The members `"check":…,"citation":…` of a finding, compact, as its rule gives them: kept
    /// per rule on this thread (a finding's check and citation are nearly always its rule's) and
    /// used while the finding's own values are the rule's, byte for byte (compared, not assumed:
    /// a finding citing a paragraph of its own is written out). Nil when they are not the rule's.
    static func ruleMembers(of findings: [Finding], at index: Int, in result: ComplaintResult, _ scratch: RenderScratch) -> [UInt8]? {
        guard let place = result.evaluationPlace(of: findings, at: index) else { return nil }
        let rule = result.evaluations[place].rule
        guard rule.givesCheck(of: findings, at: index), rule.givesCitation(of: findings, at: index) else { return nil }
        return scratch.texts(for: rule, pack: "") {
            var w = JSONPrettyWriter(compactWithCapacity: 512)
            w.beginObject()
            writeCheckAndCitation(
                check: Finding.Check(kind: rule.kind, event: rule.subject.event?.rawValue, stage: rule.subject.stage),
                citation: Finding.Citation(
                    paragraph: rule.paragraph, summary: rule.summary, url: rule.url, source: rule.confidence.rawValue), to: &w)
            return (Array(w.bytes.dropFirst()), [])  // `"check":…` for `{"check":…`
        }.first
    }

    /// The members `"check":…,"citation":…` of a finding.
    private static func writeCheckAndCitation(check: Finding.Check, citation: Finding.Citation, to w: inout JSONPrettyWriter) {
        w.key("check")
        w.beginObject()
        if let event = check.event {
            w.key("event")
            w.string(event)
        }
        w.key("kind")
        w.string(check.kind)
        if let stage = check.stage {
            w.key("stage")
            w.int(stage)
        }
        w.endObject()
        w.key("citation")
        w.beginObject()
        w.key("paragraph")
        w.string(citation.paragraph)
        w.key("source")
        w.string(citation.source)
        w.key("summary")
        w.string(citation.summary)
        w.key("url")
        w.string(citation.url)
        w.endObject()
    }

    /// A finding as `Finding.encode(to:)` writes it: every field, `null` when absent (its check's
    /// event and stage, from their own Codable, are left out when absent).
    /// With `file`, also the file the finding's complaint was read from (JSON Lines, where each
    /// line stands alone), in its sorted place. With `ruleMembers` (`ruleMembers(of:at:in:_:)`,
    /// compact only), its check and citation as its rule gives them.
    static func write(_ findings: [Finding], at index: Int, to w: inout JSONPrettyWriter, file: String? = nil, ruleMembers: [UInt8]? = nil)
    {
        // Read in place: a finding taken out of its array is copied, its every text counted.
        w.beginObject()
        w.key("actual")
        w.date(findings[index].actual)
        w.key("anchor")
        if let anchor = findings[index].anchor {
            w.beginObject()
            w.key("date")
            w.date(anchor.date)
            w.key("derived")
            w.bool(anchor.derived)
            w.key("event")
            w.string(anchor.event)
            w.endObject()
        } else {
            w.null()
        }
        if let ruleMembers {
            ruleMembers.withUnsafeBufferPointer { w.rawMembers($0) }
        } else {
            writeCheckAndCitation(check: findings[index].check, citation: findings[index].citation, to: &w)
        }
        w.key("complaint")
        w.string(findings[index].complaint)
        w.key("due")
        w.date(findings[index].due)
        if let file {
            w.key("file")
            w.string(file)
        }
        w.key("hint")
        w.string(findings[index].hint)
        w.key("location")
        w.beginObject()
        w.key("column")
        w.int(findings[index].location.column)
        w.key("file")
        w.string(findings[index].location.file)
        w.key("line")
        w.int(findings[index].location.line)
        w.endObject()
        w.key("message")
        w.string(findings[index].message)
        w.key("pack")
        w.string(findings[index].pack)
        w.key("rule")
        w.string(findings[index].rule)
        w.key("severity")
        w.string(findings[index].severity.rawValue)
        w.key("status")
        w.string(findings[index].status.rawValue)
        w.key("transition")
        w.string(findings[index].transition)
        w.key("workingDaysLate")
        w.int(findings[index].workingDaysLate)
        w.key("workingDaysTaken")
        w.int(findings[index].workingDaysTaken)
        w.endObject()
    }

    package func end(summary: CheckReport.Summary, asOf: CivilDate, inputErrors: [InputError], skipped: [(file: String, reason: String)])
        -> String
    {
        guard pretty else {
            return "],\"inputErrors\":" + JSONText.compact(inputErrors.flatMap(\.problems)) + ",\"schemaVersion\":\(JSONText.schemaVersion)"
                + ",\"summary\":" + JSONText.compact(summary) + ",\"tool\":"
                + JSONText.compact(Tool(name: "chc", version: CHCVersion.current))
                + "}\n"
        }
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

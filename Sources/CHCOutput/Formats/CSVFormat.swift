import CHCChecks
import CHCModel
import WorkingDays

/// CSV (RFC 4180): one row per finding, per open deadline, per figure; every text cell a
/// spreadsheet would run as a formula is neutralised (`CSVText`).
package struct CSVFormat: StreamingCheckFormat, DueListFormat, PerformanceFormat, LintFormat {
    package static let identifier = "csv"

    package init(options: ReporterOptions) {}
    package init() {}

    // MARK: chc check

    package static let header = [
        "file", "line", "column", "complaint", "rule", "pack", "kind", "event", "stage", "severity", "status",
        "message", "anchor_event", "anchor_date", "due", "actual", "working_days_taken", "working_days_late",
        "paragraph", "url", "source", "hint",
    ]

    package func begin(asOf: CivilDate) -> String { CSVText.row(Self.header) }

    package func appendComplaint(
        file: String, result: ComplaintResult, findings: [Finding], asOf: CivilDate, to out: inout [UInt8], scratch: RenderScratch
    ) {
        // Bytes, cell by cell: numbers and dates written as digits (the text `String(n)` and
        // `description` give, which CSV leaves as they are), no string made for any of them.
        out.reserveCapacity(out.count + findings.count * 512)
        for index in findings.indices {
            // The rule that found it, from its evaluation, with the cells it gives, kept.
            var found: (rule: Rule, pack: String, cells: (first: [UInt8], second: [UInt8]))?
            if let place = result.evaluationPlace(of: findings, at: index) {
                let (rule, pack) = (result.evaluations[place].rule, result.evaluations[place].pack)
                found = (rule, pack, scratch.texts(for: rule, pack: pack) { Self.ruleCells(rule, pack: pack) })
            }
            appendRow(of: findings, at: index, rule: found, to: &out)
        }
    }

    /// The cells a finding of `rule` has from the rule (as `appendRow` writes them from the
    /// finding): `rule,pack,kind,event,stage,` and `paragraph,url,source,hint`.
    private static func ruleCells(_ rule: Rule, pack: String) -> (first: [UInt8], second: [UInt8]) {
        var identity: [UInt8] = []
        for text in [rule.id, pack, rule.kind, rule.subject.event?.rawValue ?? ""] {
            CSVText.append(text, to: &identity)
            identity.append(44)  // ,
        }
        if let stage = rule.subject.stage { identity.appendDecimal(stage) }
        identity.append(44)
        var citation: [UInt8] = []
        for text in [rule.paragraph, rule.url, rule.confidence.rawValue] {
            CSVText.append(text, to: &citation)
            citation.append(44)
        }
        CSVText.append(rule.hint ?? "", to: &citation)
        return (identity, citation)
    }

    /// The row of `findings[index]`, read in place (a finding taken out of its array is copied:
    /// a tenth of the row's time). `rule` is the rule that found it, in its pack, with the cells
    /// it gives (`ruleCells`): they are used where the finding's values are the rule's, byte for
    /// byte (compared, not assumed; a finding with a paragraph or hint of its own gets those cells
    /// made).
    private func appendRow(
        of findings: [Finding], at index: Int, rule found: (rule: Rule, pack: String, cells: (first: [UInt8], second: [UInt8]))?,
        to out: inout [UInt8]
    ) {
        func cell(_ value: String) {
            CSVText.append(value, to: &out)
            out.append(44)  // ,
        }
        func cell(_ value: Int?) {
            if let value { out.appendDecimal(value) }
            out.append(44)
        }
        func cell(_ date: CivilDate?) {
            if let date {
                if (0...9999).contains(date.year) {
                    out.appendISODate(date)
                } else {
                    CSVText.append(date.description, to: &out)
                }
            }
            out.append(44)
        }
        cell(findings[index].location.file)
        cell(findings[index].location.line)
        cell(findings[index].location.column)
        cell(findings[index].complaint)
        if let found, sameBytes(findings[index].rule, found.rule.id), sameBytes(findings[index].pack, found.pack),
            found.rule.givesCheck(of: findings, at: index)
        {
            out += found.cells.first
        } else {
            cell(findings[index].rule)
            cell(findings[index].pack)
            cell(findings[index].check.kind)
            cell(findings[index].check.event ?? "")
            cell(findings[index].check.stage)
        }
        out += Self.severityCells[findings[index].severity]
        out += Self.statusCells[findings[index].status]
        cell(findings[index].message)
        cell(findings[index].anchor?.event ?? "")
        cell(findings[index].anchor?.date)
        cell(findings[index].due)
        cell(findings[index].actual)
        cell(findings[index].workingDaysTaken)
        cell(findings[index].workingDaysLate)
        if let found, found.rule.givesCitation(of: findings, at: index), sameBytes(findings[index].hint, found.rule.hint) {
            out += found.cells.second
        } else {
            cell(findings[index].citation.paragraph)
            cell(findings[index].citation.url)
            cell(findings[index].citation.source)
            CSVText.append(findings[index].hint ?? "", to: &out)
        }
        out.append(13)  // CR LF
        out.append(10)
    }

    /// `note,` and the like: a severity's cell, made once.
    private static let severityCells = PerSeverity { severity in
        var cell: [UInt8] = []
        CSVText.append(severity.rawValue, to: &cell)
        return cell + [44]
    }

    /// `breach,` and the like: a status's cell, made once.
    private static let statusCells = PerStatus { status in
        var cell: [UInt8] = []
        CSVText.append(status.rawValue, to: &cell)
        return cell + [44]
    }

    package func end(summary: CheckReport.Summary, asOf: CivilDate, inputErrors: [InputError], skipped: [(file: String, reason: String)])
        -> String
    { "" }

    // MARK: chc due

    package func render(_ list: DueList) -> String {
        var rows = [
            [
                "complaint", "stage", "awaiting", "due", "working_days_left", "status", "rule", "pack", "category", "file", "line",
                "due_at",
                "hours_left",
            ]
        ]
        for i in list.items {
            rows.append([
                i.complaint, i.stage.map(String.init) ?? "", i.awaiting, i.due.description, String(i.workingDaysLeft), i.status.rawValue,
                i.rule, i.pack, i.category ?? "", i.file, String(i.line), i.dueAt?.description ?? "", i.hoursLeft.map(String.init) ?? "",
            ])
        }
        return CSVText.table(rows)
    }

    // MARK: chc report

    /// CSV: one row per rule, then one per month, each row saying what it is.
    package func render(_ report: PerformanceReport, title: String) -> String {
        let (tsm, rules, months, categories, openAgeing) = (report.tsm, report.rules, report.months, report.categories, report.openAgeing)
        var rows = [["section", "key", "evaluated_or_received", "compliant_or_in_time", "rate", "detail"]]
        rows.append(["tsm", "CH01 stage 1 per 1000 homes", String(tsm.stage1Complaints), "", PerformanceReport.number(tsm.ch01Stage1), ""])
        rows.append(["tsm", "CH01 stage 2 per 1000 homes", String(tsm.stage2Complaints), "", PerformanceReport.number(tsm.ch01Stage2), ""])
        rows.append([
            "tsm", "CH02 stage 1", String(tsm.stage1Responded), String(tsm.stage1RespondedInTime),
            PerformanceReport.percent(tsm.ch02Stage1), "",
        ])
        rows.append([
            "tsm", "CH02 stage 2", String(tsm.stage2Responded), String(tsm.stage2RespondedInTime),
            PerformanceReport.percent(tsm.ch02Stage2), "",
        ])
        for r in rules {
            rows.append(["rule", r.rule, String(r.evaluated), String(r.compliant), PerformanceReport.percent(r.rate), r.summary])
        }
        for m in months { rows.append(["month", m.month, String(m.received), String(m.stage1InTime), "", "\(m.breaches) breaches"]) }
        for c in categories { rows.append(["category", c.category, String(c.complaints), String(c.complaints - c.withBreach), "", ""]) }
        for a in openAgeing { rows.append(["open-ageing", a.bucket, String(a.open), "", "", ""]) }
        if let hazards = report.hazards {
            rows.append([
                "hazards", "cases", String(hazards.cases), "", "", "\(hazards.emergency) emergency, \(hazards.significant) significant",
            ])
            for r in hazards.rules {
                rows.append(["hazard-rule", r.rule, String(r.evaluated), String(r.compliant), PerformanceReport.percent(r.rate), r.summary])
            }
            for a in hazards.openAgeing { rows.append(["hazard-open-ageing", a.bucket, String(a.open), "", "", ""]) }
        }
        return CSVText.table(rows)
    }

    // MARK: chc lint

    package func render(_ report: LintReport) -> String { render(report.asCheckReport(asOf: .today())) }
}

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
        for f in findings {
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
            cell(f.location.file)
            cell(f.location.line)
            cell(f.location.column)
            cell(f.complaint)
            cell(f.rule)
            cell(f.pack)
            cell(f.check.kind)
            cell(f.check.event ?? "")
            cell(f.check.stage)
            cell(f.severity.rawValue)
            cell(f.status.rawValue)
            cell(f.message)
            cell(f.anchor?.event ?? "")
            cell(f.anchor?.date)
            cell(f.due)
            cell(f.actual)
            cell(f.workingDaysTaken)
            cell(f.workingDaysLate)
            cell(f.citation.paragraph)
            cell(f.citation.url)
            cell(f.citation.source)
            CSVText.append(f.hint ?? "", to: &out)
            out.append(13)  // CR LF
            out.append(10)
        }
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

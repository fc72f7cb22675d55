import CHCChecks
import CHCModel
import WorkingDays

/// Text for a person: findings grouped by complaint, each first line in the
/// `file:line:col: severity RULE [complaint] message` form that editors and CI logs link to, and
/// a summary line at the end; the worklist, the report and the self-assessment as plain text.
/// Colour only when asked (on a terminal).
package struct TextFormat: StreamingCheckFormat, DueListFormat, PerformanceFormat, LintFormat {
    package static let identifier = "text"
    package static var showsInputErrors: Bool { true }
    package var colour: Bool

    package init(options: ReporterOptions) { colour = options.colour }
    package init(colour: Bool = false) { self.colour = colour }

    // MARK: chc check

    package func begin(asOf: CivilDate) -> String { "" }

    package func complaint(file: String, result: ComplaintResult, findings: [Finding], asOf: CivilDate) -> String {
        var out = ""
        let packs = result.packs.isEmpty ? "no pack" : result.packs.joined(separator: " + ")
        let breaches = findings.filter(\.isBreach).count
        let e = { (text: String) in TerminalText.escaped(text) }
        out += paint(e(result.complaint.id), .bold) + " (\(e(file))), judged by \(e(packs)): "
        out += breaches == 0 ? "no breaches" : "\(breaches) breach\(breaches == 1 ? "" : "es")"
        let open = result.evaluations.compactMap(\.openDeadline).filter { $0.due >= asOf }
        if let next = open.min(by: { $0.due < $1.due }) {
            out +=
                "; next due: "
                + (result.complaint.isHazardCase
                    ? "\(next.event.awaited) by \(next.dueAt?.longDescription ?? next.due.longDescription)"
                    : "stage \(next.stage) \(next.event.noun) by \(next.due.longDescription)")
                + (next.onHold ? " if resumed today (on hold)" : "")
        }
        out += "\n"
        for finding in findings {
            let label = finding.status == .notEvaluable ? "not-evaluable" : finding.severity.rawValue
            let colourFor: Colour = finding.severity == .error ? .red : finding.severity == .warning ? .yellow : .dim
            out +=
                "  \(e(finding.location.description)): \(paint(label, colourFor)) \(e(finding.rule)) [\(e(finding.complaint))] \(e(finding.message))\n"
            var cite = "    "
            if !finding.citation.paragraph.isEmpty { cite += "¶\(e(finding.citation.paragraph)) — \(e(finding.citation.summary))" }
            if !finding.citation.url.isEmpty { cite += " <\(e(finding.citation.url))>" }
            if cite.count > 4, finding.status != .notEvaluable { out += paint(cite, .dim) + "\n" }
            if let hint = finding.hint { out += paint("    hint: \(e(hint))", .dim) + "\n" }
        }
        return out
    }

    package var pairsHazardClocks: Bool { true }

    /// Each complaint about a hazard with the hazard's clocks beside its own: the Complaint
    /// Handling Code's on the left, Awaab's Law's on the right.
    package func hazardClocks(_ book: HazardClockBook) -> String {
        let pairs = book.pairs
        guard !pairs.isEmpty else { return "" }
        let width = 72
        var out = "\nComplaints about hazards: both clocks\n"
        for (complaint, hazard) in pairs {
            let right = hazard.map { "hazard \($0.id) (Awaab's Law)" } ?? "hazard \(complaint.hazard ?? "?") (not in this run)"
            out += "  " + pad("complaint \(complaint.id) (the Code)", width) + " | " + TerminalText.escaped(right) + "\n"
            let left = complaint.lines
            let rightLines = hazard?.lines ?? []
            for i in 0..<max(left.count, rightLines.count) {
                out +=
                    "    " + pad(i < left.count ? left[i] : "", width - 2) + " | "
                    + TerminalText.escaped(i < rightLines.count ? rightLines[i] : "") + "\n"
            }
        }
        if book.leftOut > 0 { out += "  (\(counted(book.leftOut, "more case")) not paired here: too many to hold; see --format json)\n" }
        return out
    }

    private func pad(_ text: String, _ width: Int) -> String {
        let escaped = TerminalText.escaped(text)
        return escaped.count >= width ? escaped : escaped + String(repeating: " ", count: width - escaped.count)
    }

    package func end(summary s: CheckReport.Summary, asOf: CivilDate, inputErrors: [InputError], skipped: [(file: String, reason: String)])
        -> String
    {
        var out = ""
        for (file, reason) in skipped {
            out += paint("skipped \(TerminalText.escaped(file)): \(reason)", .dim) + "\n"
        }
        if !inputErrors.isEmpty { out += "\n" }
        for problem in inputErrors.flatMap(\.problems) {
            out += paint(TerminalText.escaped(problem.description), .red) + "\n"
        }
        out +=
            "\n\(counted(s.complaints, "complaint")), \(s.hazardCases.map { counted($0, "hazard case") + ", " } ?? "")\(counted(s.breaches, "breach")) (\(counted(s.errors, "error")), \(counted(s.warnings, "warning"))), \(s.notEvaluable) not evaluable"
        if s.notes > 0 { out += ", \(s.notes) note\(s.notes == 1 ? "" : "s")" }
        if s.suppressedByBaseline > 0 { out += ", \(s.suppressedByBaseline) in the baseline" }
        if s.inputErrors > 0 { out += ", \(s.inputErrors) input error\(s.inputErrors == 1 ? "" : "s")" }
        if s.eventsAfterAsOf > 0 { out += ", \(Self.afterAsOf(s.eventsAfterAsOf))" }
        out += " (as of \(asOf))\n"
        return out
    }

    package enum Colour: String {
        case red = "31"
        case yellow = "33"
        case bold = "1"
        case dim = "2"
    }

    func paint(_ text: String, _ colour: Colour) -> String {
        self.colour ? "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[0m" : text
    }

    /// "3 events dated after the as-of date ignored", for every command's summary.
    package static func afterAsOf(_ count: Int) -> String {
        "\(count) event\(count == 1 ? "" : "s") dated after the as-of date ignored (judged as if the export had been taken then)"
    }

    // MARK: chc due

    package func render(_ list: DueList) -> String {
        let items = list.items
        let asOf = list.asOf
        guard !items.isEmpty else {
            return "No open deadlines as of \(asOf.longDescription).\n"
                + (list.eventsAfterAsOf > 0 ? "\(Self.afterAsOf(list.eventsAfterAsOf))\n" : "")
        }
        var out = "Open deadlines as of \(asOf.longDescription), soonest first:\n"
        for item in items {
            let when: String
            if let hours = item.hoursLeft, let at = item.dueAt {
                // A limit in hours (a hazard's 24): the hours, not the working days, left.
                let amount = hours == 0 ? "less than an hour" : counted(abs(hours), "hour")
                when =
                    item.status == .overdue
                    ? "OVERDUE by \(amount) (due \(at.longDescription))" : "due \(at.longDescription), \(amount) left"
            } else if item.status == .onHold {
                when = "on hold: would be due \(item.due.longDescription) if resumed today"
            } else if item.workingDaysLeft < 0 {
                when = "OVERDUE by \(counted(-item.workingDaysLeft, "working day")) (due \(item.due.longDescription))"
            } else if item.workingDaysLeft == 0 {
                when = "due TODAY (\(item.due.longDescription))"
            } else {
                when = "due \(item.due.longDescription), \(counted(item.workingDaysLeft, "working day")) left"
            }
            var possibly = ""
            if let earliest = item.earliestDue, earliest < asOf, item.status == .due {
                possibly = "; possibly overdue: due \(earliest.longDescription) counted from the earliest day, its start not being recorded"
            }
            out +=
                "  \(TerminalText.escaped(item.complaint)): \(item.stage.map { "stage \($0) " } ?? "")\(item.awaiting) \(when)\(possibly) — \(TerminalText.escaped(item.rule)) (\(TerminalText.escaped(item.file)):\(item.line))\n"
        }
        let overdue = items.filter { $0.status == .overdue }.count
        out += "\n\(items.count) open deadline\(items.count == 1 ? "" : "s"), \(overdue) overdue\n"
        if list.eventsAfterAsOf > 0 { out += "\(Self.afterAsOf(list.eventsAfterAsOf))\n" }
        return out
    }

    // MARK: chc report

    package func render(_ report: PerformanceReport, title: String) -> String {
        let (from, to, asOf, complaints, tsm) = (report.from, report.to, report.asOf, report.complaints, report.tsm)
        let (rules, months, categories, openAgeing, inputErrors) = (
            report.rules, report.months, report.categories, report.openAgeing, report.inputErrors
        )
        var out = "Complaint handling, \(from.longDescription) to \(to.longDescription) (as of \(asOf.longDescription))\n\n"
        out += "\(complaints) complaint\(complaints == 1 ? "" : "s") received at stage 1, \(tsm.stage2Complaints) escalated to stage 2\n"
        if report.outsidePeriod > 0 { out += "\(counted(report.outsidePeriod, "case")) read from outside the period, not counted\n" }
        out += "\n"
        out += "Tenant Satisfaction Measures\n"
        out +=
            "  CH01 stage 1 complaints per 1,000 homes: \(PerformanceReport.number(tsm.ch01Stage1))\(tsm.homes == nil ? " (give --homes N)" : "")\n"
        out += "  CH01 stage 2 complaints per 1,000 homes: \(PerformanceReport.number(tsm.ch01Stage2))\n"
        out +=
            "  CH02 stage 1 responded to within the Code's timescales: \(PerformanceReport.percent(tsm.ch02Stage1)) (\(tsm.stage1RespondedInTime) of \(tsm.stage1Responded))\n"
        out +=
            "  CH02 stage 2 responded to within the Code's timescales: \(PerformanceReport.percent(tsm.ch02Stage2)) (\(tsm.stage2RespondedInTime) of \(tsm.stage2Responded))\n"
        out += "  Definition used: \(tsm.definition)\n\n"
        out += "Rules (complaints received in the period)\n"
        for rule in rules {
            out +=
                "  \(rule.rule.padding(toLength: 34, withPad: " ", startingAt: 0)) met \(PerformanceReport.percent(rule.rate).padding(toLength: 7, withPad: " ", startingAt: 0)) (\(rule.compliant) of \(rule.evaluated) evaluated; \(rule.notEvaluable) not evaluable, \(rule.pending) pending)\n"
        }
        out += "\nBy month received\n"
        for m in months {
            out +=
                "  \(m.month): \(m.received) received, stage 1 in time \(m.stage1InTime)/\(m.stage1Responded), \(m.escalated) escalated, stage 2 in time \(m.stage2InTime)/\(m.stage2Responded), \(counted(m.breaches, "breach"))\n"
        }
        out += "\nBy category\n"
        for c in categories {
            out += "  \(TerminalText.escaped(c.category)): \(counted(c.complaints, "complaint")), \(c.withBreach) with a breach\n"
        }
        out += "\nOpen complaints by working days since receipt\n"
        for a in openAgeing { out += "  \(a.bucket): \(a.open)\n" }
        if let hazards = report.hazards {
            out += "\nHazard cases (Awaab's Law)\n"
            out +=
                "  \(counted(hazards.cases, "case")) the landlord became aware of in the period: \(hazards.emergency) emergency, \(hazards.significant) significant\n"
            for rule in hazards.rules {
                out +=
                    "  \(rule.rule.padding(toLength: 34, withPad: " ", startingAt: 0)) met \(PerformanceReport.percent(rule.rate).padding(toLength: 7, withPad: " ", startingAt: 0)) (\(rule.compliant) of \(rule.evaluated) evaluated; \(rule.notEvaluable) not evaluable, \(rule.pending) pending)\n"
            }
            out += "\nOpen hazard cases by working days since the landlord became aware\n"
            for a in hazards.openAgeing { out += "  \(a.bucket): \(a.open)\n" }
        }
        if inputErrors > 0 { out += "\n\(counted(inputErrors, "input error")): some complaints could not be read (see chc check)\n" }
        if report.eventsAfterAsOf > 0 { out += "\n\(Self.afterAsOf(report.eventsAfterAsOf))\n" }
        return out
    }

    // MARK: chc lint

    /// Text: the findings as located lines, then the table.
    package func render(_ report: LintReport) -> String {
        var out = ""
        for note in report.notes { out += "note: \(note)\n" }
        for (rule, problem) in report.problems {
            out +=
                "\(report.config.location(of: problem.key)): \(rule.severity.rawValue) \(rule.id) ¶\(rule.paragraph) `\(problem.says)`: \(problem.why)\n"
            out += "    the Code: \(rule.requirement) <\(rule.url)>\n"
        }
        for row in SelfAssessment.rows(report) where row.status == .notStated {
            out += "\(report.config.file): not-evaluable \(row.rule) ¶\(row.provision) not stated: \(row.requirement) (\(row.commentary))\n"
        }
        out += "\nSelf-assessment against \(report.code.id):\n"
        let table = SelfAssessment.rows(report)
        let width = max(9, table.map(\.provision.count).max() ?? 9)
        for row in table {
            out +=
                "  \(row.provision.padding(toLength: width, withPad: " ", startingAt: 0))  \(row.status.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0))  \(row.evidence.isEmpty ? "—" : row.evidence)  \(row.requirement)\n"
        }
        let counts = SelfAssessment.summary(report)
        out += "\n\(counts.met) met, \(counts.notMet) not met, \(counts.notStated) not stated\n"
        return out
    }
}

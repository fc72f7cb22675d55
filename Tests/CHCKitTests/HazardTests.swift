import Foundation
import Testing

@testable import CHCChecks
@testable import CHCIngest
@testable import CHCModel
@testable import CHCOutput
@testable import WorkingDays

/// Hazard cases under Awaab's Law: the examples' findings (goldens), hours that run through a
/// weekend, dates with no time, what the pack covers, a resident's delay, the worklist's hours
/// and the report's separate section.
@Suite struct HazardTests {
    static func report(_ folder: String = "Examples/hazards", asOf: String = "2026-11-23") throws -> CheckReport {
        try FormatTests.examplesReport(folder, asOf: asOf)
    }

    @Test func theExamplesGiveTheirGoldenFindings() throws {
        let report = try Self.report()
        expectGolden(relativePaths(TextFormat().render(report)), "hazards.txt")
        expectGolden(relativePaths(JSONFormat(options: ReporterOptions(pretty: true)).render(report)), "hazards.json")
        #expect(report.summary.complaints == 1 && report.summary.hazardCases == 5)
    }

    /// Reported Friday 17:30: due Saturday 17:30. Saturday 15:00 is in time, Sunday 09:00 is
    /// 15 hours 30 minutes late — a working-day clock would have allowed until Monday.
    @Test func twentyFourHoursRunThroughTheWeekend() throws {
        let results = try Self.report().results.map(\.result)
        let onTime = try #require(results.first { $0.complaint.id == "HZ-0001" })
        #expect(onTime.evaluation("AWAAB-emergency")?.outcome == .compliant)
        let late = try #require(results.first { $0.complaint.id == "HZ-0002" }?.findings("AWAAB-emergency").first)
        #expect(late.message.contains("due Sat 8 Nov 2025 17:30") && late.message.contains("15 hours 30 minutes late"), "\(late.message)")
        #expect(late.severity == .error)
    }

    static func hazard(_ events: String, category: String = "electrical-hazards", asOf: String = "2025-12-31") throws -> ComplaintResult {
        try check(
            """
            hazard: HZ-T
            category: \(category)
            events:
            \(events)
            """, asOf: asOf)
    }

    /// With dates alone, a step is late only when it is late whatever the times were: the next
    /// day may be inside 24 hours (cannot tell), two days later cannot.
    @Test func datesWithoutTimesAreJudgedOnlyWhenCertain() throws {
        let nextDay = try Self.hazard(
            """
              - {date: 2025-11-07, type: became-aware, risk: emergency}
              - {date: 2025-11-08, type: made-safe}
            """)
        #expect(nextDay.evaluation("AWAAB-emergency")?.outcome == .notEvaluable)
        let sameDay = try Self.hazard(
            """
              - {date: 2025-11-07, type: became-aware, risk: emergency}
              - {date: 2025-11-07, type: made-safe}
            """)
        #expect(sameDay.evaluation("AWAAB-emergency")?.outcome == .compliant)
        let twoDays = try Self.hazard(
            """
              - {date: 2025-11-07, type: became-aware, risk: emergency}
              - {date: 2025-11-09, type: made-safe}
            """)
        #expect(twoDays.evaluation("AWAAB-emergency")?.outcome == .breach)
        // Open: due during the run's day, it is due (as `chc due` counts its hours); the day
        // after, overdue.
        let open = try Self.hazard("  - {date: \"2025-11-07T17:30\", type: became-aware, risk: emergency}", asOf: "2025-11-08")
        #expect(open.evaluation("AWAAB-emergency")?.outcome == .pending && open.findings.isEmpty)
        #expect(open.evaluation("AWAAB-emergency")?.openDeadline?.dueAt?.description == "2025-11-08T17:30")
        let next = try Self.hazard("  - {date: \"2025-11-07T17:30\", type: became-aware, risk: emergency}", asOf: "2025-11-09")
        #expect(next.findings("AWAAB-emergency").first?.status == .overdue)
        // The clocks go back on Sun 25 Oct 2026: that day has 25 hours. Aware that day with no
        // time, made safe at 23:30 the next day may have been within 24 hours: cannot tell.
        let autumn = try Self.hazard(
            """
              - {date: 2026-10-25, type: became-aware, risk: emergency}
              - {date: "2026-10-26T23:30", type: made-safe}
            """, asOf: "2026-11-30")
        #expect(autumn.evaluation("AWAAB-emergency")?.outcome == .notEvaluable, "\(autumn.findings.map(\.message))")
        // The same day's steps are taken by time, whatever order they are written in.
        let byTime = try Self.hazard(
            """
              - {date: "2025-11-07T09:00", type: became-aware, risk: emergency}
              - {date: "2025-11-08T20:00", type: alternative-accommodation-offered}
              - {date: "2025-11-08T08:00", type: made-safe}
            """)
        #expect(byTime.evaluation("AWAAB-emergency")?.outcome == .compliant)
    }

    /// Significant hazards of a kind the Regulations have not reached yet are noted, not judged;
    /// a case without its risk is not evaluable; an investigation that found no hazard ends the
    /// duties after it.
    @Test func whatThePackCoversIsData() throws {
        let cold = try Self.hazard(
            """
              - {date: 2025-11-03, type: became-aware, risk: significant}
              - {date: 2025-12-01, type: investigation-concluded}
            """, category: "excess-cold")
        let note = try #require(cold.findings("AWAAB-investigate").first)
        #expect(cold.evaluation("AWAAB-investigate")?.outcome == .notApplicable)
        #expect(
            note.severity == .note && note.message.contains("significant hazards of excess-cold are not covered yet (announced for 2026"))
        let noRisk = try Self.hazard("  - {date: 2025-11-03, type: became-aware}", category: "damp-and-mould")
        #expect(noRisk.evaluation("AWAAB-investigate")?.outcome == .notEvaluable)
        let none = try Self.hazard(
            """
              - {date: 2025-11-03, type: became-aware, risk: significant}
              - {date: 2025-11-17, type: investigation-concluded, hazard-found: false}
            """, category: "damp-and-mould")
        #expect(none.evaluation("AWAAB-safety-work")?.outcome == .notApplicable)
        #expect(none.evaluation("AWAAB-summary")?.outcome == .breach)  // the summary is still owed
    }

    /// An emergency found by the investigation runs its 24 hours from that finding (not from the
    /// report), and one reported as an emergency keeps its limit when later re-graded; the
    /// investigation of a significant hazard restating its risk is still timed from awareness.
    @Test func theRiskAsAssessedDecidesTheLimitsAndWhereTheyRun() throws {
        let foundLater = try Self.hazard(
            """
              - {date: 2025-11-03, type: became-aware, risk: significant}
              - {date: "2025-11-10T10:00", type: investigation-concluded, risk: emergency}
              - {date: "2025-11-11T09:00", type: made-safe}
            """, category: "damp-and-mould")
        #expect(foundLater.evaluation("AWAAB-emergency")?.outcome == .compliant)
        #expect(foundLater.evaluation("AWAAB-investigate")?.outcome == .notApplicable)
        let downgraded = try Self.hazard(
            """
              - {date: "2025-11-03T10:00", type: became-aware, risk: emergency}
              - {date: 2025-11-10, type: investigation-concluded, risk: significant}
            """, category: "damp-and-mould")
        #expect(downgraded.findings("AWAAB-emergency").first?.status == .overdue)
        let restated = try Self.hazard(
            """
              - {date: 2025-11-03, type: became-aware, risk: significant}
              - {date: 2025-11-18, type: investigation-concluded, risk: significant}
            """, category: "damp-and-mould")
        #expect(restated.evaluation("AWAAB-investigate")?.outcome == .breach)
        // A kind the pack does not know is not evaluable (not silently out of the report).
        let typo = try Self.hazard(
            """
              - {date: 2025-11-03, type: became-aware, risk: significant}
              - {date: 2025-11-17, type: investigation-concluded}
            """, category: "damp")
        #expect(typo.evaluation("AWAAB-investigate")?.outcome == .notEvaluable)
        #expect(typo.findings("AWAAB-investigate").first?.message.contains("`damp` is not a kind of hazard awaab-2025 knows") == true)
        // With no kind recorded, an emergency is judged (every kind but crowding and space is covered).
        let noKind = try check(
            """
            hazard: HZ-N
            events:
              - {date: "2025-11-07T17:30", type: became-aware, risk: emergency}
              - {date: "2025-11-09T09:00", type: made-safe}
            """, asOf: "2025-12-31")
        #expect(noKind.evaluation("AWAAB-emergency")?.outcome == .breach)
    }

    /// A hazard pack's coverage date written wrongly is an error, not "not covered yet".
    @Test func aMalformedCoverageDateIsAnError() throws {
        let text = try String(contentsOfFile: path("Rules/awaab-2025.yaml"), encoding: .utf8)
            .replacingOccurrences(
                of: "damp-and-mould: { emergency: 2025-10-27, significant: 2025-10-27 }",
                with: "damp-and-mould: { emergency: 2025-10-27, significant: 2025-10-7 }")
        #expect(throws: InputError.self) { try RulePackYAML.parse(text, file: "awaab.yaml") }
    }

    /// A case mixing a complaint's events with a hazard's is an error that says how to record both.
    @Test func aHazardCaseTakesHazardEventsOnly() throws {
        #expect(throws: InputError.self) {
            try TimelineYAML.parse(
                """
                hazard: HZ-X
                events:
                  - {date: 2025-11-03, type: became-aware, risk: significant}
                  - {date: 2025-11-04, type: acknowledged, stage: 1}
                """, file: "mixed.yaml")
        }
        do {
            _ = try TimelineYAML.parse(
                """
                hazard: HZ-X
                events:
                  - {date: 2025-11-03, type: became-aware, risk: significant}
                  - {date: 2025-11-04, type: acknowledged, stage: 1}
                """, file: "mixed.yaml")
        } catch {
            #expect("\(error)".contains("`acknowledged` is a complaint's event, not a hazard case's"), "\(error)")
        }
        // The key names what the events make it.
        for (text, says) in [
            ("hazard: HZ-Y\nevents:\n  - {date: 2025-11-03, type: complaint-received}\n", "hazard case `HZ-Y` has no hazard events"),
            (
                "complaint: C-1\nevents:\n  - {date: 2025-11-03, type: became-aware}\n",
                "name the case with `hazard:` instead of `complaint:`"
            ),
        ] {
            do {
                _ = try TimelineYAML.parse(text, file: "named.yaml")
                Issue.record("accepted: \(text)")
            } catch { #expect("\(error)".contains(says), "\(error)") }
        }
    }

    /// A hazard case from a CSV export (with `risk` and `hazard_found` columns) gives the YAML's findings.
    @Test func aCSVExportGivesTheSameFindings() throws {
        let file = try temporaryCSV(
            """
            complaint_id,date,event,category,risk,hazard_found
            HZ-0003,2025-11-03,became-aware,damp-and-mould,significant,
            HZ-0003,2025-11-17,investigation-concluded,damp-and-mould,,yes
            HZ-0003,2025-11-21,summary-sent,damp-and-mould,,
            HZ-0003,2025-11-24,safety-work-started,damp-and-mould,,
            HZ-0003,2025-12-05,safety-work-completed,damp-and-mould,,

            """)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let (cases, errors) = EventLogCSV.load(file)
        #expect(errors.isEmpty, "\(errors)")
        let checker = Checker(
            library: try shippedLibrary(), calendars: try CalendarSetup(), options: CheckOptions(asOf: date("2026-11-23")))
        let fromCSV = try #require(cases.first.map(checker.check))
        let fromYAML = try #require(try Self.report().results.first { $0.result.complaint.id == "HZ-0003" }?.result)
        #expect(fromCSV.findings.map(\.message) == fromYAML.findings.map(\.message))
        #expect(fromCSV.findings.map(\.rule) == ["AWAAB-summary"])
        let bad = try temporaryCSV("complaint_id,date,event,risk\nHZ-1,2025-11-03,became-aware,urgent\n")
        defer { try? FileManager.default.removeItem(atPath: bad) }
        #expect(EventLogCSV.load(bad).1.first?.description.contains("`risk` should be emergency or significant, found `urgent`") == true)
    }

    /// The worklist counts a 24-hour limit in hours left from its time; a hazard has no stage.
    @Test func theWorklistCountsHours() throws {
        let result = try Self.hazard("  - {date: \"2025-11-07T17:30\", type: became-aware, risk: emergency}", asOf: "2025-11-08")
        // 08:00 on Saturday 8 November (GMT): 9 hours 30 minutes left.
        let now = Moment(date: date("2025-11-08"), secondsOfDay: 8 * 3600).ukInstant!
        let items = DueList.items(file: "h.yaml", result: result, asOf: date("2025-11-08"), within: 0, now: now)
        #expect(items.count == 1 && items[0].hoursLeft == 9 && items[0].stage == nil && items[0].dueAt?.description == "2025-11-08T17:30")
        #expect(JSONFormat().render(DueList(asOf: date("2025-11-08"), items: items)).contains("\"dueAt\" : \"2025-11-08T17:30\""))
        let text = TextFormat().render(DueList(asOf: date("2025-11-08"), items: items))
        #expect(text.contains("HZ-T: making safe due Sat 8 Nov 2025 17:30, 9 hours left — AWAAB-emergency"), "\(text)")
        let late = DueList.items(file: "h.yaml", result: result, asOf: date("2025-11-08"), within: nil, now: now + 12 * 3600)
        #expect(TextFormat().render(DueList(asOf: date("2025-11-08"), items: late)).contains("making safe OVERDUE by 2 hours"))
        // The CSV worklist has the instant and the hours, and no stage, for a hazard.
        #expect(CSVFormat().render(DueList(asOf: date("2025-11-08"), items: items)).contains(",h.yaml,1,2025-11-08T17:30,9"))
        #expect(CSVFormat().render(DueList(asOf: date("2025-11-08"), items: items)).contains("HZ-T,,making safe,"))
    }

    /// The report keeps hazard cases out of the complaints and the TSMs, in a section of their own.
    @Test func theReportCountsHazardsApart() throws {
        let report = try Self.report("Examples")
        let performance = PerformanceReport(
            report: report, from: date("2025-04-01"), to: date("2026-03-31"), homes: 1000,
            calendar: { _ in try! CalendarSetup().calendar(.default) })
        let hazards = try #require(performance.hazards)
        #expect(hazards.cases == 4 && hazards.emergency == 2 && hazards.significant == 2)
        #expect(hazards.rules.map(\.rule) == ["AWAAB-emergency", "AWAAB-investigate", "AWAAB-safety-work", "AWAAB-summary"])
        #expect(!performance.rules.contains { $0.rule.hasPrefix("AWAAB") })
        // The examples' complaints received in 2025–26 (the hazard cases are not among them),
        // and the 13 cases from other years said, not silently left out.
        #expect(performance.complaints == 2 && performance.tsm.stage1Complaints == 2)
        #expect(performance.outsidePeriod == 13)
        // The board's page has the section, each time limit by id and in words, escaped.
        let html = performance.html(title: "Hazards <b>")
        #expect(html.contains("<h2>Hazard cases (Awaab's Law)</h2>") && html.contains("4 hazard cases the landlord became aware of"))
        #expect(html.contains("<td class=\"id\">AWAAB-summary</td>") && html.contains("Hazards &lt;b&gt;") && !html.contains("<b>"))
        let complaintsOnly = PerformanceReport(
            report: try Self.report("Examples/invented"), from: date("2025-04-01"), to: date("2026-03-31"), homes: 1000,
            calendar: { _ in try! CalendarSetup().calendar(.default) })
        #expect(complaintsOnly.hazards == nil)
        #expect(!JSONFormat().render(complaintsOnly, title: "t").contains("hazards"))
    }

    /// In the text report, a complaint about a hazard is shown beside the hazard's clocks.
    @Test func aComplaintAboutAHazardShowsBothClocks() throws {
        let text = TextFormat().render(try Self.report())
        #expect(text.contains("Complaints about hazards: both clocks"))
        #expect(text.contains("stage 1 response: due 10 Dec 2025, done 12 Dec 2025 — late"))
        #expect(text.contains("| written summary: due 20 Nov 2025, done 21 Nov 2025 — late"))
    }
}

import Foundation
import Testing
import WorkingDays

@testable import CHCChecks
@testable import CHCIngest
@testable import CHCModel
@testable import CHCOutput

/// `chc report` on a small log whose figures are worked out by hand.
@Suite struct PerformanceReportTests {
    static let log = """
        complaint_id,date,event,stage,category
        R1,2024-06-03,complaint-received,1,repairs
        R1,2024-06-04,acknowledged,1,
        R1,2024-06-14,response,1,
        R2,2024-06-10,complaint-received,1,repairs
        R2,2024-06-11,acknowledged,1,
        R2,2024-06-28,response,1,
        R3,2024-07-01,complaint-received,1,<script>alert(1)</script>
        R3,2024-07-02,acknowledged,1,
        R3,2024-07-10,response,1,
        R3,2024-07-15,escalation-requested,2,
        R3,2024-07-16,acknowledged,2,
        R3,2024-08-20,response,2,
        R4,2024-07-08,complaint-received,1,damp
        R5,2025-05-01,complaint-received,1,repairs
        R5,2025-05-02,acknowledged,1,
        R5,2025-05-09,response,1,

        """

    static func performance(homes: Int? = 2000) throws -> PerformanceReport {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chc-report-\(UUID().uuidString).csv")
        try log.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let batch = TimelineBatch.load(paths: [url.path])
        #expect(batch.errors.isEmpty, "\(batch.errors)")
        let checker = Checker(
            library: try shippedLibrary(), calendars: try CalendarSetup(), options: CheckOptions(asOf: date("2025-06-30")))
        let report = CheckReport(
            asOf: date("2025-06-30"), results: batch.entries.map { (file: "log.csv", result: checker.check($0.complaint)) }, inputErrors: []
        )
        let (from, to) = PerformanceReport.financialYear(containing: date("2024-12-01"))
        return PerformanceReport(report: report, from: from, to: to, homes: homes) { _ in WorkingDayCalendar() }
    }

    @Test func financialYearRunsAprilToMarch() {
        #expect(PerformanceReport.financialYear(containing: date("2025-03-31")) == (date("2024-04-01"), date("2025-03-31")))
        #expect(PerformanceReport.financialYear(containing: date("2025-04-01")) == (date("2025-04-01"), date("2026-03-31")))
    }

    @Test func tenantSatisfactionMeasuresByHand() throws {
        let tsm = try Self.performance().tsm
        // R1–R4 received in 2024-25 (R5 is in the next year); R3 escalated.
        #expect(tsm.stage1Complaints == 4 && tsm.stage2Complaints == 1)
        #expect(tsm.ch01Stage1 == 2.0)  // 4 ÷ 2,000 × 1,000
        #expect(tsm.ch01Stage2 == 0.5)
        // Responded at stage 1: R1 (due 18 Jun, in time), R2 (due 25 Jun, sent 28 Jun: late), R3 (in time).
        #expect(tsm.stage1Responded == 3 && tsm.stage1RespondedInTime == 2)
        #expect(abs((tsm.ch02Stage1 ?? 0) - 2.0 / 3.0) < 1e-9)
        // Stage 2: R3 acknowledged 16 Jul, due 13 Aug, sent 20 Aug: late.
        #expect(tsm.stage2Responded == 1 && tsm.stage2RespondedInTime == 0 && tsm.ch02Stage2 == 0)
        #expect(try Self.performance(homes: nil).tsm.ch01Stage1 == nil)
    }

    @Test func rulesMonthsCategoriesAndAgeing() throws {
        let report = try Self.performance()
        let ack = try #require(report.rules.first { $0.rule == "HOS2024-6.2" })
        #expect(ack.evaluated == 4 && ack.compliant == 3)  // R4 never acknowledged
        let june = try #require(report.months.first { $0.month == "2024-06" })
        #expect(june.received == 2 && june.stage1Responded == 2 && june.stage1InTime == 1)
        #expect(report.months.count == 12)
        #expect(report.categories.first?.category == "repairs")
        // R4 is still open, received 8 Jul 2024: well over 60 working days by 30 Jun 2025.
        #expect(report.openAgeing.last?.open == 1)
    }

    @Test func htmlIsSelfContainedAndEscaped() throws {
        let page = try Self.performance().html(title: "Board <report> & \"friends\"")
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(!page.contains("<script>"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains("Board &lt;report&gt; &amp; &quot;friends&quot;"))
        #expect(!page.contains("http://") && !page.contains("src="))
        #expect(page.components(separatedBy: "<svg").count == 4)
    }

    @Test func csvNeutralisesACategoryThatLooksLikeAFormula() throws {
        #expect(CSVText.cell("=cmd|' /C calc'!A0").hasPrefix("\"'=") || CSVText.cell("=cmd|' /C calc'!A0").hasPrefix("'="))
        #expect(CSVFormat().render(try Self.performance(), title: "").contains("tsm,CH02 stage 1,3,2,66.7%"))
    }

    @Test func ch02CountsTheCodesResponseDeadlinesNotAPolicys() throws {
        // CH02 measures responses against the Code's timescales: a landlord's own response
        // target (a policy rule) must never stand in for the Code's.
        let code = try #require(try shippedLibrary().pack("hos-2024"))
        #expect(code.rules.compactMap(\.codeResponseStage).sorted() == [1, 2])
        let overlay = try PolicyYAML.load(path("Examples/policies/compliant-2024.yaml")).overlayPack()
        let policyResponses = overlay.rules.filter { $0.deadline?.event == .response }
        #expect(policyResponses.count == 2)
        #expect(policyResponses.allSatisfy { $0.isPolicy })
        #expect(overlay.rules.allSatisfy { $0.codeResponseStage == nil })
    }
}

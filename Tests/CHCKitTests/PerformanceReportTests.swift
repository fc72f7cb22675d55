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

    static func performance(homes: Int? = 2000, log: String = log) throws -> PerformanceReport {
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

    /// Rules come in the Code's paragraph order, the numbers compared as numbers: 6.2 before
    /// 6.10 (a string sort puts 6.10, 6.11… before 6.2), in the model and on the page.
    @Test func rulesAreListedInParagraphOrder() throws {
        let ordered = [
            "2.4", "5.3", "6.2", "6.3", "6.10", "HOS2022-5.6", "HOS2022-5.6-stage2", "HOS2024-2.4", "HOS2024-6.7",
            "HOS2024-6.7-stage2", "HOS2024-6.9", "HOS2024-6.10", "HOS2024-6.16",
        ]
        #expect(ordered.reversed().sorted(by: PerformanceReport.paragraphOrder) == ordered)
        #expect(ordered.shuffled().sorted(by: PerformanceReport.paragraphOrder) == ordered)
        #expect(!PerformanceReport.paragraphOrder("6.10", "6.2") && !PerformanceReport.paragraphOrder("6.2", "6.2"))
        #expect(PerformanceReport.paragraphOrder("6.02", "6.2") != PerformanceReport.paragraphOrder("6.2", "6.02"))
        let report = try Self.performance()
        let ids = report.rules.map(\.rule)
        #expect(Array(ids.prefix(4)) == ["HOS2024-2.4", "HOS2024-5.3", "HOS2024-6.2", "HOS2024-6.3"], "\(ids)")
        let at = try ["HOS2024-6.2", "HOS2024-6.7", "HOS2024-6.7-stage2", "HOS2024-6.9", "HOS2024-6.10", "HOS2024-6.11"].map {
            id in try #require(ids.firstIndex(of: id), "\(id) in \(ids)")
        }
        #expect(at == at.sorted())
        // On the page: the table, and the breaches chart (R1's and R3's breaches of 6.2 and 6.11…).
        let page = report.html(title: "t")
        let table = try #require(page.range(of: "<h2>Each rule</h2>"))
        let inTable = try ["HOS2024-6.2", "HOS2024-6.10", "HOS2024-6.11"].map {
            try #require(page.range(of: ">\($0)<", range: table.upperBound..<page.endIndex)).lowerBound
        }
        #expect(inTable == inTable.sorted())
        let chart = try #require(page.range(of: "aria-label=\"Breaches by rule\""))
        let breached = report.rules.filter { $0.breached > 0 }.map(\.rule)
        let inChart = try breached.map { try #require(page.range(of: ">\($0)<", range: chart.upperBound..<table.lowerBound)).lowerBound }
        #expect(breached.count >= 2 && inChart == inChart.sorted())
    }

    /// A month whose responses were all late is drawn (a marker and "0/1"), not left blank like a
    /// month with no complaints, which says so.
    @Test func aMonthWithNothingInTimeIsDrawnAndAnEmptyMonthSaysSo() throws {
        let page = try Self.performance().html(title: "t")
        func month(_ key: String) throws -> Substring {
            let start = try #require(page.range(of: "<g class=\"month\" data-month=\"\(key)\">"), "no group for \(key)")
            let end = try #require(page.range(of: "</g>", range: start.upperBound..<page.endIndex))
            return page[start.upperBound..<end.lowerBound]
        }
        // July 2024: R3 escalated, its stage 2 response late (0 of 1); R3's stage 1 response in time.
        let july = try month("2024-07")
        #expect(july.contains("class=\"bar stage2 zero\""), "\(july)")
        #expect(july.contains(">0/1</text>"), "\(july)")
        #expect(july.contains(">1/1</text>"), "\(july)")
        #expect(!july.contains("class=\"empty\""))
        // September 2024: no complaint received or escalated: it says so, and draws nothing.
        let september = try month("2024-09")
        #expect(september.contains("class=\"empty\"") && september.contains(">complaints</tspan>"), "\(september)")
        #expect(!september.contains("<rect") && !september.contains("class=\"count"), "\(september)")
        // The stage 2 bar is the legend's stage 2 colour, and no stylesheet rule recolours a bar
        // (a CSS `fill` beats the attribute): those that set a fill select text.
        let legend = try #require(page.range(of: "class=\"key stage2\" fill=\""))
        let colour = page[legend.upperBound...].prefix(7)
        #expect(july.contains("class=\"bar stage2 zero\" fill=\"\(colour)\""), "\(colour)")
        let style = try #require(
            page.range(of: "<style>").flatMap { start in page.range(of: "</style>").map { page[start.upperBound..<$0.lowerBound] } })
        for rule in style.split(separator: "}") where rule.contains("fill:") {
            let selectors = rule.split(separator: "{").dropLast().last ?? ""
            for selector in selectors.split(separator: ",") {
                let last = selector.split(separator: " ").last.map(String.init) ?? ""
                #expect(last.hasPrefix("text") || last.hasPrefix("tspan"), "\(rule)")
            }
        }
    }

    /// The landlord named by the data (when every complaint names the same one) titles the page;
    /// a policy's landlord wins; different landlords name none.
    @Test func theLandlordTitlesThePage() throws {
        let named = Self.log.replacingOccurrences(of: ",category\n", with: ",category,landlord\n")
            .replacingOccurrences(of: "1,repairs\n", with: "1,repairs,Riverside & Co Homes\n")
        let report = try Self.performance(log: named)
        #expect(report.landlord == "Riverside & Co Homes")
        let page = report.html(title: "Complaint handling 2024–2025")
        #expect(page.contains("<title>Complaint handling 2024–2025: Riverside &amp; Co Homes</title>"))
        #expect(page.contains("<h1>Complaint handling 2024–2025: Riverside &amp; Co Homes</h1>"))
        #expect(try Self.performance().landlord == nil)
        let mixed = named.replacingOccurrences(
            of: "R4,2024-07-08,complaint-received,1,damp\n", with: "R4,2024-07-08,complaint-received,1,damp,Other\n")
        #expect(try Self.performance(log: mixed).landlord == nil)
    }

    /// What a board member needs on one page, and nothing of the machine it was made on.
    @Test func thePageExplainsItselfAndPrints() throws {
        let page = try Self.performance().html(title: "t")
        #expect(page.contains("How to read this"))
        #expect(page.contains("@media print") && page.contains("break-inside: avoid"))
        #expect(!page.contains("<script") && !page.contains("<link") && !page.contains("url("))
        #expect(!page.contains("log.csv") && !page.contains(FileManager.default.temporaryDirectory.path))
        // Each breached rule is named in words next to its id.
        let chart = try #require(page.range(of: "aria-label=\"Breaches by rule\""))
        #expect(page[chart.upperBound...].contains("Acknowledge, define and log a stage 1 complaint"))
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

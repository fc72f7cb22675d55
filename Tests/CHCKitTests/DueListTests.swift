import Testing

@testable import CHCChecks
@testable import CHCIngest
@testable import CHCModel
@testable import CHCOutput

/// `chc due`: open deadlines, soonest first, with working days left.
@Suite struct DueListTests {
    func report(asOf: String) throws -> CheckReport {
        let library = try shippedLibrary()
        let complaints = try TimelineYAML.parse(
            """
            complaints:
              - complaint: LATE
                events: [ {date: 2025-11-03, type: complaint-received} ]
              - complaint: SOON
                events: [ {date: 2025-11-14, type: complaint-received}, {date: 2025-11-17, type: acknowledged, stage: 1} ]
              - complaint: HELD
                events: [ {date: 2025-11-03, type: complaint-received}, {date: 2025-11-04, type: acknowledged, stage: 1},
                          {date: 2025-11-05, type: hold, stage: 1, agreed: true} ]
              - complaint: DONE
                events: [ {date: 2025-11-03, type: complaint-received}, {date: 2025-11-04, type: acknowledged, stage: 1},
                          {date: 2025-11-10, type: response, stage: 1} ]
            """, file: "due.yaml")
        let checker = Checker(library: library, calendars: try CalendarSetup(), options: CheckOptions(asOf: date(asOf)))
        return CheckReport(asOf: date(asOf), results: complaints.map { (file: "due.yaml", result: checker.check($0)) }, inputErrors: [])
    }

    @Test func overdueFirstThenSoonestWithWorkingDaysLeft() throws {
        let list = DueList(report: try report(asOf: "2025-11-20"))
        let rows = list.items.map { "\($0.complaint) \($0.rule) \($0.due) \($0.workingDaysLeft) \($0.status.rawValue)" }
        #expect(
            rows == [
                "LATE HOS2024-6.2 2025-11-10 -8 overdue",
                "LATE HOS2024-6.3 2025-11-24 2 due",
                "SOON HOS2024-6.3 2025-12-01 7 due",
                // Held since 5 Nov: the 10 working days inside the hold so far move the due date on.
                "HELD HOS2024-6.3 2025-12-02 8 on-hold",
            ], "\(rows)")
        #expect(!list.items.contains { $0.complaint == "DONE" })
    }

    @Test func withinKeepsOverdueAndHeldAndTheNearOnes() throws {
        let list = DueList(report: try report(asOf: "2025-11-20"), within: 3)
        #expect(list.items.map(\.complaint) == ["LATE", "LATE", "HELD"])
        #expect(TextFormat().render(list).contains("OVERDUE by 8 working days"))
        // On hold, the date is the one it would have if the clock restarted today.
        #expect(TextFormat().render(list).contains("HELD: stage 1 response on hold: would be due Tue 2 Dec 2025 if resumed today"))
        #expect(CSVFormat().render(list).hasPrefix("complaint,stage,awaiting,due,working_days_left"))
    }
}

import Testing

@testable import CHCChecks
@testable import CHCIngest
@testable import CHCModel
@testable import CHCOutput

/// Every rule in every shipped pack carries a breach and a compliant example, and they pass.
@Suite struct RuleExampleTests {
    @Test(arguments: ["hos-2020", "hos-2022", "hos-2024"])
    func everyRuleExamplePasses(packID: String) throws {
        let library = try shippedLibrary()
        guard let pack = library.pack(packID) else {
            Issue.record("pack \(packID) is not shipped")
            return
        }
        for rule in pack.rules {
            #expect(rule.examples.contains { $0.expectation == .breach }, "\(rule.id) has no breach example")
            #expect(rule.examples.contains { $0.expectation == .compliant }, "\(rule.id) has no compliant example")
        }
        let (ran, failures) = RuleExampleRunner(calendars: try CalendarSetup()).run(pack)
        #expect(ran >= pack.rules.count * 2)
        #expect(failures.isEmpty, "\(failures.map(\.description).joined(separator: "\n"))")
    }

    @Test func aBrokenExampleIsCaught() throws {
        // A rule whose "compliant" example is really a breach must fail the runner.
        let pack = try RulePackYAML.parse(
            """
            pack: broken
            title: Broken
            source: https://example.org
            rules:
              - id: X-1
                paragraph: "1"
                summary: Acknowledge within 1 working day.
                source: confirmed
                deadline: { event: acknowledged, stage: 1, from: complaint-received, within: 1 working-days }
                examples:
                  breach: [ {date: 2024-06-03, type: complaint-received}, {date: 2024-06-10, type: acknowledged, stage: 1} ]
                  compliant: [ {date: 2024-06-03, type: complaint-received}, {date: 2024-06-05, type: acknowledged, stage: 1} ]
            """, file: "broken.yaml")
        let (ran, failures) = RuleExampleRunner(calendars: try CalendarSetup()).run(pack)
        #expect(ran == 2)
        #expect(failures.count == 1)
        #expect(failures.first?.example.expectation == .compliant)
    }
}

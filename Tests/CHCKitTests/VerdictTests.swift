import Foundation
import Testing
import WorkingDays

@testable import CHCChecks
@testable import CHCIngest
@testable import CHCModel
@testable import CHCOutput

/// Verdicts a complaints manager can defend: each finding under the paragraph it breaches, and
/// a landlord's policy that never hides a breach of the Code. Each case is built from stated
/// facts (dates, times, closures), with the verdict the Code gives.
@Suite struct VerdictTests {
    static func policy(_ yaml: String) throws -> PolicyConfig { try PolicyYAML.parse(yaml, file: "policy.yaml") }

    // MARK: One finding, one paragraph

    /// Acknowledged Wed 5 Jun 2024: the response was due Wed 19 Jun. A 15-working-day extension
    /// without good reason counts for 10 (due Wed 3 Jul); the response came on 3 Jul.
    static let extendedBeyondTheLimit = """
        complaint: EXT-1
        events:
          - {date: 2024-06-03, type: complaint-received}
          - {date: 2024-06-05, type: acknowledged, stage: 1}
          - {date: 2024-06-18, type: extension, stage: 1, days: 15, ombudsman-details: true}
          - {date: 2024-07-03, type: response, stage: 1}
        """

    @Test func anExtensionBeyondTheLimitIsItsOwnFindingNotALateResponse() throws {
        let result = try check(Self.extendedBeyondTheLimit, asOf: "2024-08-01")
        let response = try #require(result.evaluation("HOS2024-6.3"))
        #expect(response.outcome == .compliant && response.findings.isEmpty, "\(response.findings.map(\.message))")
        #expect(response.timing?.due == date("2024-07-03"))
        let extensions = try #require(result.evaluation("HOS2024-6.4"))
        #expect(extensions.outcome == .breach)
        let finding = try #require(extensions.findings.first)
        #expect(finding.citation.paragraph == "6.4" && finding.check.kind == "extension-limit" && finding.check.event == "extension")
        #expect(finding.message.contains("extension of 15 working days on Tue 18 Jun 2024 goes beyond the 10 working days allowed"))
    }

    @Test func aLateResponseAfterAnOverlongExtensionIsReportedUnderBothParagraphs() throws {
        let late = Self.extendedBeyondTheLimit.replacingOccurrences(of: "2024-07-03, type: response", with: "2024-07-08, type: response")
        let result = try check(late, asOf: "2024-08-01")
        #expect(result.findings("HOS2024-6.3").map(\.workingDaysLate) == [3])
        #expect(result.findings("HOS2024-6.4").count == 1)
    }

    @Test func anExtensionNotifiedAfterTheDueDateIsAnExtensionFinding() throws {
        let result = try check(
            """
            complaint: EXT-2
            events:
              - {date: 2024-06-03, type: complaint-received}
              - {date: 2024-06-05, type: acknowledged, stage: 1}
              - {date: 2024-06-20, type: extension, stage: 1, days: 5, ombudsman-details: true}
              - {date: 2024-06-27, type: response, stage: 1}
            """, asOf: "2024-08-01")
        #expect(result.findings("HOS2024-6.3").map(\.workingDaysLate) == [6])
        #expect(result.findings("HOS2024-6.4").first?.message.contains("after the response was already due on Wed 19 Jun 2024") == true)
    }

    @Test func aPackWithAnExtensionLimitButNoLimitedDeadlineDoesNotLoad() {
        let text = """
            pack: broken
            title: Broken
            source: https://example.org
            rules:
              - id: B-1
                paragraph: "1"
                summary: s
                source: confirmed
                extension-limit: { stage: 1 }
                examples:
                  breach: [ {date: 2024-06-03, type: complaint-received} ]
                  compliant: [ {date: 2024-06-03, type: complaint-received} ]
            """
        #expect(throws: InputError.self) { try RulePackYAML.parse(text, file: "broken.yaml") }
    }

    // MARK: A policy never hides a Code breach

    /// Received Fri 19 Dec 2025 at 16:45 and acknowledged Mon 5 Jan 2026. The Code counts
    /// working days (Monday to Friday less bank holidays): due Tue 30 Dec 2025. The landlord's
    /// 16:30 cut-off and its closure on 29–31 December are its own rules, for its own timescales.
    static let christmas = """
        complaint: XMAS-1
        events:
          - {date: "2025-12-19T16:45", type: complaint-received}
          - {date: 2026-01-05, type: acknowledged, stage: 1}
          - {date: 2026-01-09, type: response, stage: 1}
        """
    static let christmasPolicy = """
        landlord: Example Homes
        cut-off-time: "16:30"
        closures: [2025-12-29, 2025-12-30, 2025-12-31]
        stage1: { acknowledge: 5 working-days, respond: 10 working-days }
        """

    @Test(arguments: [("hos-2024", "HOS2024-6.2"), ("hos-2022", "HOS2022-4.1"), ("hos-2020", "HOS2020-acknowledge")])
    func theLandlordsClosuresAndCutOffNeverMoveTheCodesDeadline(pack: String, rule: String) throws {
        let policy = try Self.policy(Self.christmasPolicy)
        let result = try check(Self.christmas, pack: pack, asOf: "2026-02-01", policy: policy)
        let code = try #require(result.evaluation(rule))
        #expect(code.outcome == .breach, "\(pack): \(code.findings.map(\.message))")
        #expect(code.timing?.due == date("2025-12-30"))
        // The policy's own target counts its closures and cut-off: received after 16:30 on
        // Friday, so from Mon 22 Dec; 5 working days less the closures: due Tue 6 Jan. Met.
        let own = try #require(result.evaluation("policy/stage1-acknowledge"))
        #expect(own.outcome == .compliant && own.timing?.due == date("2026-01-06"), "\(own.findings.map(\.message))")
    }

    // MARK: A policy that omits a timescale inherits the Code's

    /// Acknowledged Wed 5 Jun 2024, extended by 10 working days on Fri 14 Jun, answered on `response`.
    static func extendedByTenDays(_ id: String, response: String) -> String {
        """
        complaint: \(id)
        events:
          - {date: 2024-06-03, type: complaint-received}
          - {date: 2024-06-05, type: acknowledged, stage: 1}
          - {date: 2024-06-14, type: extension, stage: 1, days: 10, ombudsman-details: true}
          - {date: \(response), type: response, stage: 1}
        """
    }

    @Test func aPolicyWithoutAnExtensionLimitAllowsTheCodes() throws {
        // Acknowledged Wed 5 Jun 2024. The policy answers in 8 working days (due Mon 17 Jun);
        // a 10-day extension notified on 14 Jun, within the Code's limit, moves it to Mon 1 Jul.
        let policy = try Self.policy("stage1: { respond: 8 working-days }")
        let result = try check(Self.extendedByTenDays("EXT-3", response: "2024-06-28"), asOf: "2024-08-01", policy: policy)
        let own = try #require(result.evaluation("policy/stage1-respond"))
        #expect(own.outcome == .compliant && own.timing?.due == date("2024-07-01"), "\(own.findings.map(\.message))")
        #expect(result.evaluation("policy/stage1-extension-max") == nil)
    }

    @Test func aPolicysOwnExtensionLimitIsItsOwnRule() throws {
        let policy = try Self.policy("stage1: { respond: 8 working-days, extension-max: 5 working-days }")
        let result = try check(Self.extendedByTenDays("EXT-4", response: "2024-06-24"), asOf: "2024-08-01", policy: policy)
        #expect(result.evaluation("policy/stage1-respond")?.outcome == .compliant)
        let own = try #require(result.evaluation("policy/stage1-extension-max"))
        #expect(own.outcome == .breach && own.findings.first?.severity == .warning)
        #expect(result.evaluation("HOS2024-6.4")?.outcome == .compliant)
    }

    // MARK: The 2020 Code

    static func thirdStage(_ optional: String) -> String {
        """
        complaint: OLD-1
        events:
          - {date: 2021-03-01, type: complaint-received}
          - {date: 2021-03-03, type: acknowledged, stage: 1}
          - {date: 2021-03-12, type: response, stage: 1}
          - {date: 2021-03-15, type: escalation-requested}
          - {date: 2021-04-09, type: response, stage: 2}
          - {date: 2021-05-10, type: response, stage: 3\(optional)}
        """
    }

    @Test func a2020ThirdStageIsABreachOnlyWhenTheResidentHadToGoThroughIt() throws {
        let optional = try check(Self.thirdStage(", optional: true"), asOf: "2021-06-01")
        #expect(optional.packs == ["hos-2020"])
        #expect(optional.evaluation("HOS2020-stages")?.outcome == .compliant)
        let forced = try check(Self.thirdStage(", optional: false"), asOf: "2021-06-01")
        #expect(forced.evaluation("HOS2020-stages")?.outcome == .breach)
        let unknown = try check(Self.thirdStage(""), asOf: "2021-06-01")
        #expect(unknown.evaluation("HOS2020-stages")?.outcome == .notEvaluable)
        #expect(unknown.findings("HOS2020-stages").first?.status == .notEvaluable)
        // Under the 2022 Code a third stage is a breach whatever the resident could do.
        let later = try check(Self.thirdStage(", optional: true").replacingOccurrences(of: "2021-", with: "2023-"), asOf: "2023-06-01")
        #expect(later.evaluation("HOS2022-4.1-stages")?.outcome == .breach)
    }

    @Test func the2020CodeAcknowledgementIsFiveWorkingDays() throws {
        // Received Mon 1 Mar 2021: due Mon 8 Mar (five working days); the 9th is late.
        let late = try check(
            """
            complaint: OLD-2
            events:
              - {date: 2021-03-01, type: complaint-received}
              - {date: 2021-03-09, type: acknowledged, stage: 1}
            """, asOf: "2021-06-01")
        let rule = try #require(late.evaluation("HOS2020-acknowledge"))
        #expect(rule.outcome == .breach && rule.timing?.due == date("2021-03-08"))
        let finding = try #require(rule.findings.first)
        #expect(finding.severity == .warning && finding.citation.source == "secondary")
        #expect(finding.message.contains("[source: secondary"))
    }

    // MARK: No acknowledgement recorded

    @Test func aResponseOnTimeOnlyFromTheLastDayAllowedIsAPossibleBreachWithBothCounts() throws {
        // 2022 Code. Received Thu 13 Oct 2022, no acknowledgement recorded (allowed until Thu 20
        // Oct), response Thu 3 Nov 2022: 15 working days after receipt.
        let result = try check(
            """
            complaint: ACK-1
            events:
              - {date: 2022-10-13, type: complaint-received}
              - {date: 2022-11-03, type: response, stage: 1}
            """, asOf: "2023-01-31")
        let rule = try #require(result.evaluation("HOS2022-5.1"))
        let finding = try #require(rule.findings.first)
        #expect(finding.severity == .warning && finding.status == .breach)
        #expect(
            finding.message.contains("possibly late: sent Thu 3 Nov 2022, 15 working days after receipt of the complaint (Thu 13 Oct 2022)")
        )
        #expect(finding.message.contains("due Thu 27 Oct 2022 counted from then"))
        #expect(
            finding.message.contains(
                "or Thu 3 Nov 2022 only if the acknowledgement was sent on the last day allowed, Thu 20 Oct 2022, which is not recorded"))
        #expect(finding.due == date("2022-10-27") && finding.workingDaysTaken == 15 && finding.workingDaysLate == 5)
        // The missing acknowledgement is its own breach, an error.
        #expect(result.findings("HOS2022-4.1").first?.severity == .error)
    }

    @Test func aResponseLateUnderEveryReadingStaysAnError() throws {
        let result = try check(
            """
            complaint: ACK-2
            events:
              - {date: 2022-10-13, type: complaint-received}
              - {date: 2022-11-04, type: response, stage: 1}
            """, asOf: "2023-01-31")
        let findings = result.findings("HOS2022-5.1")
        #expect(
            findings.count == 1 && findings[0].severity == .error && findings[0].due == date("2022-11-03"), "\(findings.map(\.message))")
    }

    @Test func atStageTwoAndUnderThe2024CodeTheSameReadingHolds() throws {
        // 2024 Code. Escalation requested Thu 20 Jun 2024, no stage 2 acknowledgement recorded
        // (allowed until Thu 27 Jun). From the request: due Thu 18 Jul; from the last day
        // allowed: Thu 25 Jul. Response Tue 23 Jul: possibly late.
        let result = try check(
            """
            complaint: ACK-3
            events:
              - {date: 2024-06-03, type: complaint-received}
              - {date: 2024-06-05, type: acknowledged, stage: 1}
              - {date: 2024-06-14, type: response, stage: 1}
              - {date: 2024-06-20, type: escalation-requested}
              - {date: 2024-07-23, type: response, stage: 2}
            """, asOf: "2024-12-31")
        let finding = try #require(result.findings("HOS2024-6.14").first)
        #expect(finding.severity == .warning && finding.due == date("2024-07-18"))
        #expect(finding.message.contains("after escalation request (Thu 20 Jun 2024)"), "\(finding.message)")
        #expect(result.evaluation("HOS2024-6.14")?.timing?.due == date("2024-07-25"))
    }

    @Test func anOpenDeadlinePastTheStrictCountIsPossiblyOverdue() throws {
        // Received Mon 3 Jun 2024, nothing since. As of Wed 19 Jun: from receipt the response was
        // due Mon 17 Jun; from the last day the acknowledgement was allowed, Mon 24 Jun.
        let result = try check(
            """
            complaint: ACK-4
            events:
              - {date: 2024-06-03, type: complaint-received}
            """, asOf: "2024-06-19")
        let rule = try #require(result.evaluation("HOS2024-6.3"))
        #expect(rule.outcome == .pending && rule.openDeadline?.due == date("2024-06-24"))
        let finding = try #require(rule.findings.first)
        #expect(finding.status == .overdue && finding.severity == .warning && finding.due == date("2024-06-17"))
        #expect(finding.message.contains("possibly overdue: none recorded as of Wed 19 Jun 2024"))
    }
}

/// The 2022 Code took effect on 1 April 2022, but landlords had until 1 October 2022 to comply:
/// a complaint received in between is judged by it, and every finding says so.
@Suite struct TransitionTests {
    static func complaint(received: String, acknowledged: String) -> String {
        """
        complaint: T-\(received)
        events:
          - {date: \(received), type: complaint-received}
          - {date: \(acknowledged), type: acknowledged, stage: 1}
        """
    }

    @Test func aFindingInTheTransitionWindowSaysSoInItsMessageAndItsJSON() throws {
        let during = try check(Self.complaint(received: "2022-06-01", acknowledged: "2022-06-20"), asOf: "2022-12-31")
        #expect(during.packs == ["hos-2022"])
        let finding = try #require(during.findings("HOS2022-4.1").first)
        #expect(finding.transition?.contains("received before 1 October 2022") == true)
        #expect(finding.message.hasSuffix("less firm than a breach after that date]"), "\(finding.message)")
        let json = JSONFormat().render(CheckReport(asOf: date("2022-12-31"), results: [(file: "t.yaml", result: during)], inputErrors: []))
        #expect(json.contains("\"transition\" : \"received before 1 October 2022"), "\(json)")

        let after = try check(Self.complaint(received: "2022-10-03", acknowledged: "2022-10-20"), asOf: "2022-12-31")
        let firm = try #require(after.findings("HOS2022-4.1").first)
        #expect(firm.transition == nil && !firm.message.contains("transition"))
    }
}

/// The checking date is a cut: a run judges as of `--as-of` as if the export had been taken that
/// day, and says how many later events it left out.
@Suite struct AsOfCutTests {
    static let log = """
        complaint_id,date,event,stage
        CUT-1,2024-06-03,complaint-received,1
        CUT-1,2024-06-05,acknowledged,1
        CUT-1,2024-07-10,withdrawn,
        CUT-2,2024-07-15,complaint-received,1
        CUT-2,2024-07-25,acknowledged,1
        """

    static func run(_ format: String, command: String = "check", asOf: String = "2024-06-25") throws -> (status: Int32, out: String) {
        let file = try temporaryCSV(log)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let result = try CommandLineTests.run([command, file, "--as-of", asOf, "--format", format, "--quiet"])
        return (result.status, result.out)
    }

    @Test func laterEventsAreIgnoredAndCounted() throws {
        // As of Tue 25 Jun 2024, CUT-1's response (due Wed 19 Jun) is overdue: the withdrawal on
        // 10 Jul has not happened yet. CUT-2 was received after the as-of date: not judged at all.
        let (status, text) = try Self.run("text")
        #expect(status == 1)
        #expect(text.contains("CUT-1") && !text.contains("CUT-2"), "\(text)")
        #expect(text.contains("no response recorded as of Tue 25 Jun 2024, 4 working days overdue"), "\(text)")
        #expect(text.contains("1 complaint, ") && text.contains("3 events dated after the as-of date ignored"), "\(text)")
        let json = try Self.run("json").out
        #expect(json.contains("\"eventsAfterAsOf\":3"), "\(json)")
    }

    @Test func theWorklistAndTheReportAreCutToo() throws {
        let due = try Self.run("text", command: "due").out
        #expect(due.contains("CUT-1") && !due.contains("CUT-2") && due.contains("3 events dated after the as-of date ignored"), "\(due)")
        let report = try Self.run("json", command: "report").out
        #expect(report.contains("\"complaints\" : 1,") && report.contains("\"eventsAfterAsOf\" : 3"), "\(report)")
    }

    @Test func aCutComplaintKeepsItsEarlierEvents() throws {
        let complaint = try TimelineYAML.parse(
            """
            complaint: C
            events:
              - {date: 2024-06-03, type: complaint-received}
              - {date: 2024-06-05, type: acknowledged, stage: 1}
              - {date: 2024-06-20, type: response, stage: 1}
            """, file: "c.yaml")[0]
        #expect(complaint.asOf(date("2024-06-30")).ignored == 0)
        let cut = complaint.asOf(date("2024-06-05"))
        #expect(cut.complaint?.events.map(\.type) == [.complaintReceived, .acknowledged] && cut.ignored == 1)
        #expect(complaint.asOf(date("2024-06-02")).complaint == nil)
    }
}

/// Cases a review of the verdict changes found, each pinned.
@Suite struct VerdictEdgeTests {
    @Test func aPolicyResponseFromAnAcknowledgementItDoesNotTimeCountsFromTheCodes() throws {
        // No acknowledgement target in the policy and none recorded: the Code's (5 working days
        // from Mon 3 Jun 2024: Mon 10 Jun) stands in, so 8 working days on: due Thu 20 Jun.
        let policy = try PolicyYAML.parse("stage1: { respond: 8 working-days, respond-from: acknowledged }", file: "p.yaml")
        let result = try check(
            """
            complaint: E-1
            events:
              - {date: 2024-06-03, type: complaint-received}
              - {date: 2024-06-28, type: response, stage: 1}
            """, asOf: "2024-08-01", policy: policy)
        let own = try #require(result.evaluation("p/stage1-respond"))
        #expect(own.outcome == .breach && own.timing?.due == date("2024-06-20"), "\(own.outcome) \(String(describing: own.timing))")
    }

    @Test func extensionLimitsAreInWorkingDays() {
        #expect(throws: InputError.self) {
            try PolicyYAML.parse("stage1: { respond: 10 working-days, extension-max: 5 calendar-days }", file: "p.yaml")
        }
    }

    @Test func anExtensionToADayTheOfficeIsShutIsThatDay() throws {
        // Acknowledged Wed 5 Jun 2024 (due Wed 19 Jun); extended to Sat 22 Jun, answered that day.
        let result = try check(
            """
            complaint: E-3
            events:
              - {date: 2024-06-03, type: complaint-received}
              - {date: 2024-06-05, type: acknowledged, stage: 1}
              - {date: 2024-06-14, type: extension, stage: 1, to: 2024-06-22, ombudsman-details: true}
              - {date: 2024-06-22, type: response, stage: 1}
            """, asOf: "2024-08-01")
        #expect(result.evaluation("HOS2024-6.3")?.outcome == .compliant)
        #expect(result.evaluation("HOS2024-6.3")?.timing?.due == date("2024-06-22"))
    }

    @Test func maxStagesMustBeAtLeastOne() {
        let text = """
            pack: p
            title: P
            source: https://example.org
            rules:
              - id: P-1
                paragraph: "1"
                summary: s
                source: confirmed
                max-stages: 0
                examples:
                  breach: [ {date: 2024-06-03, type: complaint-received} ]
                  compliant: [ {date: 2024-06-03, type: complaint-received} ]
            """
        #expect(throws: InputError.self) { try RulePackYAML.parse(text, file: "p.yaml") }
    }

    @Test func eachFurtherStageIsJudgedOnItsOwn() throws {
        // The optional third stage of `thirdStage`, then a fourth nobody said was optional.
        let result = try check(
            VerdictTests.thirdStage(", optional: true") + "\n  - {date: 2021-06-10, type: response, stage: 4}\n", asOf: "2021-08-01")
        let rule = try #require(result.evaluation("HOS2020-stages"))
        #expect(rule.outcome == .notEvaluable && rule.findings.count == 1 && rule.findings[0].message.hasPrefix("stage 4"))
    }

    @Test func linting2020ThirdStageAsksWhetherItIsOptional() throws {
        let pack = try #require(try shippedLibrary().pack("hos-2020"))
        let report = Linter(code: pack).lint(try PolicyYAML.parse("stages: 3", file: "p.yaml"))
        let entry = try #require(report.entries.first { $0.rule.id == "lint/HOS2020-stages" })
        if case .notStated = entry.verdict {} else { Issue.record("expected not stated, got \(entry.verdict)") }
    }

    @Test func theTransitionNoteNeedsAComplaintReceivedInTheWindow() throws {
        let result = try check(
            """
            complaint: E-8
            events:
              - {date: 2021-05-03, type: complaint-received}
              - {date: 2021-05-20, type: acknowledged, stage: 1}
            """, pack: "hos-2022", asOf: "2021-12-31")
        #expect(result.findings.allSatisfy { $0.transition == nil })
        #expect(!result.findings.isEmpty)
    }

    @Test func theWorklistShowsADeadlinePossiblyOverdue() throws {
        let file = try temporaryCSV(
            """
            complaint_id,date,event,stage
            P-1,2024-06-03,complaint-received,1
            """)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let due = try CommandLineTests.run(["due", file, "--as-of", "2024-06-20", "--quiet"]).out
        #expect(due.contains("possibly overdue: due Mon 17 Jun 2024"), "\(due)")
        let csv = try CommandLineTests.run(["check", file, "--as-of", "2024-06-02", "--format", "csv", "--quiet"])
        #expect(csv.err.contains("note: 1 event dated after the as-of date ignored"), "\(csv.err)")
    }
}

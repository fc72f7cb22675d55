import Testing

@testable import CHCChecks
@testable import CHCIngest
@testable import CHCModel
@testable import CHCOutput

/// Deadlines under the 2024 Code: extensions, holds, missing anchors, overdue vs pending,
/// several responses at a stage, events out of order.
@Suite struct DeadlineTests {
    let base = """
        complaint: T-1
        events:
          - {date: 2024-06-03, type: complaint-received}
          - {date: 2024-06-05, type: acknowledged, stage: 1}

        """

    func stageOne(_ extra: String, asOf: String = "2024-12-31") throws -> ComplaintResult {
        try check(base + extra, pack: "hos-2024", asOf: asOf)
    }

    @Test func responseOnTheDueDateIsOnTimeAndTheDayAfterIsLate() throws {
        let onTime = try stageOne("  - {date: 2024-06-19, type: response, stage: 1}")
        #expect(onTime.evaluation("HOS2024-6.3")?.outcome == .compliant)
        #expect(onTime.evaluation("HOS2024-6.3")?.timing?.workingDaysTaken == 10)
        let late = try stageOne("  - {date: 2024-06-20, type: response, stage: 1}")
        let finding = try #require(late.findings("HOS2024-6.3").first)
        #expect(finding.status == .breach)
        #expect(finding.due == date("2024-06-19"))
        #expect(finding.actual == date("2024-06-20"))
        #expect(finding.workingDaysLate == 1)
        #expect(finding.workingDaysTaken == 11)
        #expect(finding.anchor == Finding.AnchorRef(event: "acknowledged", date: date("2024-06-05"), derived: false))
        #expect(finding.citation.paragraph == "6.3")
        #expect(finding.location.line == 5)
    }

    /// A late response's message says what moved its due date: an extension, a hold, or both,
    /// with the working days each added.
    @Test func theMessageSaysWhetherAnExtensionOrAHoldMovedTheDate() throws {
        let extended = try stageOne(
            """
              - {date: 2024-06-10, type: extension, stage: 1, days: 5, reason: survey, ombudsman-details: true}
              - {date: 2024-06-27, type: response, stage: 1}
            """)
        #expect(
            extended.findings("HOS2024-6.3").first?.message.contains(
                "due Wed 26 Jun 2024 (10 working days from acknowledgement, moved from Wed 19 Jun 2024 by an extension of 5 working days)")
                == true, "\(extended.findings)")
        let held = try stageOne(
            """
              - {date: 2024-06-10, type: hold, stage: 1, agreed: true, reason: resident in hospital}
              - {date: 2024-06-12, type: resume, stage: 1}
              - {date: 2024-06-10, type: extension, stage: 1, days: 1, reason: survey, ombudsman-details: true}
              - {date: 2024-06-27, type: response, stage: 1}
            """)
        #expect(
            held.findings("HOS2024-6.3").first?.message.contains(
                "moved from Wed 19 Jun 2024 by an extension of 1 working day and a hold of 1 working day)") == true, "\(held.findings)")
    }

    /// An extension to a named day that is not a working day adds no working days, yet moves
    /// the date: the message still says what moved it.
    @Test func anExtensionToAWeekendSaysSo() throws {
        let result = try check(
            """
            complaint: T-W
            events:
              - {date: 2024-06-03, type: complaint-received}
              - {date: 2024-06-07, type: acknowledged, stage: 1}
              - {date: 2024-06-12, type: extension, stage: 1, to: 2024-06-23, reason: survey, ombudsman-details: true}
              - {date: 2024-06-25, type: response, stage: 1}
            """, pack: "hos-2024", asOf: "2024-12-31")
        let message = try #require(result.findings("HOS2024-6.3").first?.message)
        #expect(
            message.contains("due Sun 23 Jun 2024 (10 working days from acknowledgement, moved from Fri 21 Jun 2024 by an extension)"),
            "\(message)")
    }

    @Test func extensionWithinTheLimitMovesTheDueDate() throws {
        let result = try stageOne(
            """
              - {date: 2024-06-18, type: extension, stage: 1, days: 10, ombudsman-details: true}
              - {date: 2024-07-03, type: response, stage: 1}
            """)
        #expect(result.evaluation("HOS2024-6.3")?.outcome == .compliant)
        #expect(result.evaluation("HOS2024-6.3")?.timing?.due == date("2024-07-03"))
        #expect(result.evaluation("HOS2024-6.5")?.outcome == .compliant)
    }

    @Test func extensionToADateIsCountedInWorkingDays() throws {
        let result = try stageOne(
            """
              - {date: 2024-06-18, type: extension, stage: 1, to: 2024-07-03, ombudsman-details: true}
              - {date: 2024-07-03, type: response, stage: 1}
            """)
        #expect(result.evaluation("HOS2024-6.3")?.outcome == .compliant)
    }

    @Test func extensionBeyondTheLimitWithoutGoodReasonCountsOnlyUpToTheLimit() throws {
        let result = try stageOne(
            """
              - {date: 2024-06-18, type: extension, stage: 1, days: 15, ombudsman-details: true}
              - {date: 2024-07-08, type: response, stage: 1}
            """)
        // The late response is 6.3's finding; the extension beyond the limit is 6.4's.
        let findings = result.findings("HOS2024-6.3")
        #expect(findings.count == 1)
        #expect(findings.contains { $0.due == date("2024-07-03") && $0.workingDaysLate == 3 })
        let extensions = result.findings("HOS2024-6.4")
        #expect(extensions.count == 1)
        #expect(extensions.contains { $0.message.contains("beyond the 10 working days allowed") && $0.citation.paragraph == "6.4" })
    }

    @Test func extensionBeyondTheLimitWithGoodReasonCountsInFull() throws {
        let result = try stageOne(
            """
              - {date: 2024-06-18, type: extension, stage: 1, days: 15, good-reason: true, ombudsman-details: true}
              - {date: 2024-07-08, type: response, stage: 1}
            """)
        #expect(result.evaluation("HOS2024-6.3")?.outcome == .compliant)
        #expect(result.evaluation("HOS2024-6.3")?.timing?.due == date("2024-07-10"))
    }

    @Test func extensionNotifiedAfterTheDeadlineDoesNotCure() throws {
        let result = try stageOne(
            """
              - {date: 2024-06-21, type: extension, stage: 1, days: 10, ombudsman-details: true}
              - {date: 2024-07-01, type: response, stage: 1}
            """)
        #expect(
            result.findings("HOS2024-6.4").contains {
                $0.message.contains("extension notified on Fri 21 Jun 2024, after the response was already due")
            })
        #expect(result.findings("HOS2024-6.3").contains { $0.due == date("2024-06-19") && $0.actual == date("2024-07-01") })
    }

    @Test func extensionWithoutOmbudsmanDetailsIsAFindingAndUnrecordedIsNotEvaluable() throws {
        let without = try stageOne("  - {date: 2024-06-18, type: extension, stage: 1, days: 5, ombudsman-details: false}")
        #expect(without.findings("HOS2024-6.5").first?.status == .breach)
        let unrecorded = try stageOne("  - {date: 2024-06-18, type: extension, stage: 1, days: 5}")
        #expect(unrecorded.findings("HOS2024-6.5").first?.status == .notEvaluable)
        #expect(unrecorded.evaluation("HOS2024-6.5")?.outcome == .notEvaluable)
    }

    @Test func agreedHoldStopsTheClockAndUnagreedHoldDoesNot() throws {
        // Working days strictly inside 10 Jun … 14 Jun: 11, 12, 13 → due moves from 19 Jun to 24 Jun.
        let agreed = try stageOne(
            """
              - {date: 2024-06-10, type: hold, stage: 1, agreed: true}
              - {date: 2024-06-14, type: resume, stage: 1}
              - {date: 2024-06-24, type: response, stage: 1}
            """)
        #expect(agreed.evaluation("HOS2024-6.3")?.outcome == .compliant)
        #expect(agreed.evaluation("HOS2024-6.3")?.timing?.due == date("2024-06-24"))
        let unagreed = try stageOne(
            """
              - {date: 2024-06-10, type: hold, stage: 1}
              - {date: 2024-06-14, type: resume, stage: 1}
              - {date: 2024-06-24, type: response, stage: 1}
            """)
        let findings = unagreed.findings("HOS2024-6.3")
        #expect(findings.contains { $0.severity == .warning && $0.message.contains("clock not stopped") })
        #expect(findings.contains { $0.status == .breach && $0.due == date("2024-06-19") })
    }

    @Test func unresumedHoldKeepsTheDeadlinePending() throws {
        let result = try stageOne("  - {date: 2024-06-10, type: hold, stage: 1, agreed: true}", asOf: "2024-09-30")
        let evaluation = try #require(result.evaluation("HOS2024-6.3"))
        #expect(evaluation.outcome == .pending)
        #expect(evaluation.openDeadline?.onHold == true)
        #expect(evaluation.findings.isEmpty)
    }

    @Test func missingAnchorUsesTheAnchorsOwnDueDate() throws {
        // No acknowledgement: the response runs from the day it was due (10 Jun), so due 24 Jun.
        let result = try check(
            """
            complaint: T-2
            events:
              - {date: 2024-06-03, type: complaint-received}
              - {date: 2024-06-25, type: response, stage: 1}
            """, pack: "hos-2024", asOf: "2024-12-31")
        let response = try #require(result.findings("HOS2024-6.3").first)
        #expect(response.anchor == Finding.AnchorRef(event: "acknowledged", date: date("2024-06-10"), derived: true))
        #expect(response.due == date("2024-06-24"))
        #expect(response.message.contains("no acknowledgement recorded, so counted from the day it was due"))
        // And the missing acknowledgement is its own finding: the response came after the
        // acknowledgement was due, so it does not stand in for it; it is judged missed as of the
        // response (not "overdue" for ever after).
        let ack = try #require(result.findings("HOS2024-6.2").first)
        #expect(ack.status == .breach)
        #expect(ack.workingDaysLate == 11)
        #expect(ack.message.contains("none recorded before the stage 1 response on Tue 25 Jun 2024, 11 working days after it was due"))
    }

    @Test func aResponseWithinTheAcknowledgementPeriodAcknowledges() throws {
        let result = try check(
            """
            complaint: T-3
            events:
              - {date: 2024-06-03, type: complaint-received}
              - {date: 2024-06-07, type: response, stage: 1}
            """, pack: "hos-2024", asOf: "2024-12-31")
        #expect(result.evaluation("HOS2024-6.2")?.outcome == .compliant)
    }

    @Test func anEscalationWithNoStageOneResponseMeansTheResponseWasNotSent() throws {
        let result = try stageOne("  - {date: 2024-06-28, type: escalation-requested}")
        let finding = try #require(result.findings("HOS2024-6.3").first)
        #expect(finding.status == .breach)
        #expect(finding.message.contains("stage 1 response not sent"))
        #expect(finding.message.contains("none recorded before the escalation request on Fri 28 Jun 2024, 7 working days after it was due"))
        #expect(result.evaluation("HOS2024-6.3")?.openDeadline == nil)
    }

    @Test func overdueAfterTheDueDateAndPendingBefore() throws {
        let pending = try stageOne("", asOf: "2024-06-19")
        #expect(pending.evaluation("HOS2024-6.3")?.outcome == .pending)
        #expect(pending.evaluation("HOS2024-6.3")?.openDeadline?.due == date("2024-06-19"))
        #expect(pending.findings.filter(\.isBreach).isEmpty)
        let overdue = try stageOne("", asOf: "2024-06-20")
        let finding = try #require(overdue.findings("HOS2024-6.3").first)
        #expect(finding.status == .overdue)
        #expect(finding.actual == nil)
        #expect(finding.workingDaysLate == 1)
    }

    @Test func theFirstResponseMeetsTheDeadlineAndLaterOnesDoNotReset() throws {
        let result = try stageOne(
            """
              - {date: 2024-06-19, type: response, stage: 1}
              - {date: 2024-07-30, type: response, stage: 1}
            """)
        #expect(result.evaluation("HOS2024-6.3")?.outcome == .compliant)
        #expect(result.evaluation("HOS2024-6.3")?.timing?.actual == date("2024-06-19"))
    }

    @Test func eventsInAnyOrderAreSortedByDate() throws {
        let result = try check(
            """
            complaint: T-4
            events:
              - {date: 2024-06-20, type: response, stage: 1}
              - {date: 2024-06-05, type: acknowledged, stage: 1}
              - {date: 2024-06-03, type: complaint-received}
            """, pack: "hos-2024", asOf: "2024-12-31")
        #expect(result.findings("HOS2024-6.3").first?.workingDaysLate == 1)
        #expect(result.evaluation("HOS2024-6.2")?.outcome == .compliant)
    }

    @Test func sameDayEventsFollowTheProcessNotTheExportOrder() throws {
        // An export listing the stage 2 acknowledgement before the same-day escalation request.
        let result = try check(
            """
            complaint: T-6
            events:
              - {date: 2024-06-20, type: acknowledged, stage: 2}
              - {date: 2024-06-20, type: escalation-requested}
              - {date: 2024-06-03, type: complaint-received}
              - {date: 2024-06-14, type: response, stage: 1}
            """, pack: "hos-2024", asOf: "2024-06-21")
        #expect(result.evaluation("HOS2024-6.11")?.outcome == .compliant)
        #expect(result.complaint.events.map(\.type) == [.complaintReceived, .response, .escalationRequested, .acknowledged])
    }

    @Test func withdrawalStopsDeadlinesNotYetDue() throws {
        let result = try stageOne("  - {date: 2024-06-10, type: withdrawn}")
        #expect(result.evaluation("HOS2024-6.3")?.outcome == .notApplicable)
        #expect(result.findings.filter(\.isBreach).isEmpty)
    }

    @Test func aRefusedEscalationIsItsOwnFindingAndStopsStageTwoClocks() throws {
        let result = try stageOne(
            """
              - {date: 2024-06-19, type: response, stage: 1}
              - {date: 2024-06-20, type: escalation-requested}
              - {date: 2024-06-21, type: escalation-refused, reason: already answered}
            """)
        #expect(result.evaluation("HOS2024-6.11")?.outcome == .notApplicable)
        #expect(result.evaluation("HOS2024-6.14")?.outcome == .notApplicable)
        let refusal = try #require(result.findings("HOS2024-6.10").first)
        #expect(refusal.severity == .warning && refusal.message.contains("reason given: already answered"))
    }

    @Test func stageTwoRulesDoNotApplyWithoutEscalation() throws {
        let result = try stageOne("  - {date: 2024-06-19, type: response, stage: 1}")
        #expect(result.evaluation("HOS2024-6.11")?.outcome == .notApplicable)
        #expect(result.evaluation("HOS2024-6.14")?.outcome == .notApplicable)
    }

    @Test func codeVersionIsChosenByReceiptDate() throws {
        let old = try check("complaint: A\nevents:\n  - {date: 2024-03-28, type: complaint-received}\n", asOf: "2024-04-30")
        #expect(old.packs == ["hos-2022"])
        let new = try check("complaint: B\nevents:\n  - {date: 2024-04-01, type: complaint-received}\n", asOf: "2024-04-30")
        #expect(new.packs == ["hos-2024"])
        let older = try check("complaint: C\nevents:\n  - {date: 2021-01-04, type: complaint-received}\n", asOf: "2021-04-30")
        #expect(older.packs == ["hos-2020"])
        let none = try check("complaint: D\nevents:\n  - {date: 2019-01-04, type: complaint-received}\n", asOf: "2019-04-30")
        #expect(none.packs.isEmpty)
        #expect(none.findings.first?.status == .notEvaluable)
    }

    @Test func unconfirmedRulesSayHowSureTheyAre() throws {
        let result = try check("complaint: C\nevents:\n  - {date: 2021-01-04, type: complaint-received}\n", asOf: "2021-04-30")
        let finding = try #require(result.findings("HOS2020-stage1-response").first)
        #expect(finding.severity == .warning)
        #expect(finding.message.contains("[source: unconfirmed"))
        #expect(finding.citation.source == "unconfirmed")
    }

    @Test func policyOverlayAddsWarningsAndNeverHidesCodeBreaches() throws {
        let policy = try PolicyYAML.load(path("Rules/policies/luton-2022.yaml"))
        let result = try check(
            """
            complaint: T-5
            events:
              - {date: 2022-10-13, type: complaint-received}
            """, asOf: "2022-12-31", policy: policy)
        #expect(result.packs == ["hos-2022", "luton-2022"])
        let code = try #require(result.findings("HOS2022-4.1").first)
        #expect(code.severity == .error && code.due == date("2022-10-20"))
        let own = try #require(result.findings("luton-2022/stage1-acknowledge").first)
        #expect(own.severity == .warning && own.due == date("2022-10-18"))
        #expect(own.message.contains("Luton Borough Council policy"))
    }

    @Test func beforeAnyCodeThePolicyAloneIsNamed() throws {
        let policy = try PolicyYAML.load(path("Rules/policies/luton-2022.yaml"))
        let result = try check(
            """
            complaint: T-8
            events:
              - {date: 2015-03-02, type: complaint-received}
            """, asOf: "2015-12-31", policy: policy)
        #expect(result.packs == ["luton-2022"])
        #expect(result.evaluation("chc/no-code-in-force")?.outcome == .notEvaluable)
    }

    /// The rule reporting a complaint no Code pack covers is one object per checker, like a
    /// pack's rules: the formats keep text per rule object (by its `serial`), and one made for
    /// every such complaint would have them keep text for every complaint.
    @Test func complaintsNoPackCoversShareOneRule() throws {
        let complaints = try [("T-8", "2015-03-02"), ("T-9", "2016-05-02")].flatMap { id, received in
            try TimelineYAML.parse("complaint: \(id)\nevents:\n  - {date: \(received), type: complaint-received}\n", file: "test.yaml")
        }
        let checker = Checker(
            library: try shippedLibrary(), calendars: try CalendarSetup(), options: CheckOptions(asOf: date("2016-12-31")))
        let rules = complaints.compactMap { checker.check($0).evaluation("chc/no-code-in-force")?.rule }
        #expect(rules.count == 2)
        #expect(rules[0] === rules[1])
        #expect(checker.rulesInScope.contains { $0.rule === rules[0] })
    }

    @Test func responseContentsCountInAnyOrderAndAcrossTheStagesResponses() throws {
        // HOS2024-6.9 names seven elements; they are looked for first where the rule lists them,
        // then anywhere, in every stage 1 response.
        let timeline = { (first: String, second: String) in
            """
            complaint: T-7
            events:
              - {date: 2024-06-03, type: complaint-received}
              - {date: 2024-06-04, type: acknowledged, stage: 1}
              - {date: 2024-06-14, type: response, stage: 1, includes: [\(first)]}
              - {date: 2024-06-17, type: response, stage: 1, includes: [\(second)]}
            """
        }
        let split = try check(
            timeline("escalation, remedy, reasons, decision", "outstanding-actions, stage, definition"), pack: "hos-2024",
            asOf: "2024-12-31")
        #expect(split.evaluation("HOS2024-6.9")?.outcome == .compliant)
        let short = try check(
            timeline("escalation, reasons, decision", "outstanding-actions, stage, definition"), pack: "hos-2024", asOf: "2024-12-31")
        let finding = try #require(short.findings("HOS2024-6.9").first)
        #expect(finding.status == .breach && finding.message.contains("does not confirm the remedy offered") && finding.location.line == 5)
    }

    @Test func aComplaintReceivedAfterThePolicyCutOffCountsFromTheNextWorkingDayForThePolicyOnly() throws {
        // Cut-off 17:00. Received Mon 3 Jun 2024: acknowledged Tue 11 Jun, the sixth working day
        // after the Monday but the fifth after the Tuesday a late arrival counts from — under the
        // landlord's own target. The Code counts from the Monday whatever the hour: late.
        let policy = try PolicyYAML.load(path("Examples/policies/compliant-2024.yaml"))
        let timeline = { (time: String) in
            """
            complaint: T-6
            events:
              - {date: "2024-06-03T\(time)", type: complaint-received}
              - {date: 2024-06-11, type: acknowledged, stage: 1}
            """
        }
        let late = try check(timeline("18:30:00"), asOf: "2024-12-31", policy: policy)
        #expect(late.evaluation("compliant-2024/stage1-acknowledge")?.outcome == .compliant)
        #expect(late.evaluation("compliant-2024/stage1-acknowledge")?.timing?.anchor == date("2024-06-04"))
        #expect(late.evaluation("HOS2024-6.2")?.outcome == .breach)
        #expect(late.evaluation("HOS2024-6.2")?.timing?.anchor == date("2024-06-03"))
        let early = try check(timeline("16:30:00"), asOf: "2024-12-31", policy: policy)
        #expect(early.evaluation("compliant-2024/stage1-acknowledge")?.outcome == .breach)
        #expect(early.evaluation("compliant-2024/stage1-acknowledge")?.timing?.anchor == date("2024-06-03"))
    }

    /// The complaint's own `calendar:` picks the region's bank holidays: St Andrew's Day moved to
    /// Monday 1 December 2025 in Scotland only; 12 July 2024 is a holiday in Northern Ireland only.
    @Test(arguments: [
        ("england-and-wales", "2025-11-27", "2025-12-04"), ("scotland", "2025-11-27", "2025-12-05"),
        ("northern-ireland", "2025-11-27", "2025-12-04"),
        ("england-and-wales", "2024-07-08", "2024-07-15"), ("scotland", "2024-07-08", "2024-07-15"),
        ("northern-ireland", "2024-07-08", "2024-07-16"),
    ])
    func eachRegionCountsWithItsOwnHolidays(region: String, received: String, due: String) throws {
        let result = try check(
            """
            complaint: R-1
            calendar: \(region)
            events:
              - {date: \(received), type: complaint-received}
            """, pack: "hos-2024", asOf: "2026-11-23")
        #expect(result.evaluation("HOS2024-6.2")?.timing?.due == date(due))
    }

    /// `chc report` and `chc due` skip composing messages: every outcome, date and count must
    /// be what a full check gives, only the messages are empty.
    @Test func withoutMessagesOnlyTheMessagesDiffer() throws {
        let library = try shippedLibrary()
        let batch = TimelineBatch.load(paths: [path("Examples")])
        #expect(!batch.entries.isEmpty)
        let worded = Checker(library: library, calendars: try CalendarSetup(), options: CheckOptions(asOf: date("2026-11-23")))
        let counted = Checker(
            library: library, calendars: try CalendarSetup(),
            options: CheckOptions(asOf: date("2026-11-23"), composesMessages: false))
        var findings = 0
        for entry in batch.entries {
            let full = worded.check(entry.complaint)
            let bare = counted.check(entry.complaint)
            #expect(full.packs == bare.packs)
            #expect(full.evaluations.map(\.outcome) == bare.evaluations.map(\.outcome))
            #expect(full.evaluations.map(\.timing) == bare.evaluations.map(\.timing))
            let a = full.evaluations.flatMap(\.findings)
            let b = bare.evaluations.flatMap(\.findings)
            #expect(a.map(\.fingerprint) == b.map(\.fingerprint))
            #expect(
                a.map {
                    [$0.status.rawValue, $0.rule, $0.due?.description ?? "", $0.actual?.description ?? "", "\($0.workingDaysLate ?? -1)"]
                }
                    == b.map {
                        [
                            $0.status.rawValue, $0.rule, $0.due?.description ?? "", $0.actual?.description ?? "",
                            "\($0.workingDaysLate ?? -1)",
                        ]
                    })
            #expect(a.allSatisfy { !$0.message.isEmpty } && b.allSatisfy { $0.message.isEmpty })
            findings += a.count
        }
        #expect(findings > 10)
    }
}

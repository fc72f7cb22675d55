import Foundation
import Testing

@testable import CHCChecks
@testable import CHCIngest
@testable import CHCModel
@testable import CHCOutput

/// Each validation error names file:line:col and what was expected.
@Suite struct TimelineValidationTests {
    func problems(_ yaml: String) -> [InputProblem] {
        do {
            _ = try TimelineYAML.parse(yaml, file: "t.yaml")
            return []
        } catch {
            return error.problems
        }
    }

    func expectProblem(_ yaml: String, line: Int, column: Int, _ fragment: String) {
        let found = problems(yaml)
        #expect(
            found.contains { $0.location.line == line && $0.location.column == column && $0.message.contains(fragment) },
            "expected \(line):\(column) “\(fragment)”, got \(found.map(\.description))")
    }

    @Test func unknownEventTypeSuggestsTheNearestOne() {
        expectProblem(
            """
            complaint: X
            events:
              - {date: 2024-06-03, type: complaint-received}
              - {date: 2024-06-04, type: acknowleged, stage: 1}
            """, line: 4, column: 30, "unknown event type `acknowleged`, did you mean `acknowledged`?")
    }

    @Test func missingComplaintId() {
        expectProblem("events:\n  - {date: 2024-06-03, type: complaint-received}\n", line: 1, column: 1, "missing `complaint`")
    }

    @Test func noReceipt() {
        expectProblem(
            "complaint: X\nevents:\n  - {date: 2024-06-04, type: acknowledged, stage: 1}\n", line: 1, column: 1,
            "has no `complaint-received` event")
    }

    @Test func impossibleDate() {
        expectProblem(
            "complaint: X\nevents:\n  - {date: 2023-02-30, type: complaint-received}\n", line: 3, column: 12, "February 2023 has 28 days")
    }

    @Test func eventBeforeReceipt() {
        expectProblem(
            """
            complaint: X
            events:
              - {date: 2024-06-03, type: complaint-received}
              - {date: 2024-06-01, type: acknowledged, stage: 1}
            """, line: 4, column: 5, "dated before the complaint was received")
    }

    @Test func stageTwoWithoutEscalation() {
        expectProblem(
            """
            complaint: X
            events:
              - {date: 2024-06-03, type: complaint-received}
              - {date: 2024-06-20, type: response, stage: 2}
            """, line: 4, column: 5, "has no `escalation-requested` before it")
    }

    @Test func addressesAnUnknownPoint() {
        expectProblem(
            """
            complaint: X
            points: {leak: Roof leak}
            events:
              - {date: 2024-06-03, type: complaint-received, points: [leak]}
              - {date: 2024-06-14, type: response, stage: 1, addresses: [leek]}
            """, line: 5, column: 5, "`addresses` names unknown point `leek`, did you mean `leak`?")
    }

    @Test func unknownKeyAndFieldOfAnotherType() {
        expectProblem(
            "complaint: X\ncategroy: repairs\nevents:\n  - {date: 2024-06-03, type: complaint-received}\n",
            line: 2, column: 1, "unknown key `categroy` in a complaint, did you mean `category`?")
        expectProblem(
            "complaint: X\nevents:\n  - {date: 2024-06-03, type: complaint-received, addresses: [a]}\n",
            line: 3, column: 50, "`addresses` does not apply to `complaint-received` events")
    }

    @Test func wrongTypes() {
        expectProblem(
            "complaint: X\nevents:\n  - {date: 2024-06-03, type: complaint-received, stage: one}\n", line: 3, column: 57,
            "should be a whole number")
        expectProblem("complaint: X\nevents: {a: 1}\n", line: 2, column: 9, "should be a list")
    }

    /// An event that leaves its stage out is at stage 1 until an escalation is requested, then
    /// at stage 2 — on the complaint that is checked, not only while validating it.
    @Test func missingStagesAreFilledInFromTheEscalation() throws {
        let complaints = try TimelineYAML.parse(
            """
            complaint: X
            events:
              - {date: 2024-06-03, type: complaint-received}
              - {date: 2024-06-04, type: acknowledged}
              - {date: 2024-06-14, type: response, handler: officer-1, includes: [decision]}
              - {date: 2024-06-20, type: escalation-requested}
              - {date: 2024-06-21, type: acknowledged}
              - {date: 2024-07-10, type: response, stage: 2}
            """, file: "t.yaml")
        let staged = complaints[0].events.filter(\.type.isStaged)
        #expect(staged.map(\.details.stage) == [1, 1, 2, 2])
        // The event given its stage keeps everything else it had.
        let response = try #require(complaints[0].first(.response, stage: 1))
        #expect(response.details.handler == "officer-1" && response.details.includes == ["decision"] && response.location.line == 5)
    }

    @Test func extensionNeedsToOrDays() {
        expectProblem(
            """
            complaint: X
            events:
              - {date: 2024-06-03, type: complaint-received}
              - {date: 2024-06-10, type: extension, stage: 1}
            """, line: 4, column: 5, "needs `to` (the new due date) or `days`")
    }

    @Test func yamlSyntaxErrorIsLocated() {
        let found = problems("complaint: X\nevents:\n  - {date: 2024-06-03, type: complaint-received\n")
        #expect(found.first?.message.hasPrefix("invalid YAML") == true)
        #expect(found.first?.location.line ?? 0 >= 3)
    }

    @Test func everyProblemInAFileIsReported() {
        let found = problems(
            """
            complaint: X
            events:
              - {date: 2024-06-03, type: complaint-received}
              - {date: 2024-13-01, type: acknowledged, stage: 1}
              - {date: 2024-06-10, type: respnse, stage: 1}
            """)
        #expect(found.count == 2)
    }

    @Test func aBatchReportsBadFilesAndChecksTheRest() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chc-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "complaint: A\nevents:\n  - {date: 2024-06-03, type: complaint-received}\n".write(
            to: folder.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try "complaint: B\nevents:\n  - {date: 2024-06-03, type: complaint-recieved}\n".write(
            to: folder.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        try "complaint: A\nevents:\n  - {date: 2024-06-04, type: complaint-received}\n".write(
            to: folder.appendingPathComponent("c.yml"), atomically: true, encoding: .utf8)
        try "not a timeline".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        try "landlord: X\nstages: 2\n".write(to: folder.appendingPathComponent("policy.yaml"), atomically: true, encoding: .utf8)
        let batch = TimelineBatch.load(paths: [folder.path])
        #expect(batch.entries.map(\.complaint.id) == ["A"])
        #expect(batch.errors.count == 2)
        // A policy config found while walking is skipped and said so; named directly, it is an error.
        #expect(batch.skipped.map(\.reason) == ["a complaints-process config, not a timeline (check it with chc lint)"])
        let named = TimelineBatch.load(paths: [folder.appendingPathComponent("policy.yaml").path])
        #expect(named.errors.first?.description.contains("unknown key `landlord`") == false)
        #expect(named.errors.count == 1)
        #expect(
            batch.errors.contains {
                $0.description.contains("b.yaml:3:30: error: unknown event type `complaint-recieved`, did you mean `complaint-received`?")
            })
        #expect(batch.errors.contains { $0.description.contains("c.yml:1:1: error: complaint id `A` is used twice in this batch") })
    }
}

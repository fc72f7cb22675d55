import Foundation
import Testing
import WorkingDays
import Yams

@testable import CHCChecks
@testable import CHCIngest
@testable import CHCModel
@testable import CHCOutput

/// A check kind and an output format are each one type plus one entry in a registry: these
/// tests add a toy of each through the registries alone, with no other code knowing them, and
/// run them end to end.
@Suite struct RegistryTests {
    /// A toy check kind: a complaint may have at most `limit` notes (an arbitrary rule, for the test).
    final class NoteLimitCheck: CheckKind {
        static let name = "note-limit"
        static let summary = "A complaint has at most so many notes."
        static let example = "{ limit: 1 }"

        let limit: Int

        init(limit: Int) { self.limit = limit }

        static func read(_ node: Node, reader: YAMLReader) -> NoteLimitCheck? {
            reader.fields(node, "`\(name)`", allowed: ["limit"])?["limit"].flatMap { reader.int($0, "`limit`") }.map(NoteLimitCheck.init)
        }

        var subject: CheckSubject { CheckSubject(event: .note, stage: nil) }
        var parameters: String { "at most \(limit) notes" }

        func evaluate(in context: EvaluationContext) -> RuleEvaluation {
            let notes = context.complaint.events(.note)
            guard notes.count > limit, let last = notes.last else { return context.evaluation(.compliant) }
            return context.evaluation(
                .breach, [context.finding(.breach, "\(notes.count) notes, more than \(limit)", actual: last.date, at: last.location)])
        }
    }

    /// A toy format: one line per complaint, its id and how many findings it has.
    struct CountFormat: StreamingCheckFormat {
        static let identifier = "count"
        init(options: ReporterOptions) {}
        func begin(asOf: CivilDate) -> String { "as of \(asOf)\n" }
        func complaint(file: String, result: ComplaintResult, findings: [Finding], asOf: CivilDate) -> String {
            "\(result.complaint.id): \(findings.count)\n"
        }
        func end(summary: CheckReport.Summary, asOf: CivilDate, inputErrors: [InputError], skipped: [(file: String, reason: String)])
            -> String
        {
            "\(summary.complaints) complaints\n"
        }
    }

    let packText = """
        pack: toy
        title: Toy pack
        source: https://example.org/toy
        rules:
          - id: TOY-1
            paragraph: "1"
            summary: At most one note.
            source: unconfirmed
            note-limit: { limit: 1 }
            examples:
              breach: [ {date: 2024-06-03, type: complaint-received}, {date: 2024-06-04, type: note, text: a}, {date: 2024-06-05, type: note, text: b} ]
              compliant: [ {date: 2024-06-03, type: complaint-received}, {date: 2024-06-04, type: note, text: a} ]
        """

    @Test func aToyKindIsReadCheckedAndExplainedThroughTheRegistryAlone() throws {
        let kinds = CheckKinds.standard.adding(NoteLimitCheck.self)
        #expect(kinds.names.contains("note-limit"))
        // Without the kind in the registry, the key is unknown, with the registry's names as suggestions.
        #expect(throws: InputError.self) { try RulePackYAML.parse(packText, file: "toy.yaml") }
        let pack = try RulePackYAML.parse(packText, file: "toy.yaml", kinds: kinds)
        let rule = try #require(pack.rules.first)
        #expect(rule.kind == "note-limit")
        #expect(RuleDescription.render(rule, pack: pack).contains("check:      note-limit at most 1 notes"))
        // Its examples run as any kind's do.
        let (ran, failures) = RuleExampleRunner(calendars: try CalendarSetup()).run(pack)
        #expect(ran == 2 && failures.isEmpty, "\(failures)")
        // And a thread's copy of the pack reads it with the same registry.
        #expect(pack.forThread() !== pack)
        #expect(pack.forThread().rules.first?.kind == "note-limit")
    }

    @Test func anUnknownKindIsNamedWithTheRegistrysKinds() {
        do {
            _ = try RulePackYAML.parse(packText, file: "toy.yaml")
            Issue.record("a pack using an unregistered kind loaded")
        } catch {
            let messages = error.problems.map(\.message).joined(separator: "\n")
            #expect(messages.contains("unknown key `note-limit`"), "\(messages)")
        }
    }

    @Test func aToyFormatWritesACheckRunThroughTheRegistryAlone() throws {
        let formats = Reporters.standard.adding(CountFormat.self)
        #expect(formats.identifiers(for: .checkRun).contains("count"))
        #expect(!formats.identifiers(for: .dueList).contains("count"))
        let format = try #require(formats.format("count", for: .checkRun)?.init(options: ReporterOptions()) as? any CheckRunFormat)
        #expect(type(of: format).streams)

        let checker = Checker(
            library: try shippedLibrary(), calendars: try CalendarSetup(), options: CheckOptions(asOf: date("2026-11-23")))
        let run = CheckRun(session: CheckSession(checker: checker), paths: [path("Examples/invented")], asOf: date("2026-11-23"))
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("chc-count-\(UUID().uuidString).txt").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let writer = try ReportWriter(path: out)
        let outcome = run.write(format, to: writer)
        try writer.commit()
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.hasPrefix("as of 2026-11-23\n"))
        #expect(text.hasSuffix("\(outcome.tally.complaints) complaints\n"))
        #expect(outcome.tally.complaints == 7)
        // One line per complaint between the beginning and the end, as the format wrote it.
        let lines = text.split(separator: "\n").dropFirst().dropLast()
        #expect(lines.count == 7 && lines.allSatisfy { $0.contains(": ") }, "\(text)")
    }

    @Test func everyShippedKindReadsItsOwnExample() throws {
        for kind in CheckKinds.standard.all {
            let reader = try YAMLReader(file: "\(kind.name).yaml", text: kind.example)
            let root = try #require(reader.root)
            let check = kind.readAny(root, reader: reader)
            #expect(check != nil && reader.problems.isEmpty, "\(kind.name): \(reader.problems)")
            #expect(check.map { type(of: $0).name } == kind.name)
        }
    }

    @Test func everyFormatListIsTheRegistrys() {
        let standard = Reporters.standard
        #expect(standard.identifiers(for: .checkRun) == ["text", "json", "jsonl", "sarif", "junit", "github", "csv"])
        #expect(standard.identifiers(for: .dueList) == ["text", "json", "csv"])
        #expect(standard.identifiers(for: .performance) == ["text", "json", "csv", "html"])
        #expect(standard.identifiers(for: .lint) == ["text", "json", "markdown", "sarif", "junit", "github", "csv"])
        #expect(Set(standard.all.map { $0.identifier }).count == standard.all.count)
        #expect(standard.all.filter { $0.streams }.map { $0.identifier } == ["text", "json", "jsonl", "sarif", "junit", "github", "csv"])
    }

    @Test func theCheckKindsPageIsTheRegistrys() throws {
        let page = try String(contentsOfFile: path("docs/check-kinds.md"), encoding: .utf8)
        #expect(
            page == KindReference.markdown(.standard),
            "docs/check-kinds.md is out of date: chc rules kinds --markdown > docs/check-kinds.md")
    }
}

import Foundation
import Testing

@testable import CHCChecks
@testable import CHCIngest
@testable import CHCModel
@testable import CHCOutput

/// A mistake in a rule file is an error at its file:line:col, found when the pack loads.
@Suite struct RulePackValidationTests {
    func problems(_ rules: String) -> [InputProblem] {
        let text = """
            pack: test
            title: Test
            source: https://example.org
            rules:
            \(rules)
            """
        do {
            _ = try RulePackYAML.parse(text, file: "p.yaml")
            return []
        } catch {
            return error.problems
        }
    }

    let examples = """
            examples:
              breach: [ {date: 2024-06-03, type: complaint-received} ]
              compliant: [ {date: 2024-06-03, type: complaint-received}, {date: 2024-06-04, type: acknowledged, stage: 1} ]
        """

    @Test func misspeltParameterSuggestsTheRightOne() {
        let found = problems(
            """
              - id: T-1
                paragraph: "1"
                summary: s
                source: confirmed
                deadline: { event: acknowledged, stage: 1, from: complaint-received, withn: 5 working-days }
            \(examples)
            """)
        #expect(
            found.contains { $0.location.line == 9 && $0.message.contains("unknown key `withn` in `deadline`, did you mean `within`?") },
            "\(found)")
    }

    @Test func unknownCheckKindAndMissingFields() {
        let found = problems(
            """
              - id: T-1
                paragraph: "1"
                summary: s
                deadlin: { event: acknowledged }
            """)
        #expect(found.contains { $0.message.contains("unknown key `deadlin` in a rule, did you mean `deadline`?") })
        #expect(found.contains { $0.message.contains("a rule needs `source`") })
        #expect(found.contains { $0.message.contains("has no check") })
    }

    @Test func examplesAreRequired() {
        let found = problems(
            """
              - id: T-1
                paragraph: "1"
                summary: s
                source: confirmed
                max-stages: 2
            """)
        #expect(found.contains { $0.message.contains("has no `examples`") })
    }

    @Test func badSpanAndUnknownEvent() {
        let found = problems(
            """
              - id: T-1
                paragraph: "1"
                summary: s
                source: confirmed
                deadline: { event: acknowledge, stage: 1, from: complaint-received, within: -3 working-days }
            \(examples)
            """)
        #expect(found.contains { $0.message.contains("unknown event type `acknowledge`, did you mean `acknowledged`?") }, "\(found)")
    }

    @Test func negativeSpanIsRejected() {
        let found = problems(
            """
              - id: T-1
                paragraph: "1"
                summary: s
                source: confirmed
                deadline: { event: acknowledged, stage: 1, from: complaint-received, within: -3 working-days }
            \(examples)
            """)
        #expect(found.contains { $0.message.contains("cannot be negative") }, "\(found)")
    }

    /// A `max-stages` rule whose breach example's third-stage event is written `breachEvent`.
    static func maxStagesRule(breachEvent: String = "response") -> String {
        """
          - id: T-1
            paragraph: "1"
            summary: s
            source: confirmed
            max-stages: 2
            examples:
              breach: [ {date: 2024-06-03, type: complaint-received}, {date: 2024-06-04, type: \(breachEvent), stage: 3} ]
              compliant: [ {date: 2024-06-03, type: complaint-received} ]
        """
    }

    @Test func duplicateRuleIds() {
        let found = problems(Self.maxStagesRule() + "\n" + Self.maxStagesRule())
        #expect(found.contains { $0.message.contains("rule id `T-1` is used twice") })
    }

    @Test func badExampleEventsAreLocated() {
        let found = problems(Self.maxStagesRule(breachEvent: "respons"))
        #expect(found.contains { $0.location.line == 11 && $0.message.contains("did you mean `response`?") }, "\(found)")
    }

    /// The packs built into chc are the files in `Rules/`, byte for byte, and all of them.
    @Test func builtInPacksAreTheRulesFolder() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: path("Rules")).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(RuleLibrary.shippedPackFiles.map(\.name) == files)
        for (name, text) in RuleLibrary.shippedPackFiles {
            #expect(text == (try String(contentsOfFile: path("Rules/" + name), encoding: .utf8)), "\(name) differs from Rules/")
        }
        let (library, errors) = RuleLibrary.shipped()
        #expect(errors.isEmpty, "\(errors)")
        #expect(library.packs.map(\.id) == ["awaab-2025", "hos-2020", "hos-2022", "hos-2024"])
    }

    /// A run that checks complaints reads the built-in packs without their rules' examples
    /// (`chc rules` reads them): the same packs and rules, the same checks, no examples.
    @Test func shippedPacksReadWithoutExamplesAreTheSameRules() throws {
        let (whole, _) = RuleLibrary.shipped()
        let (lean, errors) = RuleLibrary.shipped(examples: false)
        #expect(errors.isEmpty, "\(errors)")
        #expect(lean.packs.map(\.id) == whole.packs.map(\.id))
        for (a, b) in zip(whole.packs, lean.packs) {
            #expect(a.rules.map(\.id) == b.rules.map(\.id))
            #expect(a.rules.map(\.summary) == b.rules.map(\.summary))
            #expect(a.rules.map { type(of: $0.check).name } == b.rules.map { type(of: $0.check).name })
            #expect(a.rules.map { $0.check.parameters } == b.rules.map { $0.check.parameters })
            #expect(b.rules.allSatisfy { $0.examples.isEmpty })
        }
        #expect(whole.packs.flatMap(\.rules).contains { !$0.examples.isEmpty })
    }

    /// YAML is read without implicit tags: values that look like numbers, dates, yes/no or null
    /// are read as the text written (the typed readers make of it what they expect). And a key
    /// written plain and again quoted (`1:` and `"1":`) is one key given twice, with its line: with
    /// implicit tags the plain one was a number and the quoted one text, two keys.
    @Test func aKeyWrittenPlainAndQuotedIsGivenTwice() throws {
        do {
            _ = try YAMLReader(file: "t.yaml", text: "a: 1\n1: x\n\"1\": y\n")
            Issue.record("no error")
        } catch {
            #expect(error.description.contains("t.yaml:2:1:"), "\(error)")  // at the first of them
            #expect(error.description.contains("a key is given twice in the same mapping: `1`"), "\(error)")
        }
    }

    /// Values that look like numbers, dates, yes/no or null are read as the text written.
    @Test func yamlValuesAreReadAsWritten() throws {
        let reader = try YAMLReader(file: "t.yaml", text: "a: 01\nb: yes\nc: 2024-06-03\nd: ~\ne: 1.50\nf: 0x1A\n")
        let fields = try #require(reader.fields(reader.root, "test", allowed: ["a", "b", "c", "d", "e", "f"]))
        #expect(["a", "b", "c", "d", "e", "f"].map { reader.string(fields[$0], $0) } == ["01", "yes", "2024-06-03", "~", "1.50", "0x1A"])
        #expect(reader.problems.isEmpty)
    }

    @Test func shippedPacksLoadCleanly() throws {
        let (library, errors) = RuleLibrary.load(folder: path("Rules"))
        #expect(errors.isEmpty, "\(errors)")
        #expect(Set(library.packs.map(\.id)) == ["awaab-2025", "hos-2020", "hos-2022", "hos-2024"])
        for pack in library.packs {
            for rule in pack.rules {
                #expect(rule.url.hasPrefix("https://"), "\(rule.id) cites no URL")
                #expect(!rule.paragraph.isEmpty)
            }
        }
    }
}

/// A complaints-process config is read with located errors.
@Suite struct PolicyConfigTests {
    func problems(_ text: String) -> [InputProblem] {
        do {
            let reader = try YAMLReader(file: "policy.yaml", text: text)
            _ = PolicyYAML.read(reader)
            return reader.problems
        } catch {
            return error.problems
        }
    }

    @Test func lutonPolicyLoads() throws {
        let config = try PolicyYAML.load(path("Rules/policies/luton-2022.yaml"))
        #expect(config.id == "luton-2022")
        #expect(config.stage1.acknowledge == .init(3, .workingDays))
        #expect(config.stage2.respond == .init(25, .workingDays))
        #expect(
            config.overlayPack().rules.map(\.id) == [
                "luton-2022/stage1-acknowledge", "luton-2022/stage1-respond",
                "luton-2022/stage2-acknowledge", "luton-2022/stage2-respond",
            ])
    }

    @Test func errorsAreLocatedWithSuggestions() {
        let found = problems(
            """
            landlord: X
            stage1: { acknowledge: 3 working-days, respnd: 15 working-days }
            stage2: { respond: -3 working-days }
            cut-off-time: "5pm"
            time-limit-to-complain: soon
            """)
        #expect(
            found.contains { $0.location.line == 2 && $0.message.contains("unknown key `respnd` in `stage1`, did you mean `respond`?") },
            "\(found)")
        #expect(found.contains { $0.location.line == 3 && $0.message.contains("cannot be negative") })
        #expect(found.contains { $0.location.line == 4 && $0.message.contains("HH:MM") })
        #expect(found.contains { $0.location.line == 5 && $0.message.contains("12 months") })
    }
}

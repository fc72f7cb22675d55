import Foundation
import TestSupport
import Testing
import WorkingDays

@testable import CHCChecks
@testable import CHCIngest
@testable import CHCModel
@testable import CHCOutput

/// The JSON format writes each complaint by hand (`JSONPrettyWriter`); it must give exactly the
/// bytes JSONEncoder gives for the same entry, whatever the text: control characters, quotes,
/// backslashes, non-ASCII, empty lists, absent values.
@Suite struct JSONWriterTests {
    /// Text with the characters JSON escapes, and some it does not.
    static func text(_ random: inout SeededRandom) -> String {
        let pieces: [String] = [
            "a", "Z", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{8}", "\u{C}", "\u{0}", "\u{1F}", "\u{7F}", "é", "£", "\u{2028}", "😀", "{",
            "]", ":", ",",
        ]
        let length = Int(random.next() % 12)
        return (0..<length).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
    }

    static func finding(_ random: inout SeededRandom) -> Finding {
        func maybe<T>(_ value: T) -> T? { random.next() % 2 == 0 ? value : nil }
        let day = CivilDate(dayNumber: 19_000 + Int(random.next() % 2_000))
        return Finding(
            complaint: text(&random), rule: text(&random), pack: text(&random),
            check: .init(kind: text(&random), event: maybe(text(&random)), stage: maybe(Int(random.next() % 4))),
            severity: [.note, .warning, .error][Int(random.next() % 3)],
            status: [.breach, .overdue, .notEvaluable][Int(random.next() % 3)],
            message: text(&random), anchor: maybe(.init(event: text(&random), date: day, derived: random.next() % 2 == 0)),
            due: maybe(day), actual: maybe(day), workingDaysTaken: maybe(Int(random.next() % 400)),
            workingDaysLate: maybe(-5 + Int(random.next() % 50)),
            citation: .init(paragraph: text(&random), summary: text(&random), url: text(&random), source: text(&random)),
            location: SourceLocation(file: text(&random), line: Int(random.next() % 10_000), column: Int(random.next() % 50)),
            hint: maybe(text(&random)), transition: maybe(text(&random)))
    }

    /// XML escaping works on bytes for speed (JUnit); it gives what escaping scalar by scalar
    /// gives: entities for `&<>"'`, tab and line breaks, C0 controls and U+FFFE/U+FFFF dropped.
    @Test func xmlEscapingMatchesEscapingScalarByScalar() {
        func byScalar(_ text: String) -> String {
            var out = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "'": out += "&apos;"
                case "\n": out += "&#10;"
                case "\r": out += "&#13;"
                case "\t": out += "&#9;"
                default:
                    if scalar.value >= 0x20, scalar.value != 0xFFFE, scalar.value != 0xFFFF { out.unicodeScalars.append(scalar) }
                }
            }
            return out
        }
        let pieces = [
            "a", " ", "&", "<", ">", "\"", "'", "\n", "\r", "\t", "\u{0}", "\u{1B}", "\u{1F}", "\u{7F}", "\u{85}", "é", "\u{FFFD}",
            "\u{FFFE}", "\u{FFFF}", "\u{EFFF}", "\u{F8FF}", "😀",
        ]
        var random = SeededRandom(state: 17)
        for _ in 0..<5_000 {
            let text = (0..<Int(random.next() % 10)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            #expect(MarkupText.xml(text) == byScalar(text), "\(Array(text.unicodeScalars))")
        }
    }

    /// XML escaping passes over eight bytes at a time: each special character, alone among
    /// plain ones at every place of texts of 1 to 40 bytes, is found as a byte-by-byte scan finds
    /// it (`appendXML` itself, so that texts with nothing to escape go through the word test too).
    @Test func xmlEscapingFindsASpecialCharacterAtEveryPlaceOfAWord() {
        let expected: [String: String] = [
            "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&apos;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;",
            "\u{1}": "", "\u{1F}": "", "\u{FFFE}": "", "\u{FFFF}": "", "\u{7F}": "\u{7F}", "é": "é", "\u{EFBF}": "\u{EFBF}",
            "\u{F000}": "\u{F000}", "\u{FFFD}": "\u{FFFD}", "\u{FEFF}": "\u{FEFF}", "😀": "😀",
        ]
        func escaped(_ text: String) -> String {
            var out: [UInt8] = []
            MarkupText.appendXML(text, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
        for length in 1...40 {
            for place in 0..<length {
                for (special, result) in expected {
                    let before = String(repeating: "a", count: place)
                    let after = String(repeating: "b", count: length - place - 1)
                    #expect(escaped(before + special + after) == before + result + after, "\(special.debugDescription) at \(place)")
                }
            }
            #expect(escaped(String(repeating: "z", count: length)) == String(repeating: "z", count: length))
        }
    }

    static func nextOutcome(_ outcome: Outcome) -> Outcome {
        let all: [Outcome] = [.compliant, .breach, .notEvaluable, .pending, .notApplicable]
        return all[(all.firstIndex(of: outcome)! + 1) % all.count]
    }

    @Test func everyRandomEntryIsWrittenAsJSONEncoderWritesIt() throws {
        var random = SeededRandom(state: 2026)
        let checker = Checker(
            library: try shippedLibrary(), calendars: try CalendarSetup(), options: CheckOptions(asOf: date("2026-11-23")))
        let complaints = TimelineBatch.load(paths: [path("Examples")]).entries.map(\.complaint)
        let scratch = RenderScratch()
        for round in 0..<400 {
            let result = checker.check(complaints[round % complaints.count])
            let findings = (0..<Int(random.next() % 5)).map { _ in Self.finding(&random) }
            let file = Self.text(&random)
            let expected =
                "\n"
                + JSONText.indent(
                    JSONText.encode(
                        JSONFormat.ComplaintEntry(
                            id: result.complaint.id, file: file, packs: round % 7 == 0 ? [] : result.packs, findings: findings,
                            evaluations: round % 5 == 0
                                ? []
                                : result.evaluations.map {
                                    JSONFormat.EvaluationEntry(rule: $0.rule.id, pack: $0.pack, outcome: $0.outcome, timing: $0.timing)
                                },
                            hazard: result.complaint.hazard, kind: result.complaint.isHazardCase ? "hazard" : nil)),
                    by: 4, first: true)
            let trimmed = ComplaintResult(
                complaint: result.complaint, packs: round % 7 == 0 ? [] : result.packs,
                evaluations: round % 5 == 0 ? [] : result.evaluations)
            let written = JSONFormat().complaint(file: file, result: trimmed, findings: findings, asOf: date("2026-11-23"))
            #expect(written == expected, "round \(round)")
            if written != expected { return }
            // Compact, each rule's members kept by one scratch from round to round, as on a
            // checking thread; every third round the same rules in another pack, and every
            // outcome moved on by one (kept members are for one rule, pack and outcome).
            let compactResult =
                round % 3 == 1
                ? ComplaintResult(
                    complaint: trimmed.complaint, packs: trimmed.packs,
                    evaluations: trimmed.evaluations.map {
                        RuleEvaluation(
                            rule: $0.rule, pack: "another-pack", outcome: Self.nextOutcome($0.outcome), findings: $0.findings,
                            openDeadline: $0.openDeadline, timing: $0.timing)
                    }) : trimmed
            let entry = JSONFormat.ComplaintEntry(
                id: result.complaint.id, file: file, packs: trimmed.packs, findings: findings,
                evaluations: compactResult.evaluations.map {
                    JSONFormat.EvaluationEntry(rule: $0.rule.id, pack: $0.pack, outcome: $0.outcome, timing: $0.timing)
                }, hazard: result.complaint.hazard, kind: result.complaint.isHazardCase ? "hazard" : nil)
            var compact: [UInt8] = []
            JSONFormat(pretty: false).appendComplaint(
                file: file, result: compactResult, findings: findings, asOf: date("2026-11-23"), to: &compact, scratch: scratch)
            #expect(String(decoding: compact, as: UTF8.self) == JSONText.compact(entry), "round \(round), compact")
        }
    }

    /// Strings are scanned for what needs escaping eight bytes at a time: one character to
    /// escape alone among plain ones, at every place, must still be escaped (read back by
    /// JSONSerialization as the same string), and text with nothing to escape written whole.
    @Test func oneCharacterToEscapeIsFoundWhereverItIs() throws {
        for length in 1...40 {
            for place in 0..<length {
                for special in ["\"", "\\", "\n", "\u{0}", "\u{1F}", "é", "\u{7F}", "😀"] {
                    let text = String(repeating: "a", count: place) + special + String(repeating: "b", count: length - place - 1)
                    var w = JSONPrettyWriter(compactWithCapacity: 64)
                    w.beginArray()
                    w.element()
                    w.string(text)
                    w.endArray()
                    let back = try JSONSerialization.jsonObject(with: Data(w.bytes)) as? [String]
                    #expect(back == [text], "\(text.debugDescription)")
                    #expect(!w.bytes.contains { $0 < 32 }, "\(text.debugDescription)")
                }
            }
        }
    }

    /// The compact formats keep a finding's check and citation as its rule gives them, and use
    /// them only while the finding's own are the same bytes: each field changed in turn (the
    /// citation's paragraph, source, summary and URL, the check's kind, event and stage), or
    /// written in canonically equivalent but other bytes, is written as the finding has it.
    @Test func findingsWithACheckOrCitationOfTheirOwnAreWrittenAsTheyAre() throws {
        let checker = Checker(
            library: try shippedLibrary(), calendars: try CalendarSetup(), options: CheckOptions(asOf: date("2026-11-23")))
        let results = TimelineBatch.load(paths: [path("Examples")]).entries.map { checker.check($0.complaint) }
        let result = try #require(results.first { $0.findings.contains { $0.check.event != nil && $0.check.stage != nil } })
        let original = try #require(result.findings.first { $0.check.event != nil && $0.check.stage != nil })
        func with(check: Finding.Check? = nil, citation: Finding.Citation? = nil) -> Finding {
            let f = original
            return Finding(
                complaint: f.complaint, rule: f.rule, pack: f.pack, check: check ?? f.check, severity: f.severity, status: f.status,
                message: f.message, anchor: f.anchor, due: f.due, actual: f.actual, workingDaysTaken: f.workingDaysTaken,
                workingDaysLate: f.workingDaysLate, citation: citation ?? f.citation, location: f.location, hint: f.hint,
                transition: f.transition)
        }
        let (c, k) = (original.citation, original.check)
        let variants: [Finding] = [
            original,
            with(citation: .init(paragraph: c.paragraph + "(a)", summary: c.summary, url: c.url, source: c.source)),
            with(citation: .init(paragraph: c.paragraph, summary: c.summary, url: c.url, source: "secondary")),
            with(citation: .init(paragraph: c.paragraph, summary: c.summary + "!", url: c.url, source: c.source)),
            with(citation: .init(paragraph: c.paragraph, summary: c.summary, url: c.url + "#x", source: c.source)),
            with(check: .init(kind: k.kind + "-x", event: k.event, stage: k.stage)),
            with(check: .init(kind: k.kind, event: nil, stage: k.stage)),
            with(check: .init(kind: k.kind, event: k.event, stage: nil)),
            with(check: .init(kind: k.kind, event: k.event, stage: (k.stage ?? 0) + 1)),
            original,
        ]
        try expectWrittenAsTheyAre(variants, in: result)
        // A rule whose summary has an "é" written composed; findings of it with the summary
        // written composed (the rule's bytes: its kept members) and decomposed (the same text to
        // `==`, other bytes: its own).
        let place = try #require(result.evaluations.firstIndex { $0.rule.id == original.rule })
        let rule = result.evaluations[place].rule
        let accented = Rule(
            id: rule.id, paragraph: rule.paragraph, summary: rule.summary + " caf\u{E9}", severity: rule.severity,
            confidence: rule.confidence, url: rule.url, note: rule.note, hint: rule.hint, check: rule.check, examples: [],
            location: rule.location)
        var evaluations = result.evaluations
        evaluations[place] = RuleEvaluation(
            rule: accented, pack: evaluations[place].pack, outcome: evaluations[place].outcome, findings: [original],
            openDeadline: nil, timing: nil)
        let accentedResult = ComplaintResult(complaint: result.complaint, packs: result.packs, evaluations: evaluations)
        let composed = with(citation: .init(paragraph: c.paragraph, summary: c.summary + " caf\u{E9}", url: c.url, source: c.source))
        let decomposed = with(citation: .init(paragraph: c.paragraph, summary: c.summary + " cafe\u{301}", url: c.url, source: c.source))
        try #require(composed.citation.summary == decomposed.citation.summary)
        try expectWrittenAsTheyAre([composed, decomposed, composed, decomposed], in: accentedResult)
    }

    /// Writes each finding as a JSON line (one scratch for them all, as on a checking thread) and
    /// expects its check and citation as the finding has them, byte for byte.
    func expectWrittenAsTheyAre(_ variants: [Finding], in result: ComplaintResult) throws {
        let scratch = RenderScratch()  // one for them all, as on a checking thread
        for finding in variants {
            var line: [UInt8] = []
            JSONLinesFormat().appendComplaint(
                file: "f.yaml", result: result, findings: [finding], asOf: date("2026-11-23"), to: &line, scratch: scratch)
            let back = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
            let citation = try #require(back["citation"] as? [String: Any])
            let check = try #require(back["check"] as? [String: Any])
            // The summary's very bytes, in the line as written (a parser may hand text back in another form).
            let summary = Array("\"summary\":\"".utf8) + Array(finding.citation.summary.utf8) + [34]
            #expect(line.indices.contains { line[$0...].starts(with: summary) }, "\(finding.citation.summary.debugDescription)")
            #expect(citation["summary"] as? String == finding.citation.summary)
            #expect(citation["paragraph"] as? String == finding.citation.paragraph)
            #expect(citation["source"] as? String == finding.citation.source)
            #expect(citation["url"] as? String == finding.citation.url)
            #expect(check["kind"] as? String == finding.check.kind)
            #expect(check["event"] as? String == finding.check.event)
            #expect(check["stage"] as? Int == finding.check.stage)
        }
    }

    @Test func theWrittenTextIsValidJSON() throws {
        var random = SeededRandom(state: 7)
        let entries = (0..<50).map { _ in Self.finding(&random) }
        var writer = JSONPrettyWriter(level: 0)
        writer.beginArray()
        for index in entries.indices {
            writer.element()
            JSONFormat.write(entries, at: index, to: &writer)
        }
        writer.endArray()
        let parsed = try JSONSerialization.jsonObject(with: Data(writer.bytes)) as? [[String: Any]]
        #expect(parsed?.count == 50)
        #expect(parsed?.first?["message"] as? String == entries.first?.message)
    }

    @Test func jsonLinesHaveOneWholeFindingALine() throws {
        let checker = Checker(
            library: try shippedLibrary(), calendars: try CalendarSetup(), options: CheckOptions(asOf: date("2026-11-23")))
        let batch = TimelineBatch.load(paths: [path("Examples")])
        let report = CheckReport(
            asOf: date("2026-11-23"), results: batch.entries.map { (file: $0.file, result: checker.check($0.complaint)) }, inputErrors: [])
        let lines = JSONLinesFormat().render(report).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "")
        let objects = try lines.dropLast().map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(objects.count == report.findings.count && objects.count > 20)
        for (object, finding) in zip(objects, report.findings) {
            #expect(object?["rule"] as? String == finding.rule && object?["message"] as? String == finding.message)
            #expect(object?["file"] as? String == finding.location.file)
            #expect((object?["citation"] as? [String: Any])?["paragraph"] as? String == finding.citation.paragraph)
        }
    }
}

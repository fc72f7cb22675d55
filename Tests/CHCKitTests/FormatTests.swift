import Foundation
import TestSupport
import Testing

@testable import CHCChecks
@testable import CHCIngest
@testable import CHCModel
@testable import CHCOutput

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The machine formats: SARIF validates against the official schema, JUnit parses with the
/// right counts, CSV cannot inject formulas, GitHub annotations are escaped.
@Suite struct FormatTests {
    static func examplesReport(_ folder: String = "Examples/invented", asOf: String = "2026-11-23") throws -> CheckReport {
        let library = try shippedLibrary()
        let batch = TimelineBatch.load(paths: [path(folder)])
        let checker = Checker(library: library, calendars: try CalendarSetup(), options: CheckOptions(asOf: date(asOf)))
        let results = batch.entries.map {
            (file: $0.file.replacingOccurrences(of: packageRoot + "/", with: ""), result: checker.check($0.complaint))
        }
        return CheckReport(asOf: date(asOf), results: results, inputErrors: batch.errors)
    }

    /// Runs python3 with a script; returns (exit status, combined output).
    static func python(_ script: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(arguments: [nil, 3])
    func sarifValidatesAgainstTheOfficialSchema(maxResults: Int?) throws {
        // Every example (seed reports and invented), and a run with input errors; all results,
        // and results cut by --max-results.
        var report = try Self.examplesReport("Examples")
        report = CheckReport(
            asOf: report.asOf, results: report.results,
            inputErrors: [InputError(SourceLocation(file: "bad.yaml", line: 3, column: 7), "unknown event type `x`")])
        let sarif = SARIFFormat(options: ReporterOptions(maxResults: maxResults)).render(report)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("chc-\(UUID().uuidString).sarif")
        try sarif.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let (status, output) = try Self.python(
            """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1])); doc = json.load(open(sys.argv[2]))
            errors = list(jsonschema.Draft7Validator(schema).iter_errors(doc))
            for e in errors[:5]: print(list(e.path), e.message)
            print(len(doc["runs"][0]["results"]), "results")
            sys.exit(1 if errors else 0)
            """, [path("Tests/CHCKitTests/Fixtures/sarif-schema-2.1.0.json"), file.path])
        #expect(status == 0, "\(output)")
        #expect(output.contains("results"))
    }

    /// The JSON document, pretty and compact, against the committed schema (docs/schema), and
    /// each JSON Lines line, parsed on its own, against the schema's finding.
    @Test func jsonAndJSONLinesValidateAgainstTheCommittedSchema() throws {
        var report = try Self.examplesReport("Examples")
        report = CheckReport(
            asOf: report.asOf, results: report.results,
            inputErrors: [InputError(SourceLocation(file: "bad.yaml", line: 3, column: 7), "unknown event type `x`")])
        let pretty = JSONFormat(pretty: true).render(report)
        let compact = JSONFormat(pretty: false).render(report)
        #expect(compact.split(separator: "\n").count == 1 && compact.utf8.count < pretty.utf8.count)
        let lines = JSONLinesFormat().render(report)
        var files: [String] = []
        defer { for file in files { try? FileManager.default.removeItem(atPath: file) } }
        for text in [pretty, compact, lines] {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("chc-\(UUID().uuidString).json").path
            try Data(text.utf8).write(to: URL(fileURLWithPath: file))
            files.append(file)
        }
        let (status, output) = try Self.python(
            """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            document = jsonschema.Draft202012Validator(schema)
            finding = jsonschema.Draft202012Validator({**schema["$defs"]["finding"], "$defs": schema["$defs"]})
            pretty, compact = json.load(open(sys.argv[2])), json.load(open(sys.argv[3]))
            errors = list(document.iter_errors(pretty)) + list(document.iter_errors(compact))
            assert pretty == compact, "pretty and compact differ"
            count = 0
            for line in open(sys.argv[4]):
                record = json.loads(line)
                errors += list(finding.iter_errors(record))
                assert "file" in record
                count += 1
            findings = sum(len(c["findings"]) for c in pretty["complaints"])
            assert count == findings, f"{count} lines for {findings} findings"
            for e in errors[:5]: print(list(e.path), e.message)
            print(findings, "findings", len(pretty["complaints"]), "complaints")
            sys.exit(1 if errors else 0)
            """, [path("docs/schema/check-v1.schema.json")] + files)
        #expect(status == 0, "\(output)")
        #expect(output.contains("findings"), "\(output)")
    }

    /// `--max-results`: exactly that many findings, the most severe kept first and then the most
    /// recent, in the run's order; how many were left out, and why, in the run's properties.
    @Test func sarifKeepsTheMostSevereThenMostRecentFindings() throws {
        let report = try Self.examplesReport("Examples")
        let findings = report.findings
        #expect(findings.count > 20)
        for limit in [1, 5, 20] {
            let sarif = SARIFFormat(options: ReporterOptions(maxResults: limit)).render(report)
            let run = try #require(
                ((try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])?["runs"] as? [[String: Any]])?.first)
            let results = try #require(run["results"] as? [[String: Any]])
            #expect(results.count == limit)
            let properties = try #require(run["properties"] as? [String: Any])
            #expect(properties["resultsLeftOut"] as? Int == findings.count - limit)
            #expect(properties["maxResults"] as? Int == limit)
            // The kept ones are the top `limit` by (severity, date), the run's order breaking ties.
            let ranked = findings.enumerated().sorted {
                let (a, b) = (SARIFFormat.rank($0.element), SARIFFormat.rank($1.element))
                return a != b ? a > b : $0.offset < $1.offset
            }
            let expected = ranked.prefix(limit).sorted { $0.offset < $1.offset }.map(\.element.fingerprint.description)
            let kept = results.compactMap { ($0["partialFingerprints"] as? [String: String])?["chcFinding/v1"] }
            #expect(kept == expected)
            let levels = ["error": 3, "warning": 2, "note": 1]
            let worstKept = results.compactMap { levels[$0["level"] as? String ?? ""] }.min() ?? 0
            let bestLeftOut = ranked.dropFirst(limit).map { SARIFFormat().level($0.element) }.compactMap { levels[$0] }.max() ?? 0
            #expect(worstKept >= bestLeftOut)
        }
        // Fewer findings than the limit: every one, and nothing said to be left out.
        let all = SARIFFormat(options: ReporterOptions(maxResults: findings.count)).render(report)
        #expect(all == SARIFFormat().render(report))
    }

    @Test func goldenOutputOfEveryFormat() throws {
        let report = try Self.examplesReport()
        expectGolden(relativePaths(SARIFFormat().render(report)), "invented.sarif")
        expectGolden(relativePaths(JUnitFormat().render(report)), "invented.junit.xml")
        expectGolden(relativePaths(GitHubFormat().render(report)), "invented.github.txt")
        expectGolden(relativePaths(CSVFormat().render(report)), "invented.csv")
    }

    @Test func sarifCarriesRulesLocationsAndStableFingerprints() throws {
        let report = try Self.examplesReport()
        let first = try JSONSerialization.jsonObject(with: Data(SARIFFormat().render(report).utf8)) as! [String: Any]
        let run = (first["runs"] as! [[String: Any]])[0]
        let rules = ((run["tool"] as! [String: Any])["driver"] as! [String: Any])["rules"] as! [[String: Any]]
        #expect(rules.contains { $0["id"] as? String == "HOS2024-6.2" && ($0["helpUri"] as? String)?.hasPrefix("https://") == true })
        let results = run["results"] as! [[String: Any]]
        let ack = try #require(results.first { $0["ruleId"] as? String == "HOS2024-6.2" })
        let region = (((ack["locations"] as! [[String: Any]])[0]["physicalLocation"] as! [String: Any])["region"] as! [String: Any])
        #expect(region["startLine"] as? Int == 8 || region["startLine"] as? Int == 9)
        // The same run twice gives the same fingerprints.
        #expect(SARIFFormat().render(report) == SARIFFormat().render(try Self.examplesReport()))
    }

    @Test func junitParsesWithTheRightCounts() throws {
        let report = try Self.examplesReport()
        let text = JUnitFormat().render(report)
        let document = try XMLDocument(xmlString: text)
        let root = try #require(document.rootElement())
        let suites = root.elements(forName: "testsuite")
        #expect(suites.count == report.results.count)
        let evaluated = report.results.reduce(0) { $0 + $1.result.evaluations.count }
        #expect(root.attribute(forName: "tests")?.stringValue == String(evaluated))
        let failing = report.results.reduce(0) { $0 + $1.result.evaluations.filter { $0.findings.contains(where: \.isBreach) }.count }
        #expect(root.attribute(forName: "failures")?.stringValue == String(failing))
        let cases = suites.flatMap { $0.elements(forName: "testcase") }
        #expect(cases.count == evaluated)
        #expect(cases.filter { !$0.elements(forName: "failure").isEmpty }.count == failing)
    }

    /// A baseline holding one of a rule's two breaches of a complaint: the test case still
    /// fails, on the other breach alone (its message, then its place and message); holding
    /// both, it fails no more and is skipped with the outcome and the first finding's message.
    @Test func junitFailsATestCaseOnBreachesTheBaselineDoesNotHold() throws {
        let report = try Self.examplesReport()
        let entry = try #require(report.results.first { $0.file.hasSuffix("hold-not-agreed.yaml") })
        let evaluation = try #require(entry.result.evaluations.first { $0.rule.id == "HOS2024-6.14" })
        let breaches = evaluation.findings.filter(\.isBreach)
        try #require(breaches.count == 2)
        func testCase(holding held: [Finding]) throws -> String {
            let findings = entry.result.findings.filter { finding in !held.contains { $0.fingerprint == finding.fingerprint } }
            let (records, _) = JUnitFormat().records(
                file: entry.file, result: entry.result, findings: findings, asOf: report.asOf, scratch: RenderScratch())
            let suite = records.map { $0.bytes.withBytes { String(decoding: $0, as: UTF8.self) } }.joined()
            return try #require(suite.split(separator: "\n").first { $0.contains("name=\"HOS2024-6.14:") }.map(String.init))
        }
        func failure(_ shown: [Finding]) -> String {
            let messages = shown.map { MarkupText.xml($0.message) }
            let placed = shown.map { MarkupText.xml("\($0.location): \($0.message)") }
            return "<failure message=\"\(messages.joined(separator: "&#10;"))\" type=\"\(shown[0].status.rawValue)\">"
                + "\(placed.joined(separator: "&#10;"))</failure>"
        }
        #expect(try testCase(holding: []).contains(failure(breaches)))
        #expect(try testCase(holding: [breaches[0]]).contains(failure([breaches[1]])))
        #expect(try testCase(holding: [breaches[1]]).contains(failure([breaches[0]])))
        let allHeld = try testCase(holding: breaches)
        #expect(!allHeld.contains("<failure"))
        let first = try #require(evaluation.findings.first)
        #expect(allHeld.contains("<skipped message=\"\(evaluation.outcome.rawValue): \(MarkupText.xml(first.message))\"/>"), "\(allHeld)")
    }

    @Test(arguments: ["=HYPERLINK(\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
    func csvNeutralisesFormulas(cell: String) {
        let out = CSVText.cell(cell)
        let unquoted = out.hasPrefix("\"") ? String(out.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"") : out
        #expect(unquoted.hasPrefix("'"), "\(out)")
    }

    @Test func csvCellsOfEveryLengthAgreeWithAPlainByteByByteRule() {
        // Every special character at every place, in cells from 0 to 40 bytes (a scan done a
        // word at a time would have edges at every eighth byte), against the rule written out plainly.
        func expected(_ value: String) -> String {
            let bytes = Array(value.utf8)
            let quoted = bytes.contains { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }
            let number = value.wholeMatch(of: /[-+]?[0-9]+(\.[0-9]+)?/) != nil  // a number stays a number
            let formula = (bytes.first.map { [61, 43, 45, 64, 9, 13].contains($0) } ?? false) && !number
            return (quoted ? "\"" : "") + (formula ? "'" : "") + value.replacingOccurrences(of: "\"", with: "\"\"") + (quoted ? "\"" : "")
        }
        var random = SeededRandom(state: 11)
        let alphabet: [String] = [
            "a", "Z", "0", "7", ".", " ", "-", "+", "#", "!", "é", "€", ",", "\"", "\n", "\r", "\t", "\u{7F}", "\u{0C}", "\u{2D}",
        ]
        for length in 0...40 {
            for _ in 0..<40 {
                let value = (0..<length).map { _ in alphabet.randomElement(using: &random)! }.joined()
                #expect(CSVText.cell(value) == expected(value), "\(value.debugDescription)")
            }
            // One special byte alone among plain ones, at every place (random cells of this
            // length nearly always hold several, so the scan would stop at the first word).
            for place in 0..<length {
                for special in [",", "\"", "\n", "\r", "é"] {
                    let value = String(repeating: "a", count: place) + special + String(repeating: "b", count: length - place - 1)
                    #expect(CSVText.cell(value) == expected(value), "\(value.debugDescription)")
                }
            }
        }
    }

    @Test func csvQuotesSeparatorsAndQuotes() {
        #expect(CSVText.cell("a,b") == "\"a,b\"")
        #expect(CSVText.cell("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVText.cell("line\nbreak") == "\"line\nbreak\"")
        #expect(CSVText.cell("plain") == "plain")
    }

    /// JUnit keeps each rule's whole test case for "met" and for "does not apply" (nearly every
    /// test case), and writes the others from the met one's opening tag: every outcome, with and
    /// without findings, must read as it would written out in full, and be counted.
    @Test func junitWritesEveryOutcomeOfARuleFromItsKeptTestCases() throws {
        let report = try Self.examplesReport()
        let (firstFile, result) = try #require(report.results.first { $0.result.evaluations.count > 3 })
        let scratch = RenderScratch()
        let outcomes: [Outcome] = [.compliant, .notApplicable, .pending, .notEvaluable, .breach, .compliant, .notApplicable]
        // Each outcome in the complaint's own file and pack, then in another file (the kept test
        // cases name the file), then with no pack (`chc`), then back in the first file.
        for (round, (file, emptyPack)) in [(firstFile, false), ("other/file.yaml", false), ("other/file.yaml", true), (firstFile, false)]
            .enumerated()
        {
            var random = SeededRandom(state: UInt64(round) + 5)
            for outcome in outcomes.shuffled(using: &random) {
                let evaluations = result.evaluations.map {
                    RuleEvaluation(
                        rule: $0.rule, pack: emptyPack ? "" : $0.pack, outcome: outcome, findings: [], openDeadline: nil, timing: nil)
                }
                let altered = ComplaintResult(complaint: result.complaint, packs: result.packs, evaluations: evaluations)
                let (records, totals) = JUnitFormat().records(
                    file: file, result: altered, findings: [], asOf: report.asOf, scratch: scratch)
                let suite = records.map { $0.bytes.withBytes { String(decoding: $0, as: UTF8.self) } }
                #expect(suite.count == 1)  // one record: the suite's tag, its test cases, its end
                let lines = suite.joined().split(separator: "\n")
                #expect(lines.first?.hasPrefix("  <testsuite name=") == true && lines.last == "  </testsuite>")
                let cases = lines.dropFirst().dropLast()
                #expect(cases.count == evaluations.count)
                for (line, evaluation) in zip(cases, evaluations) {
                    let tag =
                        "    <testcase name=\"\(MarkupText.xml("\(evaluation.rule.id): \(evaluation.rule.summary)"))\""
                        + " classname=\"\(evaluation.pack.isEmpty ? "chc" : evaluation.pack)\" file=\"\(MarkupText.xml(file))\">"
                    let body = outcome == .compliant ? "" : "<skipped message=\"\(outcome.rawValue)\"/>"
                    #expect(String(line) == tag + body + "</testcase>")
                }
                #expect(totals.tests == evaluations.count)
                #expect(totals.skipped == (outcome == .compliant ? 0 : evaluations.count))
                #expect(totals.failures == 0)  // a breach with no finding to quote is skipped, as before
            }
        }
    }

    /// A rule evaluated in one pack and then another, complaint after complaint in one file, has
    /// its test cases kept again each time: the kept bytes stay bounded, and every suite reads
    /// as it would written out in full.
    @Test func junitKeptTestCasesStayBoundedWhenPacksAlternate() throws {
        let report = try Self.examplesReport()
        let (file, result) = try #require(report.results.first { $0.result.evaluations.count > 3 })
        let scratch = RenderScratch()
        var most = 0
        for round in 0..<400 {
            let pack = round.isMultiple(of: 2) ? "" : "pack-\(round)"
            let evaluations = result.evaluations.map {
                RuleEvaluation(rule: $0.rule, pack: pack, outcome: .compliant, findings: [], openDeadline: nil, timing: nil)
            }
            let altered = ComplaintResult(complaint: result.complaint, packs: result.packs, evaluations: evaluations)
            let (records, _) = JUnitFormat().records(file: file, result: altered, findings: [], asOf: report.asOf, scratch: scratch)
            most = max(most, scratch.keptTextBytes)
            let cases = records.map { $0.bytes.withBytes { String(decoding: $0, as: UTF8.self) } }.joined()
                .split(separator: "\n").dropFirst().dropLast()
            #expect(cases.count == evaluations.count)
            for (line, evaluation) in zip(cases, evaluations) {
                #expect(line.contains(" classname=\"\(pack.isEmpty ? "chc" : pack)\" "), "\(line)")
                #expect(line.hasPrefix("    <testcase name=\"\(MarkupText.xml(evaluation.rule.id)): "), "\(line)")
            }
        }
        #expect(most > RenderScratch.keptBytesLimit / 2)  // the texts were kept again and again…
        #expect(most < RenderScratch.keptBytesLimit + 256 << 10)  // …and forgotten at the limit
    }

    /// Kept texts forgotten between being kept and being read (a limit so small that every text
    /// kept makes the others stale) are made again where they are read: every JUnit suite, and
    /// every compact JSON entry and JSON line, is what a scratch that forgets nothing writes.
    @Test func formatsWriteTheSameWhenKeptTextsAreForgottenMidRecord() throws {
        let report = try Self.examplesReport()
        let (forgetful, steady) = (RenderScratch(keptBytesLimit: 1), RenderScratch())
        let formats: [(String, (RenderScratch, String, ComplaintResult) -> [UInt8])] = [
            (
                "junit",
                { scratch, file, result in
                    JUnitFormat().records(file: file, result: result, findings: result.findings, asOf: report.asOf, scratch: scratch)
                        .records
                        .flatMap { $0.bytes.withBytes { Array($0) } }
                }
            ),
            (
                "json",
                { scratch, file, result in
                    var out: [UInt8] = []
                    JSONFormat(pretty: false).appendComplaint(
                        file: file, result: result, findings: result.findings, asOf: report.asOf, to: &out, scratch: scratch)
                    return out
                }
            ),
            (
                "jsonl",
                { scratch, file, result in
                    var out: [UInt8] = []
                    JSONLinesFormat().appendComplaint(
                        file: file, result: result, findings: result.findings, asOf: report.asOf, to: &out, scratch: scratch)
                    return out
                }
            ),
        ]
        var compared = 0
        for (name, write) in formats {
            for (file, result) in report.results + report.results {  // twice: the second time from kept texts
                let a = write(forgetful, file, result)
                let b = write(steady, file, result)
                #expect(a == b, "\(name): \(result.complaint.id)")
                compared += a.isEmpty ? 0 : 1
            }
        }
        #expect(compared > 2 * report.results.count)
        #expect(forgetful.keptTextBytes < 4096)  // forgotten all along
    }

    /// Text kept per file (JUnit's test cases name it, SARIF's results their URI) is made again
    /// for a file whose name is canonically equivalent but written with other bytes (a name in
    /// decomposed form, as macOS writes them, beside the composed one): each names its own bytes.
    @Test func textKeptPerFileIsMadeAgainForANameOfOtherBytes() throws {
        let composed = "Examples/caf\u{E9}.yaml"
        let decomposed = "Examples/cafe\u{301}.yaml"
        try #require(composed == decomposed && Array(composed.utf8) != Array(decomposed.utf8))
        let scratch = RenderScratch()
        #expect(Array(scratch.fileText(composed) { $0 }.utf8) == Array(composed.utf8))
        #expect(Array(scratch.fileText(decomposed) { $0 }.utf8) == Array(decomposed.utf8))
        let report = try Self.examplesReport()
        let result = try #require(report.results.first { !$0.result.evaluations.isEmpty }).result
        for file in [composed, decomposed, composed] {
            let (records, _) = JUnitFormat().records(
                file: file, result: result, findings: result.findings, asOf: report.asOf, scratch: scratch)
            let suite = records.map { $0.bytes.withBytes { Array($0) } }.joined()
            let cases = String(decoding: suite, as: UTF8.self).split(separator: "\n").filter { $0.contains("<testcase") }
            #expect(!cases.isEmpty)
            for line in cases { #expect(Array(line.utf8).split(separator: 34).contains { Array($0) == Array(file.utf8) }, "\(line)") }
        }
    }

    /// CSV keeps the cells a finding has from its rule and writes them for the rule's next
    /// findings: every row must still be the finding's own values, byte for byte, whether the
    /// finding's kind, paragraph and hint are its rule's or its own (even canonically equivalent
    /// text written with other bytes), and whether or not a baseline left some of the
    /// complaint's findings out.
    @Test func csvRowsAreEachFindingsOwnValuesWhenRuleCellsAreKept() throws {
        let report = try Self.examplesReport()
        func expectedRow(_ f: Finding) -> String {
            let cells: [String] = [
                f.location.file, String(f.location.line), String(f.location.column), f.complaint, f.rule, f.pack, f.check.kind,
                f.check.event ?? "", f.check.stage.map(String.init) ?? "", f.severity.rawValue, f.status.rawValue, f.message,
                f.anchor?.event ?? "", f.anchor?.date.description ?? "", f.due?.description ?? "", f.actual?.description ?? "",
                f.workingDaysTaken.map(String.init) ?? "", f.workingDaysLate.map(String.init) ?? "", f.citation.paragraph,
                f.citation.url, f.citation.source, f.hint ?? "",
            ]
            return CSVText.row(cells)
        }
        func rows(_ result: ComplaintResult, _ file: String, findings: [Finding], scratch: RenderScratch) -> [UInt8] {
            var out: [UInt8] = []
            CSVFormat().appendComplaint(file: file, result: result, findings: findings, asOf: report.asOf, to: &out, scratch: scratch)
            return out
        }
        func expectedRows(_ findings: [Finding]) -> [UInt8] { Array(findings.map(expectedRow).joined().utf8) }
        let scratch = RenderScratch()  // one for the whole run, as on a checking thread
        var ownHint = 0
        for _ in 0..<2 {
            for (file, result) in report.results {
                let all = result.findings
                #expect(rows(result, file, findings: all, scratch: scratch) == expectedRows(all))
                if all.count > 1 {
                    let some = Array(all.dropFirst())
                    #expect(rows(result, file, findings: some, scratch: scratch) == expectedRows(some))
                }
                for evaluation in result.evaluations {
                    ownHint += evaluation.findings.filter { $0.hint != evaluation.rule.hint }.count
                }
            }
        }
        #expect(ownHint > 0, "the examples hold findings with hints of their own")
        // Findings whose kind, paragraph or hint differ from their rule's, after the rule's
        // cells were kept: their own values are written. One hint differs from the rule's only
        // in being written with other bytes for the same text ("é" as e and an accent: `==` says
        // they are equal).
        let (file, result) = try #require(
            report.results.first { entry in
                entry.result.evaluations.contains { !$0.findings.isEmpty && $0.findings[0].citation.paragraph == $0.rule.paragraph }
            })
        let evaluation = try #require(
            result.evaluations.first { !$0.findings.isEmpty && $0.findings[0].citation.paragraph == $0.rule.paragraph })
        let original = evaluation.findings[0]
        let base = evaluation.rule
        let composed = "Record the caf\u{E9}'s reply."
        let decomposed = "Record the cafe\u{301}'s reply."
        #expect(composed == decomposed && Array(composed.utf8) != Array(decomposed.utf8))
        let rule = Rule(
            id: base.id, paragraph: base.paragraph, summary: base.summary, severity: base.severity, confidence: base.confidence,
            url: base.url, note: base.note, hint: composed, check: base.check, examples: [], location: base.location)
        func variant(kind: String? = nil, paragraph: String? = nil, hint: String?) -> Finding {
            Finding(
                complaint: original.complaint, rule: original.rule, pack: original.pack,
                check: .init(kind: kind ?? original.check.kind, event: original.check.event, stage: original.check.stage),
                severity: original.severity, status: original.status, message: original.message, anchor: original.anchor,
                due: original.due, actual: original.actual, workingDaysTaken: original.workingDaysTaken,
                workingDaysLate: original.workingDaysLate,
                citation: .init(
                    paragraph: paragraph ?? original.citation.paragraph, summary: original.citation.summary, url: original.citation.url,
                    source: original.citation.source),
                location: original.location, hint: hint, transition: original.transition)
        }
        let variants = [
            variant(hint: composed), variant(paragraph: "9.9", hint: "=a hint of its own"),
            variant(kind: "kind-of-its-own", hint: composed),
            variant(hint: decomposed), variant(hint: composed),
        ]
        for changed in variants {
            let evaluations = result.evaluations.map {
                $0.rule === base
                    ? RuleEvaluation(
                        rule: rule, pack: $0.pack, outcome: $0.outcome, findings: [changed], openDeadline: $0.openDeadline,
                        timing: $0.timing)
                    : $0
            }
            let altered = ComplaintResult(
                complaint: result.complaint, packs: result.packs, evaluations: evaluations, eventsAfterAsOf: result.eventsAfterAsOf,
                isJudged: result.isJudged)
            #expect(rows(altered, file, findings: [changed], scratch: scratch) == expectedRows([changed]))
        }
        #expect(expectedRow(variants[1]).contains(",9.9,") && expectedRow(variants[1]).hasSuffix(",'=a hint of its own\r\n"))
    }

    @Test func csvHasOneRowPerFinding() throws {
        let report = try Self.examplesReport()
        let rows = CSVFormat().render(report).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == report.findings.count + 1)
        #expect(rows[0].hasPrefix("file,line,column,complaint,rule"))
    }

    /// Text cells a spreadsheet would run are neutralised; numbers stay numbers (the worklist's
    /// negative days left, a count), so a spreadsheet sorts them.
    @Test(arguments: [
        ("-261", "-261"), ("-2.5", "-2.5"), ("+3", "+3"), ("12", "12"), ("-", "'-"), ("-2+3", "'-2+3"), ("=SUM(A1)", "'=SUM(A1)"),
        ("+44 1234 567890", "'+44 1234 567890"), ("@cmd", "'@cmd"), ("-1.", "'-1."), ("-.5", "'-.5"), ("1-2", "1-2"),
        ("-3,4", "\"'-3,4\""),
    ])
    func csvCellsNeutraliseFormulasButKeepNumbers(value: String, cell: String) {
        #expect(CSVText.cell(value) == cell)
    }

    @Test func githubAnnotationsAreEscaped() {
        let reporter = GitHubFormat()
        let line = reporter.command("error", SourceLocation(file: "a,b:c.yaml", line: 3, column: 5), title: "R [X]", "50% late\nnext")
        #expect(line == "::error file=a%2Cb%3Ac.yaml,line=3,col=5,title=R [X]::50%25 late%0Anext")
    }

    @Test func baselineSuppressesKnownFindingsOnly() throws {
        let report = try Self.examplesReport()
        let json = JSONFormat().render(report)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("chc-baseline-\(UUID().uuidString).json")
        try AtomicFile.write(json, to: file.path)
        defer { try? FileManager.default.removeItem(at: file) }
        let known = try Baseline.load(file.path)
        #expect(known.count == Set(report.findings.map(\.fingerprint)).count)
        let again = CheckReport(asOf: report.asOf, results: report.results, inputErrors: [], baseline: known)
        #expect(again.findings.isEmpty)
        #expect(again.summary.suppressedByBaseline == report.findings.count)
        // A new finding (a complaint not in the baseline) is still reported.
        let extra = try check("complaint: NEW\nevents:\n  - {date: 2025-01-06, type: complaint-received}\n", asOf: "2026-11-23")
        let withNew = CheckReport(
            asOf: report.asOf, results: report.results + [(file: "new.yaml", result: extra)], inputErrors: [], baseline: known)
        #expect(!withNew.findings.isEmpty && withNew.findings.allSatisfy { $0.complaint == "NEW" })
    }
}

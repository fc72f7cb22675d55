import Foundation
import Testing

@testable import CHCIngest
@testable import CHCModel
@testable import CHCOutput

/// Baselines read a finding at a time: JSON reports and JSON Lines, of any size the baseline's
/// own limit allows, and broken ones reported at their place.
@Suite struct BaselineTests {
    /// Writes `text` to a fresh temporary file with `suffix`; the caller removes it.
    static func file(_ text: String, suffix: String = ".json") throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chc-baseline-\(UUID().uuidString)\(suffix)")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func jsonAndJSONLinesReportsGiveTheSameFingerprints() throws {
        let report = try FormatTests.examplesReport()
        let expected = Set(report.findings.map(\.fingerprint))
        #expect(expected.count > 10)
        let json = try Self.file(JSONFormat().render(report))
        let lines = try Self.file(JSONLinesFormat().render(report), suffix: ".jsonl")
        defer { for path in [json, lines] { try? FileManager.default.removeItem(atPath: path) } }
        #expect(try Baseline.load(json) == expected)
        #expect(try Baseline.load(lines) == expected)
    }

    /// Objects cut by the 1 MiB chunks the file is read in are still read whole: a report of
    /// several MiB, each finding under a new complaint id.
    @Test func findingsAcrossChunkBoundariesAreReadWhole() throws {
        let report = try FormatTests.examplesReport()
        let oneRun = JSONLinesFormat().render(report)
        var text = ""
        var expected = Set<Fingerprint>()
        for copy in 0..<400 {
            text += oneRun.replacingOccurrences(of: "\"complaint\":\"INV-", with: "\"complaint\":\"C\(copy)-")
            for finding in report.findings {
                expected.insert(
                    Fingerprint(
                        complaint: finding.complaint.replacingOccurrences(of: "INV-", with: "C\(copy)-"), rule: finding.rule,
                        status: finding.status.rawValue, stage: finding.check.stage, due: finding.due?.description,
                        actual: finding.actual?.description, anchorDate: finding.anchor?.date.description))
            }
        }
        #expect(text.utf8.count > 3 << 20)
        let path = try Self.file(text, suffix: ".jsonl")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try Baseline.load(path) == expected)
    }

    @Test func aBaselineLargerThanItsLimitIsRefusedNamingTheOption() throws {
        let path = try Self.file(JSONFormat().render(try FormatTests.examplesReport()))
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let read = try Baseline.load(path, maxBytes: 1024)
            Issue.record("read \(read.count) fingerprints past the limit")
        } catch {
            #expect(error.description.contains("(raise it with --max-baseline-mb)"), "\(error.description)")
        }
    }

    static let finding =
        #"{"actual":null,"anchor":null,"check":{"kind":"deadline","stage":1},"complaint":"A-1","due":"2024-06-10","rule":"R-1","status":"overdue"}"#

    @Test(arguments: [
        // (file text, what the error says, its line)
        (#"{"complaints":[{"findings":["# + finding, "ends before its JSON is complete", 1),
        (#"{"complaints":[],"schemaVersion":2}"#, "is a baseline of schemaVersion 2; this chc reads 1", 1),
        (#"{"complaints":[]}"#, "has no `schemaVersion`", 1),
        (
            "{\n\"complaints\":[{\"findings\":[\n{\"complaint\":\"A-1\",\"status\":\"breach\",\"check\":{}}]}],\"schemaVersion\":1}",
            "is not a finding chc wrote (no `rule`)", 3
        ),
        ("{\"complaints\":[]}\n]", "closes nothing open", 2),
        ("{\"complaints\": @}", "has `@` where JSON was expected", 1),
        ("{\"complaints\":[],\"schemaVersion\":1}\ntrue", "has `t` where an object `{` was expected", 2),
        ("{\"complaints\":[],\"schemaVersion\":1}\n{\"complaints\":[],\"schemaVersion\":1}", "holds more than one JSON document", 2),
        (
            "{\"schemaVersion\":1,\"complaints\":[{\"findings\":[{\"complaint\":\"A\",\"rule\":1,\"status\":\"x\",\"check\":{}}]}]}",
            "`rule` is not what chc writes there", 1
        ),
    ])
    func aBrokenBaselineIsReportedAtItsPlace(text: String, says: String, line: Int) throws {
        let path = try Self.file(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let read = try Baseline.load(path)
            Issue.record("read \(read.count) fingerprints from a broken baseline")
        } catch {
            #expect(error.description.contains(says), "\(error.description)")
            #expect(error.problems.first?.location.line == line, "\(error.description)")
        }
    }

    @Test func aJSONLinesBaselineHoldsObjectsOnly() throws {
        let path = try Self.file(Self.finding + "\ngarbage true 12\n", suffix: ".jsonl")
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let read = try Baseline.load(path)
            Issue.record("read \(read.count) fingerprints from lines that are not objects")
        } catch {
            #expect(error.description.contains(":2:1: error: has `g` where an object `{` was expected"), "\(error.description)")
        }
    }

    @Test func aLargeBaselineIsNotBoundByTheInputFileLimit() throws {
        // A baseline over --max-file-mb (1 MiB here) is read under its own limit: the run's
        // findings, then as many again under other complaint ids.
        let report = try FormatTests.examplesReport()
        var text = JSONLinesFormat().render(report)
        for copy in 1..<300 {
            text += JSONLinesFormat().render(report).replacingOccurrences(of: "\"complaint\":\"INV-", with: "\"complaint\":\"C\(copy)-")
        }
        #expect(text.utf8.count > 1 << 20)
        let path = try Self.file(text, suffix: ".jsonl")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let args = ["check", "Examples/invented", "--as-of", "2026-11-23", "--max-file-mb", "1", "--format", "json", "--baseline", path]
        let run = try CommandLineTests.run(args)
        #expect(run.status == 0, "\(run.out.suffix(2000))\(run.err)")
        #expect(run.out.contains("\"suppressedByBaseline\":\(report.findings.count)"), "\(run.out.suffix(2000))")
        let tight = try CommandLineTests.run(args + ["--max-baseline-mb", "1"])
        #expect(tight.status == 2 && tight.out.contains("--max-baseline-mb"), "\(tight.out)\(tight.err)")
    }
}

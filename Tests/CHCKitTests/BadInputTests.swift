import Foundation
import Testing

@testable import CHCChecks
@testable import CHCIngest
@testable import CHCModel
@testable import CHCOutput

/// The bad-input corpus (`BadInput/`): every file is rejected with a located, specific error —
/// never a crash, never silence. `BadInput/expected.tsv` lists, per file, the line, column and
/// a fragment of the message expected (run with `CHC_PRINT_BAD_INPUT=1` to see what each gives).
@Suite struct BadInputTests {
    static let folder = path("Tests/CHCKitTests/BadInput")

    /// The problems a file gives when read by the reader for its folder.
    static func problems(_ relative: String) -> [InputProblem] {
        let file = (folder as NSString).appendingPathComponent(relative)
        let kind = relative.split(separator: "/").first.map(String.init) ?? ""
        do {
            switch kind {
            case "timeline": _ = try TimelineYAML.load(file)
            case "rulepack": _ = try RulePackYAML.load(file)
            case "policy": _ = try PolicyYAML.load(file)
            case "csv":
                let (_, errors) = EventLogCSV.load(file)
                return errors.flatMap(\.problems)
            default: return []
            }
            return []
        } catch {
            return error.problems
        }
    }

    static func expectations() throws -> [(file: String, line: Int, column: Int, fragment: String)] {
        let text = try String(contentsOfFile: (folder as NSString).appendingPathComponent("expected.tsv"), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { row in
            let cells = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == 4, let line = Int(cells[1]), let column = Int(cells[2]) else { return nil }
            return (cells[0], line, column, cells[3])
        }
    }

    @Test func everyCaseIsRejectedWhereAndHowExpected() throws {
        let cases = try Self.expectations()
        let onDisk = try ["timeline", "rulepack", "policy", "csv"].flatMap { kind in
            try FileManager.default.contentsOfDirectory(atPath: (Self.folder as NSString).appendingPathComponent(kind)).map {
                "\(kind)/\($0)"
            }
        }
        if ProcessInfo.processInfo.environment["CHC_PRINT_BAD_INPUT"] == "1" {
            for file in onDisk.sorted() {
                let first = Self.problems(file).first
                print("\(file)\t\(first?.location.line ?? 0)\t\(first?.location.column ?? 0)\t\(first?.message ?? "NO ERROR")")
            }
        }
        #expect(cases.count >= 50)
        #expect(Set(cases.map(\.file)) == Set(onDisk), "every file in BadInput/ has an expectation and every expectation a file")
        for expected in cases {
            let found = Self.problems(expected.file)
            #expect(
                found.contains {
                    $0.location.line == expected.line && $0.location.column == expected.column && $0.message.contains(expected.fragment)
                },
                "\(expected.file): expected \(expected.line):\(expected.column) “\(expected.fragment)”, got \(found.map { "\($0.location.line):\($0.location.column) \($0.message)" })"
            )
            #expect(found.allSatisfy { $0.location.file.hasSuffix(expected.file) }, "\(expected.file): an error names another file")
        }
    }

    @Test func aBatchWithBadFilesStillChecksTheGoodOnesAndExitsTwo() throws {
        let batch = TimelineBatch.load(paths: [
            path("Examples/invented"), (Self.folder as NSString).appendingPathComponent("timeline/unknown-type.yaml"),
            (Self.folder as NSString).appendingPathComponent("csv/bad-date.csv"),
        ])
        #expect(batch.entries.count == 7)
        #expect(batch.errors.count == 2)
        let report = CheckReport(asOf: date("2026-11-23"), results: [], inputErrors: batch.errors)
        #expect(report.exitCode(failOn: .error) == 2)
    }
}

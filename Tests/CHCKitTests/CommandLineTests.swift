import Foundation
import Testing

@testable import CHCChecks

/// The `chc` executable as a user runs it: outputs and exit codes (0 clean, 1 findings, 2 bad input).
@Suite struct CommandLineTests {
    static let binary = path(".build/debug/chc")

    static func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    @Test func daysCountsAndDueDates() throws {
        #expect(try Self.run(["days", "2022-10-13", "2022-11-01"]).out == "13\n")
        #expect(try Self.run(["days", "2024-05-04", "+5", "--received"]).out == "2024-05-14\n")
        #expect(
            try Self.run(["days", "2022-09-16", "2022-09-20", "--explain"]).out.contains(
                "Bank Holiday for the State Funeral of Queen Elizabeth II"))
    }

    @Test(arguments: ["2023-02-30", "2023-13-01", "hello"])
    func badDatesExitTwo(date: String) throws {
        let result = try Self.run(["days", date, "+1"])
        #expect(result.status == 2)
        #expect(result.err.contains("is not a valid date"))
    }

    @Test func checkExitCodes() throws {
        #expect(try Self.run(["check", "Examples/", "--as-of", "2026-11-23"]).status == 1)
        #expect(try Self.run(["check", "Examples/invented/on-time-with-agreed-hold.yaml", "--as-of", "2026-11-23"]).status == 0)
        #expect(try Self.run(["check", "Examples/", "--as-of", "2026-11-23", "--fail-on", "never"]).status == 0)
        let bad = try Self.run([
            "check", "Examples/invented", "Tests/CHCKitTests/BadInput/timeline/unknown-type.yaml", "--as-of", "2026-11-23",
        ])
        #expect(bad.status == 2)
        #expect(bad.out.contains("7 complaints"))
        #expect(try Self.run(["check", "Examples/", "--format", "xml"]).status == 2)
    }

    @Test func rulesNamesOnePackForEveryComplaintByIdOrFile() throws {
        let file = "Examples/luton-202229082.yaml"  // received 13 October 2022: the 2022 Code by date
        func packs(_ extra: [String]) throws -> [String] {
            let result = try Self.run(["check", file, "--as-of", "2026-11-23", "--format", "json", "--fail-on", "never"] + extra)
            let json = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as! [String: Any]
            return ((json["complaints"] as! [[String: Any]])[0]["packs"] as! [String])
        }
        #expect(try packs([]) == ["hos-2022"])
        #expect(try packs(["--rules", "hos-2024"]) == ["hos-2024"])
        #expect(try packs(["--rules", "Rules/hos-2020.yaml"]) == ["hos-2020"])
        let unknown = try Self.run(["check", file, "--rules", "hos-2099"])
        #expect(unknown.status == 2)
        #expect(unknown.err.contains("--rules `hos-2099` is neither a pack id nor a file"), "\(unknown.err)")
    }

    @Test func aCSVLogCheckedOnEveryCoreIsOneJSONDocument() throws {
        // One CSV log is checked by a thread per core; the comma between complaints is written
        // by the thread that merges their output, so the document must still parse.
        let file = try temporaryCSV(ReportFoldTests.log(count: 300))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let result = try Self.run(["check", file, "--as-of", "2026-11-23", "--format", "json", "--fail-on", "never"])
        #expect(result.status == 0, "\(result.err)")
        let json = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as! [String: Any]
        let complaints = json["complaints"] as! [[String: Any]]
        #expect(complaints.count == 300)
        #expect(Set(complaints.map { $0["id"] as! String }).count == 300)
        #expect((json["summary"] as! [String: Any])["complaints"] as? Int == 300)
    }

    @Test func neverWritesOverAnInput() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("chc-input-\(UUID().uuidString).yaml")
        try FileManager.default.copyItem(atPath: path("Examples/invented/same-handler-at-stage-2.yaml"), toPath: copy.path)
        defer { try? FileManager.default.removeItem(at: copy) }
        let before = try Data(contentsOf: copy)
        let result = try Self.run(["check", copy.path, "--output", copy.path])
        #expect(result.status == 2)
        #expect(try Data(contentsOf: copy) == before)
    }

    @Test func everyBadInputExitsTwo() throws {
        let folder = path("Tests/CHCKitTests/BadInput")
        for kind in ["timeline", "csv", "policy", "rulepack"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: "\(folder)/\(kind)").sorted() {
                let file = "Tests/CHCKitTests/BadInput/\(kind)/\(name)"
                let arguments =
                    switch kind {
                    case "policy": ["lint", file]
                    case "rulepack": ["rules", "test", file]
                    default: ["check", file, "--as-of", "2026-11-23"]
                    }
                let result = try Self.run(arguments)
                #expect(result.status == 2, "\(file) exited \(result.status)")
                #expect((result.out + result.err).contains(file), "\(file): the error does not name the file")
            }
        }
    }

    @Test func lintAndRules() throws {
        #expect(try Self.run(["lint", "Examples/policies/compliant-2024.yaml"]).status == 0)
        #expect(try Self.run(["lint", "Examples/policies/poor-2024.yaml"]).status == 1)
        #expect(try Self.run(["lint", "Tests/CHCKitTests/BadInput/policy/unknown-key.yaml"]).status == 2)
        let tested = try Self.run(["rules", "test"])
        #expect(tested.status == 0 && tested.out.contains("70 passed, 0 failed"))
        #expect(try Self.run(["rules", "show", "HOS2024-6.3"]).out.contains("paragraph:  6.3"))
    }

    @Test func formatValuesComeFromTheRegistry() throws {
        let bad = try Self.run(["check", "Examples/", "--format", "jsn"])
        #expect(bad.status == 2)
        for format in ["text", "json", "sarif", "junit", "github", "csv"] { #expect(bad.err.contains("- \(format)\n"), "\(bad.err)") }
        #expect(!bad.err.contains("- html"))
        let help = try Self.run(["report", "--help"]).out
        #expect(help.contains("values: text, json, csv, html"), "\(help)")
        let lint = try Self.run(["lint", "Examples/policies/compliant-2024.yaml", "--format", "html"])
        #expect(lint.status == 2 && lint.err.contains("markdown"), "\(lint.err)")
    }

    @Test func typedOptionsAreCheckedBeforeAnythingRuns() throws {
        let asOf = try Self.run(["check", "Examples/", "--as-of", "2026-11-31"])
        #expect(asOf.status == 2 && asOf.err.contains("November 2026 has 30 days"), "\(asOf.err)")
        let limit = try Self.run(["check", "Examples/", "--max-file-mb", "0"])
        #expect(limit.status == 2 && limit.err.contains("--max-file-mb should be at least 1"), "\(limit.err)")
        let period = try Self.run(["report", "Examples/", "--from", "2025-04-01", "--to", "2024-03-31"])
        #expect(period.status == 2 && period.err.contains("--from 2025-04-01 is after --to 2024-03-31"), "\(period.err)")
        let region = try Self.run(["days", "2024-12-20", "+10", "--calendar", "scotlnd"])
        #expect(region.status == 2 && region.err.contains("did you mean `scotland`"), "\(region.err)")
    }

    @Test func rulesKindsListsTheRegistry() throws {
        let out = try Self.run(["rules", "kinds"]).out
        for kind in CheckKinds.standard.names {
            #expect(out.contains("\(kind): "), "\(out)")
        }
    }
}

import Foundation
import Testing

@testable import CHCChecks
@testable import CHCOutput

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The `chc` executable as a user runs it: outputs and exit codes (0 clean, 1 findings, 2 bad input).
@Suite struct CommandLineTests {
    static let binary = path(".build/debug/chc")

    /// Runs chc (or, `viaShell`, the program the arguments name) in the package root, or in
    /// `folder` with `environment` added.
    static func run(
        _ arguments: [String], viaShell: Bool = false, executable: String = binary, in folder: String = packageRoot,
        environment: [String: String]? = nil
    ) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: viaShell ? arguments[0] : executable)
        process.arguments = viaShell ? Array(arguments.dropFirst()) : arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        if let environment {
            process.environment = ProcessInfo.processInfo.environment.filter { $0.key != "CHC_RULES" }.merging(environment) { $1 }
        }
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

    /// `-N` counts back (not read as an option); a closure without a reason is "closure".
    @Test func daysCountsBackAndNamesClosures() throws {
        #expect(try Self.run(["days", "2024-01-02", "-3"]).out == "2023-12-27\n")
        #expect(try Self.run(["days", "2024-01-02", "-0"]).out == "2024-01-02\n")
        let unknown = try Self.run(["days", "2024-01-02", "-x"])
        #expect(unknown.status == 2 && unknown.err.contains("Unknown option '-x'"), "\(unknown.err)")
        let twice = try Self.run(["days", "2024-01-02", "+1", "+2"])
        #expect(twice.status == 2 && twice.err.contains("expected one TO after FROM, got: +1 +2"), "\(twice.err)")
        let closures = FileManager.default.temporaryDirectory.appendingPathComponent("chc-closures-\(UUID().uuidString).yaml").path
        try "- 2024-12-27\n".write(toFile: closures, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: closures) }
        let explained = try Self.run(["days", "2024-12-20", "+5", "--closures", closures, "--explain"]).out
        #expect(explained.contains("with 1 closure day;") && explained.contains("  2024-12-27  closure\n"), "\(explained)")
        #expect(
            try Self.run(["days", "2024-12-30", "-3", "--closures", closures, "--explain"]).out
                == """
                2024-12-20
                the 3rd working day before Mon 30 Dec 2024 is Fri 20 Dec 2024
                calendar: england-and-wales with 1 closure day; 7 non-working days skipped
                  2024-12-21  Saturday
                  2024-12-22  Sunday
                  2024-12-25  bank holiday: Christmas Day
                  2024-12-26  bank holiday: Boxing Day
                  2024-12-27  closure
                  2024-12-28  Saturday
                  2024-12-29  Sunday

                """)
    }

    /// `chc init` writes a policy that lints clean and a timeline that checks clean (both
    /// written as people write lengths: `10 working days`), and never overwrites a file.
    @Test func initWritesAValidStartAndNeverOverwrites() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chc-init-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let made = try Self.run(["init", folder])
        #expect(made.status == 0 && made.out.contains("chc lint \(folder)/chc-policy.yaml"), "\(made)")
        let policy = "\(folder)/chc-policy.yaml"
        let timeline = "\(folder)/example-timeline.yaml"
        let written = try String(contentsOfFile: policy, encoding: .utf8)
        #expect(written.contains("respond: 10 working days"))
        let lint = try Self.run(["lint", policy])
        #expect(lint.status == 0 && lint.out.contains("15 met, 0 not met, 3 not stated"), "\(lint)")
        let check = try Self.run(["check", timeline, "--policy", policy, "--as-of", "2026-11-23"])
        #expect(check.status == 0 && check.out.contains("1 complaint, 0 breaches"), "\(check)")
        // Timescales the same as the Code's, counted the same way, repeat none of its findings.
        let plain = try Self.run(["check", "Examples/csv/events.csv", "--as-of", "2026-11-23"]).out
        let layered = try Self.run(["check", "Examples/csv/events.csv", "--policy", policy, "--as-of", "2026-11-23"]).out
        #expect(plain.split(separator: "\n").last == layered.split(separator: "\n").last, "\(layered)")
        // Again: refused, and nothing changed. With one of the two missing: still nothing written.
        try "mine\n".write(toFile: policy, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: timeline)
        let again = try Self.run(["init", folder])
        #expect(again.status == 2 && again.err.contains("chc-policy.yaml already exists; chc never overwrites a file"), "\(again)")
        #expect(try String(contentsOfFile: policy, encoding: .utf8) == "mine\n")
        #expect(!FileManager.default.fileExists(atPath: timeline))
    }

    /// `--rules` names the pack for the cases it judges: a complaint pack leaves hazard cases to
    /// their own pack, and a policy is never layered on a hazard case.
    @Test func rulesAndPolicyApplyToTheirKindOfCase() throws {
        let run = try Self.run([
            "check", "Examples/hazards", "--rules", "hos-2024", "--policy", "Examples/policies/luton-2022.yaml", "--as-of", "2026-11-23",
        ])
        #expect(run.out.contains("HZ-0002 (Examples/hazards/emergency-over-a-weekend.yaml), judged by awaab-2025: 1 breach"), "\(run.out)")
        #expect(run.out.contains("INV-0101 (Examples/hazards/complaint-about-damp.yaml), judged by hos-2024 + luton-2022"), "\(run.out)")
        let lint = try Self.run(["lint", "Examples/policies/compliant-2024.yaml", "--code", "awaab-2025"])
        #expect(lint.status == 2 && lint.err.contains("unknown --code `awaab-2025`"), "\(lint.err)")
    }

    /// A report of a period an export's cases fall outside says so, not a quiet year.
    @Test func aReportSaysHowManyCasesFellOutsideItsPeriod() throws {
        let outside = try Self.run(["report", "Examples/csv/events.csv", "--as-of", "2026-11-23"])
        #expect(
            outside.out.contains(
                "0 complaints received at stage 1, 0 escalated to stage 2\n2 cases read from outside the period, not counted\n"))
        let inside = try Self.run([
            "report", "Examples/csv/events.csv", "--as-of", "2025-06-30", "--from", "2025-01-01", "--to", "2025-03-31",
        ])
        #expect(!inside.out.contains("outside the period"), "\(inside.out)")
    }

    /// `chc` alone prints its help (every command listed), not an error.
    @Test func bareChcPrintsHelp() throws {
        let bare = try Self.run([])
        #expect(bare.status == 0 && bare.out.contains("USAGE: chc <subcommand>"), "\(bare)")
        for command in ["check", "due", "report", "lint", "rules", "days", "init"] { #expect(bare.out.contains("  \(command) ")) }
    }

    /// Counts read as English in every summary: "1 complaint", "1 warning", "1 breach".
    @Test func summariesSayOneNotOnes() throws {
        let github = try Self.run(["check", "Examples/luton-202229082.yaml", "--format", "github", "--as-of", "2026-11-23"])
        #expect(github.out.hasSuffix("\n1 complaint, 3 breaches (2 errors, 1 warning), 1 not evaluable\n"), "\(github.out)")
        let text = try Self.run(["check", "Examples/invented/same-handler-at-stage-2.yaml", "--as-of", "2026-11-23"])
        #expect(text.out.contains("\n1 complaint, 1 breach (1 error, 0 warnings)"), "\(text.out)")
    }

    /// Every command's help, on an 80-column terminal, shows each example whole on its line:
    /// the examples are copied and pasted, so a wrapped one is a broken one.
    @Test func helpExamplesAreNeverWrapped() throws {
        let top = try Self.run(["--help"]).out
        let commands = top.components(separatedBy: "SUBCOMMANDS:\n").last!.split(separator: "\n")
            .compactMap { line in line.hasPrefix("  ") && !line.hasPrefix("   ") ? line.split(separator: " ").first.map(String.init) : nil }
        #expect(commands.contains("check") && commands.contains("init") && commands.contains("days"), "\(commands)")
        var examples = 0
        for command in commands {
            let help = try Self.run(["/usr/bin/env", "COLUMNS=80", Self.binary, command, "--help"], viaShell: true).out
            let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
            for (i, line) in lines.enumerated() where line.hasPrefix("  chc ") {
                examples += 1
                let next = i + 1 < lines.count ? lines[i + 1] : ""
                #expect(next.isEmpty || next.hasPrefix("  "), "chc \(command) --help: the example `\(line)` is wrapped onto `\(next)`")
            }
        }
        #expect(examples >= 10)
    }

    /// `rules export` writes the built-in packs out, byte for byte, as a folder `--rules-dir`
    /// reads; never over a file.
    @Test func rulesExportWritesTheBuiltInPacks() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chc-export-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try Self.run(["rules", "export", folder]).status == 0)
        for name in try FileManager.default.contentsOfDirectory(atPath: path("Rules")) where name.hasSuffix(".yaml") {
            #expect(FileManager.default.contentsEqual(atPath: "\(folder)/\(name)", andPath: path("Rules/\(name)")), "\(name)")
        }
        #expect(try Self.run(["rules", "test", "--rules-dir", folder]).out.contains("80 passed, 0 failed"))
        let again = try Self.run(["rules", "export", folder])
        #expect(again.status == 2 && again.err.contains("chc never overwrites a file"), "\(again.err)")
        #expect(
            try Self.run(["rules", "show", "HOS2024-6.3"]).out.contains("(built into chc; `chc rules export DIR` writes the packs out)"))
    }

    /// A map that cannot be read stops the run with its own error alone, not a second one about
    /// the export's header read without it.
    @Test func aBrokenMapIsItsOwnErrorAlone() throws {
        let map = FileManager.default.temporaryDirectory.appendingPathComponent("chc-map-\(UUID().uuidString).yaml").path
        try "columns:\n  complaint_id: Case Ref\n  handlr: Officer\n".write(toFile: map, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: map) }
        let run = try Self.run(["check", "Examples/csv/housing-system-export.csv", "--map", map, "--as-of", "2026-11-23"])
        #expect(run.status == 2 && run.err.contains("unknown column `handlr`, did you mean `handler`?"), "\(run.err)")
        #expect(!run.err.contains("header"), "\(run.err)")
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

    /// A folder of exports is checked whole: CSV event logs beside YAML timelines; a CSV that is
    /// plainly not an event log is skipped and named; a folder with nothing to check is an error.
    @Test func aFolderOfExportsIsCheckedWholeAndAnEmptyOneIsAnError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chc-exports-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/2025-02", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: path("Examples/csv/events.csv"), toPath: folder + "/2025-01.csv")
        try Data(
            """
            complaint_id,date,event,stage
            FEB-1,2025-02-03,complaint-received,1
            FEB-1,2025-02-12,acknowledged,1
            FEB-2,2025-02-04,complaint-received,1
            FEB-2,2025-02-05,acknowledged,1

            """.utf8
        ).write(to: URL(fileURLWithPath: folder + "/2025-02/export.CSV"))
        try FileManager.default.copyItem(
            atPath: path("Examples/invented/hold-not-agreed.yaml"), toPath: folder + "/timeline.yaml")
        try FileManager.default.copyItem(
            atPath: path("Examples/csv/housing-system-export.csv"), toPath: folder + "/other-system.csv")
        let oneByOne = try ["2025-01.csv", "2025-02/export.CSV", "timeline.yaml"].map { name in
            try Self.run(["check", folder + "/" + name, "--as-of", "2026-11-23", "--format", "csv"]).out
                .split(whereSeparator: \.isNewline).dropFirst()  // CSV lines end in CRLF
        }
        let whole = try Self.run(["check", folder, "--as-of", "2026-11-23", "--format", "csv"])
        #expect(whole.status == 1, "\(whole.err)")
        #expect(Set(whole.out.split(whereSeparator: \.isNewline).dropFirst()) == Set(oneByOne.joined()), "\(whole.out)")
        #expect(oneByOne.joined().count > 5)
        let text = try Self.run(["check", folder, "--as-of", "2026-11-23"]).out
        let complaints = try Self.run(["check", path("Examples/csv/events.csv"), "--as-of", "2026-11-23"]).out
        let count = Int(complaints.split(separator: "\n").last!.split(separator: " ")[0])!
        #expect(text.contains("\n\(count + 3) complaints, "), "\(text)")
        #expect(text.contains("skipped \(folder)/other-system.csv: a CSV file whose header has none of `complaint_id`, `date`, `event`"))
        // A file named and also found in a named folder is read once.
        let twice = try Self.run(["check", folder, folder + "/2025-01.csv", folder + "//timeline.yaml", "--as-of", "2026-11-23"])
        #expect(twice.status == 1 && twice.out.contains("\n\(count + 3) complaints, "), "\(twice.out)\(twice.err)")
        // Nothing to check: an error (exit 2) for every command, never a clean pass.
        let empty = folder + "/2025-03"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        for command in ["check", "due", "report"] {
            let run = try Self.run([command, empty, "--as-of", "2026-11-23"])
            #expect(run.status == 2 && run.err.contains("nothing to check: no complaint was found in \(empty)"), "\(command): \(run.err)")
        }
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

    /// On a terminal the text report is coloured, unless NO_COLOR is set (no-color.org) or
    /// --no-color is given. Run under `script`, which gives the command a terminal.
    @Test func noColorIsHonoured() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        func run(_ environment: String, _ extra: String = "") throws -> String {
            try Self.run(
                [
                    "/usr/bin/script", "-qc", "\(environment) \(Self.binary) check Examples/invented --as-of 2026-11-23 \(extra)",
                    "/dev/null",
                ], viaShell: true
            ).out
        }
        #expect(try run("env -u NO_COLOR").contains("\u{1B}[31m"))
        #expect(try !run("env NO_COLOR=1").contains("\u{1B}["))
        #expect(try !run("env -u NO_COLOR", "--no-color").contains("\u{1B}["))
    }

    /// A binary copied out of the package, run from another folder, still has the Code packs
    /// (built in); `CHC_RULES` and `--rules-dir` still replace them, and a missing folder is an error.
    @Test func aCopiedBinaryHasThePacksAndAFolderOverridesThem() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chc-anywhere-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/packs", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: Self.binary, toPath: folder + "/chc")
        try FileManager.default.copyItem(atPath: path("Examples/luton-202229082.yaml"), toPath: folder + "/case.yaml")
        let pack = try String(contentsOfFile: path("Rules/hos-2024.yaml"), encoding: .utf8)
        try pack.replacingOccurrences(of: "pack: hos-2024", with: "pack: hos-2024-local")
            .write(toFile: folder + "/packs/local.yaml", atomically: true, encoding: .utf8)
        // The copy, run there, with no CHC_RULES unless one is given.
        func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
            try Self.run(arguments, executable: folder + "/chc", in: folder, environment: environment)
        }
        let inPackage = try Self.run(["check", "Examples/luton-202229082.yaml", "--as-of", "2026-11-23"])
        let anywhere = try run(["check", "case.yaml", "--as-of", "2026-11-23"])
        #expect(anywhere.status == 1 && anywhere.err.isEmpty, "\(anywhere.err)")
        #expect(anywhere.out == inPackage.out.replacingOccurrences(of: "Examples/luton-202229082.yaml", with: "case.yaml"))
        #expect(try run(["rules", "list"]).out.contains("hos-2024 — "))
        #expect(try run(["rules", "list"], environment: ["CHC_RULES": "packs"]).out.hasPrefix("hos-2024-local — "))
        #expect(try run(["rules", "list", "--rules-dir", "packs"]).out.hasPrefix("hos-2024-local — "))
        let missing = try run(["rules", "list"], environment: ["CHC_RULES": "no-such-folder"])
        #expect(
            missing.status == 2 && missing.err.contains("no-such-folder: no such folder of rule packs (from CHC_RULES)"), "\(missing.err)")
    }

    @Test func lintAndRules() throws {
        #expect(try Self.run(["lint", "Examples/policies/compliant-2024.yaml"]).status == 0)
        #expect(try Self.run(["lint", "Examples/policies/poor-2024.yaml"]).status == 1)
        #expect(try Self.run(["lint", "Tests/CHCKitTests/BadInput/policy/unknown-key.yaml"]).status == 2)
        // A config that names an older Code is checked against the latest, and told so.
        let older = try Self.run(["lint", "Examples/policies/luton-2022.yaml"])
        #expect(
            older.err.contains(
                "note: Examples/policies/luton-2022.yaml says `code: hos-2022`; checked against hos-2024, the latest Code (--code hos-2022 checks it against the one it names)"
            ), "\(older.err)")
        #expect(try !Self.run(["lint", "Examples/policies/luton-2022.yaml", "--code", "hos-2022"]).err.contains("note:"))
        let tested = try Self.run(["rules", "test"])
        #expect(tested.status == 0 && tested.out.contains("80 passed, 0 failed"))
        #expect(try Self.run(["rules", "show", "HOS2024-6.3"]).out.contains("paragraph:  6.3"))
        // A timeline given to `rules test` or `lint` is one error saying to check it.
        for command in [["rules", "test"], ["lint"]] {
            let timeline = try Self.run(command + ["Examples/luton-202229082.yaml"])
            #expect(
                timeline.status == 2
                    && timeline.err.hasSuffix(
                        "is a complaint timeline, not a "
                            + (command == ["lint"] ? "complaints-process config" : "rule pack")
                            + ": check it with `chc check Examples/luton-202229082.yaml`\n"),
                "\(timeline.err)")
        }
        // A policy config given to `rules test` is one error saying to lint it.
        let policy = try Self.run(["rules", "test", "Examples/policies/compliant-2024.yaml"])
        #expect(
            policy.status == 2
                && policy.err
                    == "Examples/policies/compliant-2024.yaml:3:1: error: is a landlord policy config, not a rule pack: check it against the Code with `chc lint Examples/policies/compliant-2024.yaml`, or judge complaints by it with `--policy`\n",
            "\(policy.err)")
        // A pack that does not exist is an error naming the packs; ids are matched in any case.
        let unknown = try Self.run(["rules", "list", "--pack", "hos2024"])
        #expect(
            unknown.status == 2
                && unknown.err.contains("no pack `hos2024`, did you mean `hos-2024`? (the packs: awaab-2025, hos-2020, hos-2022, hos-2024)"),
            "\(unknown.err)")
        let upper = try Self.run(["rules", "list", "--pack", "HOS-2022"])
        #expect(upper.status == 0 && upper.out.hasPrefix("hos-2022 — ") && !upper.out.contains("hos-2024 — "), "\(upper.out)")
        #expect(try Self.run(["rules", "show", "hos2024-6.3"]).out.contains("paragraph:  6.3"))
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
        let huge = try Self.run(["check", "Examples/", "--format", "sarif", "--max-results", "9223372036854775807"])
        #expect(huge.status == 2 && huge.err.contains("--max-results should be between 1 and 10000000"), "\(huge.err)")
        let maxResults = try Self.run(["check", "Examples/", "--max-results", "5"])
        #expect(maxResults.status == 2 && maxResults.err.contains("--max-results applies to --format sarif only"), "\(maxResults.err)")
        let sarif = try Self.run(["check", "Examples/", "--as-of", "2026-11-23", "--format", "sarif", "--max-results", "5"])
        #expect(sarif.status == 1 && sarif.err.contains("note: the SARIF output holds 5 of the "), "\(sarif.err)")
        #expect(sarif.out.contains("\"resultsLeftOut\" : "))
        // A size in MiB that would wrap round when counted in bytes is refused, not wrapped.
        for option in ["--max-file-mb", "--max-baseline-mb"] {
            let huge = try Self.run(["check", "Examples/", option, "9223372036854775807"])
            #expect(huge.status == 2 && huge.err.contains("\(option) should be at most 1048576 (1 TiB)"), "\(huge.err)")
        }
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

    /// Output that cannot be written is an error, never a crash or a silent success.
    @Test(arguments: [
        ["check", "Examples/", "--as-of", "2026-11-23"], ["check", "Examples/", "--as-of", "2026-11-23", "--format", "sarif"],
        ["due", "Examples/", "--as-of", "2026-11-23"], ["report", "Examples/", "--as-of", "2026-11-23"],
        ["lint", "Examples/policies/poor-2024.yaml"], ["days", "2022-10-13", "2022-11-01"], ["rules", "list"], ["rules", "kinds"],
    ])
    func aFullDiskIsAnError(arguments: [String]) throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let result = try Self.run(
            arguments + ["--output", "/dev/full"].filter { _ in ["check", "due", "report", "lint"].contains(arguments[0]) })
        if ["check", "due", "report", "lint"].contains(arguments[0]) {
            #expect(result.status == 2 && result.err.contains("cannot write /dev/full: No space left on device"), "\(result.err)")
        }
        // Standard output itself on a full disk.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let err = Pipe()
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2 && message.contains("cannot write standard output: No space left on device"), "\(message)")
    }

    /// A file system that fills up while the report is written (a 16 KiB tmpfs, mounted in a
    /// user namespace where the machine allows it): an error, the old report kept as it was, no
    /// temporary file left. Each format that writes through a temporary file is tried.
    @Test(arguments: ["json", "sarif", "junit", "csv"])
    func aFileSystemThatFillsUpKeepsTheOldReport(format: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chc-full-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let script = """
            mount -t tmpfs -o size=16k tmpfs "$1" || exit 77
            printf old > "$1/report"
            "$2" check Examples/ --as-of 2026-11-23 --format "$3" --output "$1/report" 2>"$1/../chc-full-stderr-$$"
            echo "status=$?"
            echo "stderr=$(cat "$1/../chc-full-stderr-$$")"; rm -f "$1/../chc-full-stderr-$$"
            echo "files=$(ls -A "$1" | tr '\n' ' ')"
            echo "content=$(cat "$1/report")"
            """
        let result = try Self.run(["/usr/bin/unshare", "-rm", "sh", "-c", script, "sh", folder, Self.binary, format], viaShell: true)
        guard result.status != 77, !result.err.contains("unshare:") else {
            print("skipped: this machine cannot mount a tmpfs in a user namespace (\(result.err))")
            return
        }
        #expect(result.out.contains("status=2"), "\(result.out)\(result.err)")
        #expect(result.out.contains("No space left on device"), "\(result.out)")
        #expect(result.out.contains("files=report \n"), "\(result.out)")
        #expect(result.out.contains("content=old"), "\(result.out)")
    }

    /// SARIF is written as each complaint is checked: its rule list is every rule the run may
    /// evaluate, known before the first result. The streamed document must be the one spooled
    /// for `--max-results` when nothing is left out, valid against the official schema, list
    /// every loaded pack's rules, and point each result's `ruleIndex` at its own rule: YAML
    /// batches and one CSV log (read by both threads), with a policy, with input problems only,
    /// and with no result at all (every finding in the baseline).
    @Test func sarifStreamedIsTheSpooledDocumentAndEveryRuleIndexIsRight() throws {
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("chc-bad-\(UUID().uuidString).csv").path
        try "complaint_id,date,event\nC1,2024-13-01,complaint-received\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let baseline = FileManager.default.temporaryDirectory.appendingPathComponent("chc-base-\(UUID().uuidString).json").path
        defer { for file in [bad, baseline] { try? FileManager.default.removeItem(atPath: file) } }
        let recorded = try Self.run(["check", "Examples/csv/events.csv", "--as-of", "2026-11-23", "--format", "json", "--output", baseline])
        #expect(recorded.status == 1, "\(recorded.err)")
        for inputs in [
            ["Examples/"], ["Examples/", bad], [bad], ["Examples/csv/events.csv"],
            ["Examples/csv/events.csv", "--policy", "Examples/policies/compliant-2024.yaml"],
            ["Examples/csv/events.csv", "--baseline", baseline],
        ] {
            let streamed = try Self.run(["check"] + inputs + ["--as-of", "2026-11-23", "--format", "sarif"])
            let spooled = try Self.run(["check"] + inputs + ["--as-of", "2026-11-23", "--format", "sarif", "--max-results", "10000000"])
            #expect(streamed.status == spooled.status, "\(inputs): \(streamed.err)")
            #expect(inputs.contains("--baseline") ? !streamed.out.contains("\"ruleId\"") : streamed.out.contains("\"ruleId\""))
            #expect(streamed.out == spooled.out, "\(inputs)")
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("chc-\(UUID().uuidString).sarif")
            try streamed.out.write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            let (status, output) = try FormatTests.python(
                """
                import json, sys, jsonschema
                schema = json.load(open(sys.argv[1])); doc = json.load(open(sys.argv[2]))
                errors = list(jsonschema.Draft7Validator(schema).iter_errors(doc))
                for e in errors[:5]: print(list(e.path), e.message)
                run = doc["runs"][0]; rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
                for r in run["results"]:
                    if "ruleIndex" in r and rules[r["ruleIndex"]] != r["ruleId"]: errors.append("index of " + r["ruleId"])
                    if "ruleIndex" not in r and r["ruleId"] != "chc/input-error": errors.append("no index for " + r["ruleId"])
                print(len(run["results"]), "results;", " ".join(rules))
                sys.exit(1 if errors else 0)
                """, [path("Tests/CHCKitTests/Fixtures/sarif-schema-2.1.0.json"), file.path])
            #expect(status == 0, "\(output)")
            for rule in ["HOS2020-acknowledge", "HOS2022-5.1", "HOS2024-6.2", "AWAAB-emergency", "chc/no-code-in-force"] {
                #expect(output.contains(" \(rule)"), "\(output)")
            }
            if inputs.contains("--policy") { #expect(output.contains(" compliant-2024/"), "\(output)") }
        }
    }

    /// JUnit to a file of chc's own writes its start (the totals) last, over room left for it;
    /// the file must be the document written to standard output (spooled), but for spaces
    /// before the `<testsuites>` tag's `>`, and valid XML with the right totals — input problems
    /// included.
    @Test func junitWrittenToAFileIsTheSpooledDocumentPaddedOnlyInItsFirstTag() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chc-junit-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bad = "\(folder)/bad.csv"
        try "complaint_id,date,event\nX-1,2024-13-45,complaint-received\n".write(toFile: bad, atomically: true, encoding: .utf8)
        // A report shorter than a disk block too (one complaint; input problems only): its start
        // was once lost under the rest, written after it.
        for inputs in [["Examples"], ["Examples", bad], ["Examples/invented/extension-notified-too-late.yaml"], [bad]] {
            let target = "\(folder)/report.xml"
            let spooled = try Self.run(["check"] + inputs + ["--as-of", "2026-11-23", "--format", "junit"])
            let written = try Self.run(["check"] + inputs + ["--as-of", "2026-11-23", "--format", "junit", "--output", target])
            #expect(written.status == spooled.status && written.out.isEmpty)
            let file = try String(contentsOfFile: target, encoding: .utf8)
            let tag = try #require(file.range(of: "<testsuites "))
            let tagEnd = try #require(file[tag.upperBound...].firstIndex(of: ">"))
            let unpadded = file[..<tagEnd].replacing(/\ +$/, with: "") + file[tagEnd...]
            #expect(unpadded == spooled.out)
            #expect(file[..<tagEnd].hasSuffix(" "), "room was left for the totals")
            let root = try #require(try XMLDocument(xmlString: file).rootElement())
            let expected = try #require(try XMLDocument(xmlString: spooled.out).rootElement())
            for attribute in ["tests", "failures", "errors", "skipped"] {
                #expect(root.attribute(forName: attribute)?.stringValue == expected.attribute(forName: attribute)?.stringValue)
            }
            #expect(root.elements(forName: "testsuite").count == expected.elements(forName: "testsuite").count)
        }
    }

    @Test func anOutputFileKeepsItsPermissionsAndNoTemporaryFileIsLeft() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chc-out-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let target = "\(folder)/report.csv"
        let created = FileManager.default.createFile(
            atPath: target, contents: Data("old".utf8), attributes: [.posixPermissions: 0o600])
        try #require(created)
        let result = try Self.run(["check", "Examples/", "--as-of", "2026-11-23", "--format", "csv", "--output", target])
        #expect(result.status == 1)
        let attributes = try FileManager.default.attributesOfItem(atPath: target)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("file,line,column"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["report.csv"])
        // A folder that does not exist: said in plain words.
        let missing = try Self.run(["check", "Examples/", "--as-of", "2026-11-23", "--output", "\(folder)/no/such/report.txt"])
        #expect(
            missing.status == 2 && missing.err.contains("No such file or directory") && !missing.err.contains("Error Domain"),
            "\(missing.err)")
    }

    @Test func aDeviceAsOutputIsWrittenNotReplaced() throws {
        let result = try Self.run(["check", "Examples/", "--as-of", "2026-11-23", "--output", "/dev/null"])
        #expect(result.status == 1)
        var status = stat()
        #expect(stat("/dev/null", &status) == 0 && (status.st_mode & S_IFMT) == S_IFCHR)
    }

    /// A number too large for a calendar is an error at its place, never an arithmetic overflow.
    @Test func hugeNumbersAreErrorsNotCrashes() throws {
        let days = try Self.run(["days", "2024-05-03", "+9223372036854775807"])
        #expect(days.status == 2 && days.err.contains("up to 100000"), "\(days.err)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chc-huge-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let timeline = "\(folder)/t.yaml"
        let log = "\(folder)/t.csv"
        let policy = "\(folder)/p.yaml"
        try """
        complaint: O
        events:
          - {date: 2024-06-03, type: complaint-received}
          - {date: 2024-06-10, type: extension, stage: 1, days: 9223372036854775807}
        """.write(toFile: timeline, atomically: true, encoding: .utf8)
        try "complaint_id,date,event,stage,days\nO,2024-06-03,complaint-received,1,\nO,2024-06-10,extension,1,9223372036854775807\n"
            .write(toFile: log, atomically: true, encoding: .utf8)
        try "stage1: { respond: 9223372036854775807 working-days }\n".write(toFile: policy, atomically: true, encoding: .utf8)
        let yaml = try Self.run(["check", timeline, "--as-of", "2024-12-01"])
        #expect(yaml.status == 2 && yaml.out.contains("t.yaml:4:57: error: `days` of 9223372036854775807 is more than"), "\(yaml.out)")
        let csv = try Self.run(["check", log, "--as-of", "2024-12-01"])
        #expect(csv.status == 2 && csv.out.contains("t.csv:3:5: error: `days` of 9223372036854775807 is more than"), "\(csv.out)")
        let lint = try Self.run(["lint", policy])
        #expect(lint.status == 2 && lint.err.contains("p.yaml:1:20: error: `stage1.respond`"), "\(lint.err)")
    }

    /// A named pipe as input is refused at once (it would block the run, and a CSV log is read twice).
    @Test func aNamedPipeIsRefusedNotWaitedOn() throws {
        let fifo = FileManager.default.temporaryDirectory.appendingPathComponent("chc-fifo-\(UUID().uuidString).csv").path
        guard mkfifo(fifo, 0o600) == 0 else { return }
        defer { unlink(fifo) }
        for arguments in [["check", fifo], ["check", "Examples/invented", "--policy", fifo], ["report", fifo]] {
            let result = try Self.run(arguments + ["--as-of", "2024-12-01"])
            #expect(result.status == 2 && (result.out + result.err).contains("is a named pipe, not a file"), "\(arguments)")
        }
    }

    /// Values from input cannot clear the terminal, retitle it, or forge a line of output (a
    /// finding, or a GitHub workflow command) in text output or on standard error.
    @Test func inputCannotForgeOutput() throws {
        let hostile = "X\u{1B}[2J\u{1B}]0;owned\u{07}\n::error file=a::forged\u{0}\u{9B}31m"
        #expect(!TerminalText.escaped(hostile).unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
        #expect(TerminalText.escaped("plain ünïcode\ttab") == "plain ünïcode\ttab")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chc-inject-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let log = "\(folder)/log.csv"
        let quoted = hostile.replacingOccurrences(of: "\"", with: "\"\"")
        try """
        complaint_id,date,event,stage,category
        "\(quoted)",2024-06-03,complaint-received,1,"\(quoted)"
        Y,2024-06-03,"complaint-received\(quoted)",1,
        """.write(toFile: log, atomically: true, encoding: .utf8)
        for format in ["text", "github", "csv"] {
            let result = try Self.run(["check", log, "--as-of", "2024-12-01", "--format", format])
            for (name, stream) in [("out", result.out), ("err", result.err)] where format != "csv" || name == "err" {
                #expect(!stream.contains("\u{1B}") && !stream.contains("\u{7}") && !stream.contains("\u{0}"), "\(format) \(name)")
                let lines = stream.split(separator: "\n")
                #expect(!lines.contains { $0.hasPrefix("::error file=a") }, "\(format) \(name): \(stream)")
            }
        }
    }

    /// `--output` is refused when it is any file the run reads: found in a folder, a rule pack,
    /// the holidays file, or the same file under another name.
    @Test func theOutputIsNeverAnInputWhateverItsName() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chc-inputs-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: path("Examples/invented"), toPath: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let walked = "\(folder)/hold-not-agreed.yaml"
        let before = try String(contentsOfFile: walked, encoding: .utf8)
        let link = "\(folder).link.yaml"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: walked)
        defer { try? FileManager.default.removeItem(atPath: link) }
        // A folder of packs named with --rules-dir is read too (a copy: a failure must not harm Rules/).
        let packs = "\(folder).rules"
        try FileManager.default.copyItem(atPath: path("Rules"), toPath: packs)
        defer { try? FileManager.default.removeItem(atPath: packs) }
        for output in [walked, link, "\(packs)/hos-2024.yaml"] {
            let result = try Self.run(["check", folder, "--as-of", "2026-11-23", "--rules-dir", packs, "--output", output])
            #expect(result.status == 2 && result.err.contains("chc never writes over what it reads"), "\(output): \(result.err)")
        }
        #expect(try String(contentsOfFile: walked, encoding: .utf8) == before)
    }

    /// A run interrupted by a signal leaves no temporary file, the target as it was, and exits
    /// 128 + the signal.
    @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143)), (SIGHUP, Int32(129))])
    func anInterruptedRunLeavesNothingBehind(signal: Int32, status: Int32) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chc-signal-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let log =
            "complaint_id,date,event,stage\n"
            + (0..<60_000).map { "C\($0),2024-06-03,complaint-received,1\nC\($0),2024-06-04,acknowledged,1\n" }.joined()
        try log.write(toFile: "\(folder)/log.csv", atomically: true, encoding: .utf8)
        try "before".write(toFile: "\(folder)/out.json", atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = [
            "check", "\(folder)/log.csv", "--as-of", "2024-12-01", "--format", "json", "--output", "\(folder)/out.json", "--quiet",
        ]
        process.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
        try process.run()
        Thread.sleep(forTimeInterval: 0.5)
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        // The run may, on a fast machine, have finished first: then it wrote its output.
        if process.terminationStatus == status {
            #expect(try String(contentsOfFile: "\(folder)/out.json", encoding: .utf8) == "before")
        }
        #expect(process.terminationStatus == status || process.terminationStatus == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["log.csv", "out.json"])
    }

    /// A day the calendars do not cover cannot be judged as of, in any command.
    @Test(arguments: ["check", "due", "report"])
    func anAsOfDateBeyondTheCalendarIsAnError(command: String) throws {
        let result = try Self.run([command, "Examples/", "--as-of", "2041-06-01"])
        #expect(result.status == 2 && result.err.contains("does not cover 2041"), "\(result.err)")
    }

    /// Memory is bounded by the limits, not by the input's shape: a record of millions of empty
    /// fields is an error at its line, and a complaint with thousands of extension rows gives a
    /// bounded number of findings and says how many more there were.
    @Test func aRecordOfMillionsOfFieldsAndAComplaintOfThousandsOfRowsAreBounded() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chc-bounds-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let wide = "complaint_id,date,event,stage\nA,2024-06-03,complaint-received,1" + String(repeating: ",", count: 2_000_000) + "\n"
        try wide.write(toFile: "\(folder)/wide.csv", atomically: true, encoding: .utf8)
        let result = try Self.run(["check", "\(folder)/wide.csv", "--as-of", "2024-12-01", "--max-field-bytes", "100000000"])
        #expect(result.status == 2 && result.out.contains("wide.csv:2:1: error: the record has more than 10000 fields"), "\(result.out)")

        let rows =
            ["complaint_id,date,event,stage,days", "M,2024-06-03,complaint-received,1,", "M,2024-06-04,acknowledged,1,"]
            + Array(repeating: "M,2024-06-05,extension,1,20", count: 3_000)
        try rows.joined(separator: "\n").write(toFile: "\(folder)/many.csv", atomically: true, encoding: .utf8)
        let many = try Self.run(["check", "\(folder)/many.csv", "--as-of", "2024-12-01", "--format", "csv"])
        let lines = many.out.split(whereSeparator: \.isNewline)  // CSV rows end in CR LF, one Character
        let extensionLimit = lines.filter { $0.contains(",HOS2024-6.4,") }
        #expect(extensionLimit.count == Checker.findingsPerRule + 1, "\(extensionLimit.count)")
        #expect(extensionLimit.last?.contains("and 2900 more findings of this rule for this complaint") == true)
    }

    /// A YAML file with more values than the limit is refused before it is parsed into memory.
    @Test func tooManyYAMLValuesAreRefusedBeforeParsing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chc-values-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let yaml =
            "complaint: B\nevents:\n  - {date: 2024-06-03, type: complaint-received}\n"
            + String(repeating: "  - {date: 2024-06-03, type: note, text: x}\n", count: 2_000)
        try yaml.write(toFile: "\(folder)/big.yaml", atomically: true, encoding: .utf8)
        let result = try Self.run(["check", "\(folder)/big.yaml", "--as-of", "2024-12-01", "--max-yaml-values", "5000"])
        #expect(result.status == 2 && result.out.contains("YAML with more than 5000 values"), "\(result.out)")
        // The same file within the limit is read.
        let within = try Self.run(["check", "\(folder)/big.yaml", "--as-of", "2024-12-01"])
        #expect(within.status != 2, "\(within.out)")
    }

    /// A closed standard output (the reader went away) is an error, exit 2, not a crash.
    @Test func aClosedPipeIsAnError() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["check", "Examples/", "--as-of", "2026-11-23"]
        process.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try out.fileHandleForReading.close()
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2 && message.contains("cannot write standard output: Broken pipe"), "\(message)")
    }

    /// The inputs that took gigabytes (a record of millions of fields, a YAML file of millions of
    /// values) are refused under a 1 GB memory limit.
    @Test func theMemoryCasesRunUnderAMemoryLimit() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chc-memory-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try ("complaint_id,date,event,stage\nA,2024-06-03,complaint-received,1" + String(repeating: ",", count: 3_000_000) + "\n")
            .write(toFile: "\(folder)/wide.csv", atomically: true, encoding: .utf8)
        try ("complaint: B\nevents:\n" + String(repeating: "  - {date: 2024-06-03, type: note, text: x}\n", count: 400_000))
            .write(toFile: "\(folder)/big.yaml", atomically: true, encoding: .utf8)
        for (file, expected) in [("wide.csv", "more than 10000 fields"), ("big.yaml", "more than 2000000 values")] {
            let result = try Self.run(
                [
                    "/bin/sh", "-c", "ulimit -v 1000000 && exec \"$0\" check \"$1\" --as-of 2024-12-01 --max-field-bytes 100000000",
                    Self.binary,
                    "\(folder)/\(file)",
                ], viaShell: true)
            #expect(result.status == 2 && result.out.contains(expected), "\(file): \(result.out) \(result.err)")
        }
    }

    /// The output goes to a temporary file created exclusively (never through a link) and renamed
    /// over the target: a link planted at the target is replaced, the file it points at untouched.
    @Test func aPlantedLinkNeverRedirectsTheOutput() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chc-link-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "precious".write(toFile: "\(folder)/victim.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: "\(folder)/report.csv", withDestinationPath: "\(folder)/victim.txt")
        let result = try Self.run([
            "check", "Examples/invented", "--as-of", "2026-11-23", "--format", "csv", "--output", "\(folder)/report.csv",
        ])
        #expect(result.status == 1)
        #expect(try String(contentsOfFile: "\(folder)/victim.txt", encoding: .utf8) == "precious")
        #expect(try String(contentsOfFile: "\(folder)/report.csv", encoding: .utf8).hasPrefix("file,line,column"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["report.csv", "victim.txt"])
    }
}

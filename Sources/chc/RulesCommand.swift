import ArgumentParser
import CHCChecks
import CHCIngest
import CHCModel
import CHCOutput
import Foundation
import WorkingDays

/// `chc rules list|show|test`: browse the rule packs and run their examples.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List, explain and test the rules of the shipped packs.",
        subcommands: [List.self, Show.self, Test.self, Kinds.self, Export.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every rule: id, kind, severity, source and summary.")
        @OptionGroup var options: RulePackOptions
        @Option(help: "Only this pack.") var pack: String?

        func run() throws {
            var out = Lines()
            let packs = try options.library().packs.sorted(by: { $0.id < $1.id })
            let ids = packs.map(\.id)
            if let pack, !ids.contains(where: { $0.lowercased() == pack.lowercased() }) {
                throw CommandFailure.badInput(
                    "no pack `\(pack)`\(didYouMean(pack, among: ids)) (the packs: \(ids.joined(separator: ", ")))")
            }
            for pack in packs where self.pack == nil || pack.id.lowercased() == self.pack?.lowercased() {
                out.print("\(pack.id) — \(pack.title) (\(pack.inForceDescription))")
                for rule in pack.rules {
                    out.print(
                        "  \(rule.id.padding(toLength: 24, withPad: " ", startingAt: 0)) \(rule.kind.padding(toLength: 20, withPad: " ", startingAt: 0)) \(rule.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(rule.confidence.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) \(rule.summary)"
                    )
                }
            }
            try emit(out.text, to: nil)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Explain one rule: summary, paragraph, citation, parameters and examples.")
        @OptionGroup var options: RulePackOptions
        @Argument(help: "A rule id, e.g. HOS2024-6.3.") var id: String

        func run() throws {
            let library = try options.library()
            let all = library.packs.flatMap { pack in pack.rules.map { (pack, $0) } }
            guard let (pack, rule) = all.first(where: { $0.1.id == id }) ?? all.first(where: { $0.1.id.lowercased() == id.lowercased() })
            else {
                throw CommandFailure.badInput("no rule `\(id)`\(didYouMean(id, among: all.map(\.1.id)))")
            }
            var out = Lines()
            out.print(RuleDescription.render(rule, pack: pack, builtIn: options.folder == nil))
            try emit(out.text, to: nil)
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run every rule's breach and compliant examples; exit 1 if any fails.")
        @OptionGroup var options: RulePackOptions
        @Argument(help: "Rule pack files to test instead of the shipped packs.") var files: [String] = []

        func run() throws {
            var packs: [RulePack] = []
            if files.isEmpty {
                packs = try options.library().packs.sorted { $0.id < $1.id }
            } else {
                for file in files {
                    do { packs.append(try RulePackYAML.load(file)) } catch { throw CommandFailure.unreadable([error]) }
                }
            }
            var out = Lines()
            let runner = RuleExampleRunner(calendars: try CalendarSetup())
            var failed = 0
            var total = 0
            for pack in packs {
                let (ran, failures) = runner.run(pack)
                total += ran
                failed += failures.count
                out.print("\(pack.id): \(ran - failures.count) of \(ran) examples pass")
                for failure in failures { out.print("  FAIL \(failure)") }
            }
            out.print("\(total - failed) passed, \(failed) failed")
            try emit(out.text, to: nil)
            if failed > 0 { throw CommandFailure.status(.findings) }
        }
    }

    /// Writes the built-in packs out as files: to read them, or to start a `--rules-dir` folder.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the Code rule packs built into chc to a folder (to read, or to edit for --rules-dir).",
            discussion: "Never overwrites a file: if any pack's file exists there, nothing is written and chc exits 2.")

        @Argument(help: "The folder to write them in (made if missing).")
        var folder: String

        func run() throws {
            let files = RuleLibrary.shippedPackFiles.map { ((folder as NSString).appendingPathComponent($0.name), $0.text) }
            try writeNewFiles(files, into: folder)
            print("wrote \(files.count) packs to \(folder): \(RuleLibrary.shippedPackFiles.map(\.name).joined(separator: ", "))")
        }
    }

    struct Kinds: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the check kinds a rule can use, each with an example of its parameters.")

        @Flag(help: "Write the list as Markdown (the page docs/check-kinds.md).")
        var markdown = false

        func run() throws {
            try emit(markdown ? KindReference.markdown(.standard) : KindReference.text(.standard), to: nil)
        }
    }
}

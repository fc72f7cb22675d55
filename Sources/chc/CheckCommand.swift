import ArgumentParser
import CHCKit
import Foundation
import WorkingDays

/// `chc check PATH...`: judge complaint timelines against the Code (and a landlord's policy).
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check complaint timelines against the Housing Ombudsman's Complaint Handling Code.",
        discussion: """
        Each complaint is judged by the Code in force on the day it was received (hos-2020, hos-2022,
        hos-2024), unless --rules names a pack. --policy layers a landlord's own timescales on top:
        breaches of them are warnings; breaches of the Code stay errors.

        Examples:
          chc check Examples/ --as-of 2026-11-23
          chc check Examples/luton-202229082.yaml --policy Rules/policies/luton-2022.yaml --format json
        """
    )

    @Argument(help: "Timeline files (YAML), CSV event logs, or folders of them.")
    var paths: [String]

    @Option(help: "A pack id (hos-2020, hos-2022, hos-2024) or a rule pack file, used for every complaint.")
    var rules: String?

    @Option(help: "A landlord's complaints-process config whose timescales are layered on the Code.")
    var policy: String?

    @Option(help: "For CSV event logs: a YAML file naming the export's columns and event labels.")
    var map: String?

    @Option(help: "Judge what is overdue as of this date (YYYY-MM-DD; default: today).")
    var asOf: String?

    @Option(help: "Output format: text, json, sarif, junit, github or csv.")
    var format: OutputFormat = .text

    @Option(help: "A previous JSON report: findings recorded in it are not reported again.")
    var baseline: String?

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: "Exit 1 when a finding is at or above this severity: error, warning or never.")
    var failOn: FailLevel = .error

    @Option(help: "A GOV.UK bank-holidays.json file whose years replace the shipped lists.")
    var holidays: String?

    @Option(help: "The folder of Code rule packs (default: the shipped Rules/).")
    var rulesDir: String?

    @Flag(help: "Never use colour.")
    var noColor = false

    func run() throws {
        var inputErrors: [InputError] = []
        let asOfDate: CivilDate
        if let asOf {
            do { asOfDate = try CivilDate(iso: asOf) } catch {
                printError("error: --as-of: \(error)")
                throw ExitCode(ExitStatus.badInput)
            }
        } else {
            asOfDate = CivilDate.today()
        }

        guard let folder = rulesDir ?? RuleLibrary.defaultFolder() else {
            printError("error: cannot find the shipped Rules/ folder; run from the package root or pass --rules-dir or set CHC_RULES")
            throw ExitCode(ExitStatus.badInput)
        }
        var (library, packErrors) = RuleLibrary.load(folder: folder)
        inputErrors += packErrors

        var policyConfig: PolicyConfig?
        if let policy {
            do { policyConfig = try PolicyYAML.load(policy) } catch { inputErrors.append(error) }
        }
        var forced: RulePack?
        if let rules {
            if let pack = library.pack(rules) {
                forced = pack
            } else if FileManager.default.fileExists(atPath: rules) {
                do {
                    let pack = try RulePackYAML.load(rules)
                    library.add(pack)
                    forced = pack
                } catch { inputErrors.append(error) }
            } else {
                let ids = library.packs.map(\.id)
                printError("error: --rules `\(rules)` is neither a pack id nor a file\(didYouMean(rules, among: ids)) (packs: \(ids.joined(separator: ", ")))")
                throw ExitCode(ExitStatus.badInput)
            }
        }
        let calendars: CalendarSetup
        do {
            calendars = try CalendarSetup(holidaysFile: holidays, closures: policyConfig?.closures ?? [])
        } catch {
            printError(error.description)
            throw ExitCode(ExitStatus.badInput)
        }

        var columnMap = ColumnMap()
        if let map {
            do { columnMap = try ColumnMap.load(map) } catch { inputErrors.append(error) }
        }
        let batch = TimelineBatch.load(paths: paths, map: columnMap)
        inputErrors += batch.errors
        let checker = Checker(library: library, calendars: calendars,
                              options: CheckOptions(asOf: asOfDate, forcedPack: forced, policy: policyConfig))
        let results = batch.entries.map { (file: $0.file, result: checker.check($0.complaint)) }
        var baselined: Set<String> = []
        if let baseline {
            do { baselined = try Baseline.load(baseline) } catch { inputErrors.append(error) }
        }
        let report = CheckReport(asOf: asOfDate, results: results, inputErrors: inputErrors, baseline: baselined)

        let text: String
        switch format {
        case .text: text = TextReporter(colour: output == nil && !noColor && isatty(1) == 1).render(report)
        case .json: text = JSONReporter().render(report)
        case .sarif: text = SARIFReporter().render(report)
        case .junit: text = JUnitReporter().render(report)
        case .github: text = GitHubReporter().render(report)
        case .csv: text = CSVReporter().render(report)
        }
        try emit(text, to: output)
        if format != .text, format != .github, !inputErrors.isEmpty {
            for problem in inputErrors.flatMap(\.problems) { printError(problem.description) }
        }
        let code = report.exitCode(failOn: failOn.severity)
        if code != 0 { throw ExitCode(code) }
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, junit, github, csv
}

enum FailLevel: String, ExpressibleByArgument, CaseIterable {
    case error, warning, never
    var severity: Severity? {
        switch self {
        case .error: .error
        case .warning: .warning
        case .never: nil
        }
    }
}

/// Writes output to standard output, or atomically to a file (temporary file, then rename).
func emit(_ text: String, to path: String?) throws {
    guard let path else {
        FileHandle.standardOutput.write(Data(text.utf8))
        return
    }
    do {
        try AtomicFile.write(text, to: path)
    } catch {
        printError("error: cannot write \(path): \(error)")
        throw ExitCode(ExitStatus.badInput)
    }
}

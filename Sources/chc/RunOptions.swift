import ArgumentParser
import CHCKit
import Foundation
import WorkingDays

/// The inputs shared by `chc check` and `chc due`: what to read and what to judge it by.
struct RunOptions: ParsableArguments {
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

    @Option(help: "A GOV.UK bank-holidays.json file whose years replace the shipped lists.")
    var holidays: String?

    @Option(help: "The folder of Code rule packs (default: the shipped Rules/).")
    var rulesDir: String?

    /// Loads everything, checks every complaint, and returns the report; input problems are
    /// collected in the report (exit 2 later), usage problems exit 2 at once.
    func run(baseline: String? = nil) throws -> CheckReport { try runWithCalendars(baseline: baseline).report }

    /// As `run`, also returning the calendars used (with the policy's closure days).
    func runWithCalendars(baseline: String? = nil) throws -> (report: CheckReport, calendars: CalendarSetup, policy: PolicyConfig?) {
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
        return (CheckReport(asOf: asOfDate, results: results, inputErrors: inputErrors, baseline: baselined, skipped: batch.skipped),
                calendars, policyConfig)
    }
}

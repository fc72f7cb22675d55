import ArgumentParser
import CHCChecks
import CHCIngest
import CHCModel
import CHCOutput
import Foundation
import WorkingDays

/// The inputs shared by `chc check`, `chc due` and `chc report`: what to read, what to judge it
/// by, and whether to show progress.
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

    @Option(help: "Largest YAML file read, in MiB.")
    var maxFileMb: Int = InputLimits.standard.maxYAMLBytes >> 20

    @Option(help: "Most values one YAML file may expand to, aliases counted each time they are used.")
    var maxYamlValues: Int = InputLimits.standard.maxNodes

    @Option(help: "Deepest nesting of YAML lists and mappings.")
    var maxDepth: Int = InputLimits.standard.maxDepth

    @Option(help: "Longest field, in bytes (CSV) or characters (YAML).")
    var maxFieldBytes: Int = InputLimits.standard.maxFieldLength

    @Flag(help: "No progress line on standard error.")
    var quiet = false

    /// What a run is judged with, loaded once.
    struct Prepared {
        let asOf: CivilDate
        let session: CheckSession
        let calendars: CalendarSetup
        let policy: PolicyConfig?
        /// Problems with the rule packs, policy or column map: reported with the run's input errors.
        let setupErrors: [InputError]
    }

    /// Loads the packs, policy, calendars and column map; usage problems exit 2 at once.
    /// - Parameter composesMessages: false for runs that only count outcomes (see `CheckOptions`).
    func prepare(composesMessages: Bool = true) throws -> Prepared {
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
        let checker = Checker(library: library, calendars: calendars,
                              options: CheckOptions(asOf: asOfDate, forcedPack: forced, policy: policyConfig, composesMessages: composesMessages))
        var limits = InputLimits.standard
        limits.maxYAMLBytes = max(1, maxFileMb) << 20
        limits.maxNodes = max(1, maxYamlValues)
        limits.maxDepth = max(1, maxDepth)
        limits.maxFieldLength = max(1, maxFieldBytes)
        return Prepared(asOf: asOfDate, session: CheckSession(checker: checker, map: columnMap, limits: limits), calendars: calendars,
                        policy: policyConfig, setupErrors: inputErrors)
    }

    /// Streams every complaint through `deliver`, showing progress on a terminal.
    func stream(_ prepared: Prepared, deliver: (String, ComplaintResult) -> Void)
        -> (errors: [InputError], skipped: [(file: String, reason: String)]) {
        stream(prepared, transform: { file, result in (file, result) }, deliver: { deliver($0.0, $0.1) })
    }

    /// Streams every complaint through `transform` (on the checking thread) and `deliver`.
    func stream<Output: Sendable>(_ prepared: Prepared, transform: @escaping @Sendable (String, ComplaintResult) -> Output,
                                  deliver: (Output) -> Void) -> (errors: [InputError], skipped: [(file: String, reason: String)]) {
        let outcome = withProgress { prepared.session.run(paths: paths, progress: $0, transform: transform, deliver: deliver) }
        return (prepared.setupErrors + outcome.errors, outcome.skipped)
    }

    /// Folds every complaint's result into a total (`CheckSession.fold`), showing progress on a terminal.
    func fold<Total: Sendable>(_ prepared: Prepared, into initial: Total, _ add: @escaping @Sendable (inout Total, ComplaintResult) -> Void,
                               merge: (inout Total, Total) -> Void) -> (total: Total, errors: [InputError], skipped: [(file: String, reason: String)]) {
        let outcome = withProgress { prepared.session.fold(paths: paths, progress: $0, into: initial, add, merge: merge) }
        return (outcome.total, prepared.setupErrors + outcome.errors, outcome.skipped)
    }

    /// Runs `body` with a progress line on standard error (on a terminal, unless `--quiet`).
    private func withProgress<T>(_ body: (@escaping (Int) -> Void) -> T) -> T {
        let progress = ProgressLine(enabled: !quiet && isatty(2) == 1)
        defer { progress.finish() }
        return body(progress.update)
    }

    /// Checks everything and collects the results (for formats that need the whole run).
    func run(baseline: String? = nil) throws -> CheckReport {
        let prepared = try prepare()
        var results: [(file: String, result: ComplaintResult)] = []
        var (errors, skipped) = stream(prepared) { results.append(($0, $1)) }
        var baselined: Set<String> = []
        if let baseline {
            do { baselined = try Baseline.load(baseline) } catch { errors.append(error) }
        }
        return CheckReport(asOf: prepared.asOf, results: results, inputErrors: errors, baseline: baselined, skipped: skipped)
    }
}

/// "checked 120,000 complaints (41,000/s)" on standard error, on a terminal only, once a run
/// has taken more than a second.
final class ProgressLine {
    private let enabled: Bool
    private let start = Date()
    private var shown = false

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ done: Int) {
        guard enabled else { return }
        let elapsed = Date().timeIntervalSince(start)
        guard elapsed > 1 else { return }
        shown = true
        FileHandle.standardError.write(Data("\rchecked \(done) complaints (\(Int(Double(done) / elapsed))/s)\u{1B}[K".utf8))
    }

    func finish() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

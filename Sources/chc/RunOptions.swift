import ArgumentParser
import CHCChecks
import CHCIngest
import CHCModel
import CHCOutput
import Foundation
import WorkingDays

/// The largest size in MiB an option takes, so that it cannot wrap round when counted in bytes.
let largestMiB = 1 << 20

/// Refuses a size in MiB that is not between 1 and `largestMiB`.
func validateMiB(_ name: String, _ value: Int) throws {
    guard value >= 1 else { throw ValidationError("\(name) should be at least 1, found \(value)") }
    guard value <= largestMiB else { throw ValidationError("\(name) should be at most \(largestMiB) (1 TiB), found \(value)") }
}

/// The inputs shared by `chc check`, `chc due` and `chc report`: what to read, what to judge it
/// by, the input limits, and whether to show progress.
struct RunOptions: ParsableArguments {
    @Argument(help: "Timeline files (YAML), CSV event logs, or folders of them.")
    var paths: [String]

    @Option(help: "A pack id (such as hos-2024) or a rule pack file, used for every complaint.")
    var rules: String?

    @Option(help: "A landlord's complaints-process config whose timescales are layered on the Code.")
    var policy: String?

    @Option(help: "For CSV and Excel event logs: a YAML file naming the export's columns, event labels and date format.")
    var map: String?

    @Option(help: "Judge what is overdue as of this date (YYYY-MM-DD; default: today).", transform: parseDate)
    var asOf: CivilDate?

    @Option(help: "A GOV.UK bank-holidays.json file whose years replace the shipped lists.")
    var holidays: String?

    @OptionGroup var packs: RulePackOptions

    @Option(help: "Largest YAML file read, in MiB.")
    var maxFileMb: Int = InputLimits.standard.maxYAMLBytes >> 20

    @Option(help: "Most values one YAML file may expand to, aliases counted each time they are used.")
    var maxYamlValues: Int = InputLimits.standard.maxNodes

    @Option(help: "Deepest nesting of YAML lists and mappings.")
    var maxDepth: Int = InputLimits.standard.maxDepth

    @Option(help: "Longest field, in bytes (CSV) or characters (YAML).")
    var maxFieldBytes: Int = InputLimits.standard.maxFieldLength

    @Option(help: "Most fields in one CSV record.")
    var maxFields: Int = InputLimits.standard.maxFieldsPerRecord

    @Option(help: "Most an Excel workbook may unzip to, in MiB, all its parts together.")
    var maxUnzippedMb: Int = InputLimits.standard.maxUnzippedBytes >> 20

    @Option(help: "For Excel workbooks: the sheet to read (default: the first).")
    var sheet: String?

    @Flag(help: "No progress line on standard error.")
    var quiet = false

    func validate() throws {
        for (name, value) in [
            ("--max-file-mb", maxFileMb), ("--max-yaml-values", maxYamlValues), ("--max-depth", maxDepth),
            ("--max-field-bytes", maxFieldBytes), ("--max-fields", maxFields),
        ] where value < 1 {
            throw ValidationError("\(name) should be at least 1, found \(value)")
        }
        try validateMiB("--max-file-mb", maxFileMb)
        try validateMiB("--max-unzipped-mb", maxUnzippedMb)
    }

    /// Every file and folder the run reads (timelines, policy, map, holidays, rule packs), for
    /// `refuseOverwritingInputs`.
    var inputFiles: [String] {
        paths + [policy, map, rules, holidays, packs.folder].compactMap { $0 }
    }

    /// The input limits the options set.
    var limits: InputLimits {
        var limits = InputLimits.standard
        limits.maxYAMLBytes = maxFileMb << 20
        limits.maxNodes = maxYamlValues
        limits.maxDepth = maxDepth
        limits.maxFieldLength = maxFieldBytes
        limits.maxFieldsPerRecord = maxFields
        limits.maxUnzippedBytes = maxUnzippedMb << 20
        return limits
    }

    /// What a run is judged with, loaded once.
    struct Prepared {
        let asOf: CivilDate
        let session: CheckSession
        let calendars: CalendarSetup
        let policy: PolicyConfig?
        /// Problems with the rule packs, policy or column map: reported with the run's input errors.
        let setupErrors: [InputError]
    }

    /// Loads the packs, policy, calendars and column map; a usage problem stops the command.
    /// - Parameter composesMessages: false for runs that only count outcomes (see `CheckOptions`).
    func prepare(composesMessages: Bool = true) throws -> Prepared {
        var inputErrors: [InputError] = []
        let asOfDate = asOf ?? CivilDate.today()
        var (library, _, packErrors) = try packs.load(examples: false)
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
                throw CommandFailure.badInput(
                    "--rules `\(rules)` is neither a pack id nor a file\(didYouMean(rules, among: ids)) (packs: \(ids.joined(separator: ", ")))"
                )
            }
        }
        let calendars: CalendarSetup
        do {
            // The Code's calendars: the checker adds the policy's closure days for its own timescales.
            calendars = try CalendarSetup(holidaysFile: holidays)
        } catch {
            throw CommandFailure.unreadable([error])
        }
        // A day the calendars do not cover cannot be judged as of: an error, never an empty worklist.
        for region in Set([policyConfig?.calendar ?? .default, .default]) {
            do { _ = try calendars.calendar(region).isWorkingDay(asOfDate) } catch {
                throw CommandFailure.badInput("--as-of \(asOfDate): \(error)")
            }
        }
        var columnMap = ColumnMap()
        if let map {
            // A map applies to every export in the run: without it they would be misread, so a
            // map that cannot be read stops the run (its errors, nothing else).
            do { columnMap = try ColumnMap.load(map) } catch { throw CommandFailure.unreadable(inputErrors + [error]) }
        }
        if let sheet { columnMap.sheet = sheet }
        let checker = Checker(
            library: library, calendars: calendars,
            options: CheckOptions(asOf: asOfDate, forcedPack: forced, policy: policyConfig, composesMessages: composesMessages))
        return Prepared(
            asOf: asOfDate, session: CheckSession(checker: checker, map: columnMap, limits: limits), calendars: calendars,
            policy: policyConfig, setupErrors: inputErrors)
    }

    /// Streams every complaint's result through `deliver`, showing progress on a terminal.
    func stream(_ prepared: Prepared, deliver: (String, ComplaintResult) -> Void) -> ComplaintStream.Outcome {
        let outcome = withProgress { prepared.session.run(paths: paths, progress: $0, deliver: deliver) }
        return (prepared.setupErrors + outcome.errors, outcome.skipped)
    }

    /// Folds every complaint's result into a total (`CheckSession.fold`), showing progress on a terminal.
    func fold<Total: Sendable>(
        _ prepared: Prepared, into initial: Total, _ add: @escaping @Sendable (inout Total, ComplaintResult) -> Void,
        merge: (inout Total, Total) -> Void
    ) -> (total: Total, errors: [InputError], skipped: [(file: String, reason: String)]) {
        let outcome = withProgress { prepared.session.fold(paths: paths, progress: $0, into: initial, add, merge: merge) }
        return (outcome.total, prepared.setupErrors + outcome.errors, outcome.skipped)
    }

    /// Runs `body` with a progress line on standard error (on a terminal, unless `--quiet`).
    func withProgress<T>(_ body: (@escaping (Int) -> Void) -> T) -> T {
        let progress = ProgressLine(enabled: !quiet && isatty(2) == 1)
        defer { progress.finish() }
        return body(progress.update)
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

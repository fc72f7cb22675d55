import CHCIngest
import CHCModel

/// The readers, one call each, for the fuzzing package (`Fuzz/`), which links the checker as a
/// library from outside this package. This is `chc`'s only public API besides the data model
/// the checks query (see `docs/architecture.md`): everything else is `package`.
///
/// Each reads one file as `chc` reads a user's, and answers how many problems it reported; a
/// crash, a sanitizer report or a hang is a bug, whatever the bytes.
public enum ReaderEntryPoints {
    /// A YAML timeline file.
    public static func readTimeline(_ path: String) -> Int { problems { () throws(InputError) in try TimelineYAML.load(path) } }

    /// A CSV event log.
    public static func readEventLog(_ path: String) -> Int { EventLogCSV.load(path).errors.reduce(0) { $0 + $1.problems.count } }

    /// A landlord's complaints-process config.
    public static func readPolicy(_ path: String) -> Int { problems { () throws(InputError) in try PolicyYAML.load(path) } }

    /// A rule pack.
    public static func readRulePack(_ path: String) -> Int { problems { () throws(InputError) in try RulePackYAML.load(path) } }

    /// A baseline: a JSON report (`complaints[].findings[]`), or JSON Lines when `jsonLines`.
    public static func readBaseline(_ path: String, jsonLines: Bool) -> Int {
        problems { () throws(InputError) in try Baseline.load(path, isJSONLines: jsonLines) }
    }

    /// An Excel workbook (its first sheet), unzipped within a 64 MiB budget.
    public static func readWorkbook(_ path: String) -> Int {
        var limits = InputLimits.standard
        limits.maxUnzippedBytes = 64 << 20
        return WorkbookEventLog.stream(path, limits: limits) { _ in }.errors.reduce(0) { $0 + $1.problems.count }
    }

    private static func problems<T>(_ read: () throws(InputError) -> T) -> Int {
        do {
            _ = try read()
            return 0
        } catch {
            return error.problems.count
        }
    }
}

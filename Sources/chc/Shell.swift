import ArgumentParser
import CHCChecks
import CHCIngest
import CHCModel
import CHCOutput
import Foundation
import WorkingDays

/// The exit codes every command shares.
enum ExitStatus: Int32 {
    /// Nothing at or above `--fail-on`.
    case clean = 0
    /// A finding at or above `--fail-on` (or a failing rule example).
    case findings = 1
    /// Bad input or usage, reported after everything that could be checked was checked.
    case badInput = 2
}

/// Why a command stopped early or with a non-zero status. Every command reports failure by
/// throwing one of these; `Main` prints it and maps it to the exit code, in one place.
enum CommandFailure: Error {
    /// Bad input or usage: what to print (exit 2).
    case badInput(String)
    /// Input files that could not be used, each problem already located (exit 2).
    case unreadable([InputError])
    /// The run finished; its exit status is not 0 (problems already printed).
    case status(ExitStatus)

    /// What to print on standard error, and the exit code.
    var report: (message: String?, status: ExitStatus) {
        switch self {
        case .badInput(let message): ("error: \(TerminalText.escaped(message))", .badInput)
        case .unreadable(let errors):
            (errors.flatMap(\.problems).map { TerminalText.escaped($0.description) }.joined(separator: "\n"), .badInput)
        case .status(let status): (nil, status)
        }
    }
}

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Says on standard error how many events after the as-of date a run left out, for formats
/// that do not say it themselves (text does, in its summary).
func noteEventsAfterAsOf(_ count: Int, format: String) {
    if count > 0, format != TextFormat.identifier { printError("note: \(TextFormat.afterAsOf(count))") }
}

/// A run that read no complaint at all (an empty folder, a folder of other files) is an error,
/// never a clean pass: CI would take it for one.
func refuseNothingChecked(_ found: Int, paths: [String]) throws {
    guard found == 0 else { return }
    throw CommandFailure.badInput(
        "nothing to check: no complaint was found in \(paths.joined(separator: ", ")) (timelines are .yaml or .yml files; event logs .csv or .xlsx)"
    )
}

/// Whether the user's environment asks for no colour (`NO_COLOR` set and not empty: no-color.org).
var noColorRequested: Bool { !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty }

/// Prints each input problem on standard error.
func printProblems(_ errors: [InputError]) {
    for problem in errors.flatMap(\.problems) { printError(TerminalText.escaped(problem.description)) }
}

/// Refuses an `--output` that would overwrite one of the command's own inputs.
/// Refuses an `--output` that is one of the files the run reads: compared by identity (device
/// and inode, links followed), against every file named, every file found in a named folder,
/// and the rule packs. A target that does not exist yet cannot be one.
func refuseOverwritingInputs(_ output: String?, inputs: [String]) throws {
    guard let output, output != "-" else { return }
    var target = stat()
    guard stat(output, &target) == 0, (target.st_mode & S_IFMT) == S_IFREG else { return }
    var walked: [InputError] = []
    let files = TimelineBatch.expand(inputs, errors: &walked).map(\.file)
    for input in files {
        var status = stat()
        if stat(input, &status) == 0, status.st_dev == target.st_dev, status.st_ino == target.st_ino {
            throw CommandFailure.badInput(
                "--output \(output) is \(input == output ? "one of the inputs" : "the same file as the input \(input)"); chc never writes over what it reads"
            )
        }
    }
}

/// Standard output for the commands that print line by line (`days`, `rules`): collected, then
/// written by `emit`, so that a write that fails (a full disk, a closed pipe) is an error.
struct Lines {
    private(set) var text = ""

    mutating func print(_ line: some CustomStringConvertible) { text += line.description + "\n" }
    mutating func write(_ more: String) { text += more }
}

/// Opens a command's output before any work, so that a folder that does not exist or cannot be
/// written is said at once, in plain words, not after a long run.
func openOutput(_ path: String?) throws -> ReportWriter {
    do { return try ReportWriter(path: path) } catch { throw CommandFailure.badInput(error.description) }
}

/// Finishes an output opened with `openOutput`: writes `text` and commits it.
func finish(_ writer: ReportWriter, with text: String) throws {
    writer.write(text)
    do { try writer.commit() } catch { throw CommandFailure.badInput(error.description) }
}

/// Writes a command's whole output to standard output, or atomically to a file (temporary
/// file, then rename).
func emit(_ text: String, to path: String?) throws {
    do {
        try AtomicFile.write(text, to: path)
    } catch {
        throw CommandFailure.badInput(error.description)
    }
}

// MARK: Typed arguments

/// A date on the command line (`YYYY-MM-DD`); a wrong one is a usage error naming what was expected.
func parseDate(_ text: String) throws -> CivilDate { try CivilDate(iso: text) }

/// The `--format` of a command, one of the formats the registry says can write its output.
protocol FormatChoice: ExpressibleByArgument, Sendable {
    /// What the command writes.
    static var document: OutputDocument { get }
    var identifier: String { get }
    init(identifier: String)
}

extension FormatChoice {
    init?(argument: String) {
        guard Reporters.standard.format(argument, for: Self.document) != nil else { return nil }
        self.init(identifier: argument)
    }

    static var text: Self { Self(identifier: "text") }
    static var allValueStrings: [String] { Reporters.standard.identifiers(for: document) }
    var defaultValueDescription: String { identifier }

    /// The format, made with `options`.
    func reporter(_ options: ReporterOptions = ReporterOptions()) -> any Reporter {
        Reporters.standard.format(identifier, for: Self.document)!.init(options: options)
    }
}

struct CheckFormatChoice: FormatChoice {
    static let document = OutputDocument.checkRun
    let identifier: String
}

struct DueFormatChoice: FormatChoice {
    static let document = OutputDocument.dueList
    let identifier: String
}

struct ReportFormatChoice: FormatChoice {
    static let document = OutputDocument.performance
    let identifier: String
}

struct LintFormatChoice: FormatChoice {
    static let document = OutputDocument.lint
    let identifier: String
}

/// `--fail-on`: the least severe finding that makes the run exit 1.
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

/// A bank-holiday region on the command line, with "did you mean" for a near miss.
func parseRegion(_ text: String) throws -> Region {
    guard let region = Region(rawValue: text) else {
        throw ValidationError(
            "unknown calendar `\(text)`\(didYouMean(text, among: Region.names)) (expected one of: \(Region.names.joined(separator: ", ")))")
    }
    return region
}

// MARK: Shared options

/// `--rules-dir`: where the Code rule packs are, for every command that loads them. Without it
/// (or `$CHC_RULES`), the packs built into chc.
struct RulePackOptions: ParsableArguments {
    @Option(help: "A folder of Code rule packs to use instead of the built-in ones (default: $CHC_RULES).")
    var rulesDir: String?

    /// The folder the packs come from, when they are not the built-in ones.
    var folder: String? { rulesDir ?? RuleLibrary.folderFromEnvironment() }

    /// The packs, where they came from, and the problems of any that could not be read. With
    /// `examples` false, the built-in packs' rules carry no examples (a pack from a folder is
    /// always read whole: its examples are checked as it is read).
    func load(examples: Bool = true) throws -> (library: RuleLibrary, source: String, errors: [InputError]) {
        guard let folder else {
            let (library, errors) = RuleLibrary.shipped(examples: examples)
            return (library, "the built-in packs", errors)
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw CommandFailure.badInput(
                "\(folder): no such folder of rule packs (from \(rulesDir == nil ? "CHC_RULES" : "--rules-dir"))")
        }
        let (library, errors) = RuleLibrary.load(folder: folder)
        return (library, folder, errors)
    }

    /// The packs in the folder; any pack that cannot be read stops the command.
    func library() throws -> RuleLibrary {
        let (library, _, errors) = try load()
        if !errors.isEmpty { throw CommandFailure.unreadable(errors) }
        return library
    }
}

/// `--output` and `--fail-on`, for the commands that judge and may fail a CI run.
struct VerdictOptions: ParsableArguments {
    @Option(help: "Write the output to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "Exit 1 when a finding is at or above this severity.")
    var failOn: FailLevel = .error
}

/// Writes new files into `folder` (made if missing), never over anything: when any of them
/// exists (a dangling link included), nothing is written. Each is created with O_EXCL and no
/// link followed, so a file made meanwhile is not overwritten either; a failure part-way
/// removes what was written.
func writeNewFiles(_ files: [(path: String, text: String)], into folder: String) throws {
    let existing = files.map(\.path).filter {
        FileManager.default.fileExists(atPath: $0) || (try? FileManager.default.destinationOfSymbolicLink(atPath: $0)) != nil
    }
    guard existing.isEmpty else {
        throw CommandFailure.badInput(
            "\(existing.joined(separator: " and ")) already exist\(existing.count == 1 ? "s" : ""); chc never overwrites a file, so wrote nothing (move it away, or name another folder)"
        )
    }
    do {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
        throw CommandFailure.badInput("\(folder): cannot make the folder (\(error.localizedDescription))")
    }
    var written: [String] = []
    for (path, text) in files {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        var failure = descriptor < 0 ? "cannot create it (\(String(cString: strerror(errno))))" : nil
        if descriptor >= 0 {
            var bytes = Array(text.utf8)[...]
            while !bytes.isEmpty {
                let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else {
                    failure = "cannot write it (\(String(cString: strerror(errno))))"
                    break
                }
                bytes = bytes.dropFirst(count)
            }
            if close(descriptor) != 0, failure == nil { failure = "cannot write it (\(String(cString: strerror(errno))))" }
            if failure != nil { unlink(path) }
        }
        if let failure {
            for path in written { unlink(path) }
            throw CommandFailure.badInput("\(path): \(failure)")
        }
        written.append(path)
    }
}

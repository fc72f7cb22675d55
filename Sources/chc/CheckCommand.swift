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
          chc check export.csv --map export-map.yaml --format sarif --output chc.sarif
        """
    )

    @OptionGroup var inputs: RunOptions

    @Option(help: "Output format: text, json, sarif, junit, github or csv.")
    var format: OutputFormat = .text

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: "A previous JSON report: findings recorded in it are not reported again.")
    var baseline: String?

    @Option(help: "Exit 1 when a finding is at or above this severity: error, warning or never.")
    var failOn: FailLevel = .error

    @Flag(help: "Never use colour.")
    var noColor = false

    func run() throws {
        let report = try inputs.run(baseline: baseline)
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
        if format != .text, format != .github, !report.inputErrors.isEmpty {
            for problem in report.inputErrors.flatMap(\.problems) { printError(problem.description) }
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

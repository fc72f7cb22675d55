import ArgumentParser
import CHCChecks
import CHCIngest
import CHCModel
import CHCOutput
import Foundation

/// `chc check PATH...`: judge complaint timelines against the Code (and a landlord's policy).
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check complaint timelines against the Housing Ombudsman's Complaint Handling Code.",
        discussion: """
            Each complaint is judged by the Code in force on the day it was received, unless --rules names a pack. \
            --policy layers a landlord's own timescales on top: breaches of them are warnings; breaches of the Code stay errors.

            Examples:
              chc check Examples/ --as-of 2026-11-23
              chc check complaints/ --policy chc-policy.yaml --format json
              chc check export.csv --map export-map.yaml --format sarif --output chc.sarif
            """
    )

    @OptionGroup var inputs: RunOptions

    @Option(help: "Output format.")
    var format: CheckFormatChoice = .text

    @OptionGroup var verdict: VerdictOptions

    @Option(help: "A previous JSON or JSON Lines report: findings recorded in it are not reported again.")
    var baseline: String?

    @Option(help: "Largest baseline file read, in MiB (it is read a finding at a time).")
    var maxBaselineMb: Int = Baseline.standardMaxBytes >> 20

    @Option(
        help: ArgumentHelp(
            "SARIF only: write at most this many findings, the most severe and then the most recent (GitHub code scanning takes 25,000 and shows 5,000).",
            valueName: "n"))
    var maxResults: Int?

    @Flag(help: "JSON laid out for people, indented (the default on a terminal; compact otherwise).")
    var pretty = false

    @Flag(help: "Never use colour (as the NO_COLOR environment variable asks too).")
    var noColor = false

    func validate() throws {
        try validateMiB("--max-baseline-mb", maxBaselineMb)
        if let maxResults {
            guard (1...10_000_000).contains(maxResults) else {
                throw ValidationError("--max-results should be between 1 and 10000000, found \(maxResults)")
            }
            guard format.identifier == SARIFFormat.identifier else {
                throw ValidationError("--max-results applies to --format sarif only (other formats write every finding)")
            }
        }
    }

    func run() throws {
        let output = verdict.output
        try refuseOverwritingInputs(output, inputs: inputs.inputFiles + [baseline].compactMap { $0 })
        let prepared = try inputs.prepare()
        let reporter = format.reporter(
            ReporterOptions(
                colour: output == nil && !noColor && !noColorRequested && isatty(1) == 1, maxResults: maxResults,
                pretty: pretty || (output == nil && isatty(1) == 1)))
        guard let checkFormat = reporter as? any CheckRunFormat else {
            preconditionFailure("the registry offered a format that cannot write a check run")
        }
        let writer: ReportWriter
        do { writer = try ReportWriter(path: output) } catch { throw CommandFailure.badInput(error.description) }
        var run = CheckRun(session: prepared.session, paths: inputs.paths, asOf: prepared.asOf)
        if let baseline { run.useBaseline(baseline, maxBytes: maxBaselineMb << 20) }
        let outcome = inputs.withProgress { run.write(checkFormat, to: writer, setupErrors: prepared.setupErrors, progress: $0) }
        do { try writer.commit() } catch { throw CommandFailure.badInput(error.description) }
        if !type(of: reporter).showsInputErrors { printProblems(outcome.errors) }
        noteEventsAfterAsOf(outcome.tally.eventsAfterAsOf, format: format.identifier)
        if let maxResults, outcome.tally.findings > maxResults {
            printError(
                "note: the SARIF output holds \(maxResults) of the \(outcome.tally.findings) findings (--max-results): the most severe, then the most recent; \(outcome.tally.findings - maxResults) left out, as its run properties record"
            )
        }
        if outcome.errors.isEmpty {
            try refuseNothingChecked(
                outcome.tally.complaints + outcome.tally.hazardCases + outcome.tally.eventsAfterAsOf, paths: inputs.paths)
        }
        let code = outcome.tally.exitCode(failOn: verdict.failOn.severity, inputErrors: outcome.errors)
        if code != 0 { throw CommandFailure.status(ExitStatus(rawValue: code) ?? .badInput) }
    }
}

import ArgumentParser
import CHCChecks
import CHCIngest
import CHCModel
import CHCOutput
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
        try refuseOverwritingInputs(output, inputs: inputs.paths + [inputs.policy, inputs.map, inputs.rules, baseline].compactMap { $0 })
        let streaming: StreamingFormat? = switch format {
        case .text: TextReporter(colour: output == nil && !noColor && isatty(1) == 1)
        case .json: JSONReporter()
        case .csv: CSVReporter()
        case .github: GitHubReporter()
        case .sarif, .junit: nil
        }
        guard let streaming else {
            // SARIF and JUnit describe the whole run at once (rules, totals): collect it.
            let report = try inputs.run(baseline: baseline)
            try emit(format == .sarif ? SARIFReporter().render(report) : JUnitReporter().render(report), to: output)
            for problem in report.inputErrors.flatMap(\.problems) { printError(problem.description) }
            let code = report.exitCode(failOn: failOn.severity)
            if code != 0 { throw ExitCode(code) }
            return
        }
        // Everything else streams: each complaint is written as soon as it is checked.
        let prepared = try inputs.prepare()
        var baselineErrors: [InputError] = []
        var known: Set<String> = []
        if let baseline {
            do { known = try Baseline.load(baseline) } catch { baselineErrors.append(error) }
        }
        let writer: ReportWriter
        do { writer = try ReportWriter(path: output) } catch {
            printError("error: cannot write \(output ?? "the report"): \(error)")
            throw ExitCode(ExitStatus.badInput)
        }
        writer.write(streaming.begin(asOf: prepared.asOf))
        var tally = SummaryTally()
        let asOf = prepared.asOf, baselineSet = known, renderer = SendableFormat(streaming), separator = streaming.separator
        // Findings are chosen and rendered on the checking thread; this thread only writes.
        var (errors, skipped) = inputs.stream(prepared, transform: { file, result in
            let all = result.findings
            let reported = baselineSet.isEmpty ? all : all.filter { !baselineSet.contains($0.fingerprint) }
            return RenderedComplaint(reported: reported, suppressed: all.count - reported.count,
                                     text: renderer.value.complaint(file: file, result: result, findings: reported, asOf: asOf))
        }, deliver: { rendered in
            if tally.complaints > 0 { writer.write(separator) }
            tally.add(rendered.reported, suppressed: rendered.suppressed)
            writer.write(rendered.text)
        })
        errors += baselineErrors
        writer.write(streaming.end(summary: tally.summary(inputErrors: errors), asOf: prepared.asOf, inputErrors: errors, skipped: skipped))
        do { try writer.commit() } catch {
            printError("error: cannot write \(output ?? "the report"): \(error)")
            throw ExitCode(ExitStatus.badInput)
        }
        if format != .text, format != .github {
            for problem in errors.flatMap(\.problems) { printError(problem.description) }
        }
        let code = tally.exitCode(failOn: failOn.severity, inputErrors: errors)
        if code != 0 { throw ExitCode(code) }
    }
}

/// One complaint checked and rendered on the checking thread.
struct RenderedComplaint: Sendable {
    let reported: [Finding]
    let suppressed: Int
    let text: String
}

/// The output formats are plain value types with no shared state.
struct SendableFormat: @unchecked Sendable {
    let value: any StreamingFormat
    init(_ value: any StreamingFormat) { self.value = value }
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

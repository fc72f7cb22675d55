import ArgumentParser
import CHCChecks
import CHCIngest
import CHCModel
import CHCOutput
import Foundation
import WorkingDays

/// `chc lint POLICY.yaml`: check a landlord's complaints-process config against the Code.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check a landlord's complaints-process config against the Code's mandatory provisions.",
        discussion: """
        Reports every place where the process cannot comply, at the key's file:line:col, with the
        paragraph; provisions the config does not state are listed as not evaluable with what to add.
        Prints a self-assessment table (provision, requirement, met / not met / not stated, evidence).

        Examples:
          chc lint Examples/policies/compliant-2024.yaml
          chc lint Examples/policies/luton-2022.yaml --code hos-2022 --format markdown
        """
    )

    @Argument(help: "The complaints-process config (YAML).")
    var policy: String

    @Option(help: "The Code to check against (default: the latest, hos-2024).")
    var code: String?

    @Option(help: "Output format: text, json, markdown, sarif, junit, github or csv.")
    var format: LintFormat = .text

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: "Exit 1 when a provision is not met at or above this severity: error, warning or never.")
    var failOn: FailLevel = .error

    @Option(help: "The folder of Code rule packs (default: the shipped Rules/).")
    var rulesDir: String?

    func run() throws {
        try refuseOverwritingInputs(output, inputs: [policy])
        guard let folder = rulesDir ?? RuleLibrary.defaultFolder() else {
            printError("error: cannot find the shipped Rules/ folder; pass --rules-dir or set CHC_RULES")
            throw ExitCode(ExitStatus.badInput)
        }
        let (library, errors) = RuleLibrary.load(folder: folder)
        let config: PolicyConfig
        do { config = try PolicyYAML.load(policy) } catch {
            for problem in (errors + [error]).flatMap(\.problems) { printError(problem.description) }
            throw ExitCode(ExitStatus.badInput)
        }
        if !errors.isEmpty {
            for error in errors { printError(error.description) }
            throw ExitCode(ExitStatus.badInput)
        }
        let codes = library.packs.filter { $0.kind == .code }
        let pack: RulePack
        if let code {
            guard let chosen = library.pack(code) else {
                printError("error: unknown --code `\(code)`\(didYouMean(code, among: codes.map(\.id))) (codes: \(codes.map(\.id).joined(separator: ", ")))")
                throw ExitCode(ExitStatus.badInput)
            }
            pack = chosen
        } else {
            guard let latest = codes.max(by: { ($0.inForceFrom?.dayNumber ?? 0) < ($1.inForceFrom?.dayNumber ?? 0) }) else {
                printError("error: no Code packs in \(folder)")
                throw ExitCode(ExitStatus.badInput)
            }
            pack = latest
        }
        let report = Linter(code: pack).lint(config)
        let text: String
        switch format {
        case .text: text = SelfAssessment.text(report)
        case .json: text = SelfAssessment.json(report)
        case .markdown: text = SelfAssessment.markdown(report)
        case .sarif: text = SARIFReporter().render(report.asCheckReport(asOf: .today()))
        case .junit: text = JUnitReporter().render(report.asCheckReport(asOf: .today()))
        case .github: text = GitHubReporter().render(report.asCheckReport(asOf: .today()))
        case .csv: text = CSVReporter().render(report.asCheckReport(asOf: .today()))
        }
        try emit(text, to: output)
        let code = report.exitCode(failOn: failOn.severity)
        if code != 0 { throw ExitCode(code) }
    }
}

enum LintFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown, sarif, junit, github, csv
}

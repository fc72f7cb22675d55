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
            Reports every place where the process cannot comply, at the key's file:line:col, with the paragraph; \
            provisions the config does not state are listed as not evaluable with what to add. \
            Prints a self-assessment table (provision, requirement, met / not met / not stated, evidence).

            Examples:
              chc lint Examples/policies/compliant-2024.yaml
              chc lint Examples/policies/luton-2022.yaml --code hos-2022 --format markdown
            """
    )

    @Argument(help: "The complaints-process config (YAML).")
    var policy: String

    @Option(help: "The Code to check against (default: the latest).")
    var code: String?

    @Option(help: "Output format.")
    var format: LintFormatChoice = .text

    @OptionGroup var verdict: VerdictOptions

    @OptionGroup var packs: RulePackOptions

    func run() throws {
        try refuseOverwritingInputs(verdict.output, inputs: [policy, packs.folder].compactMap { $0 })
        let writer = try openOutput(verdict.output)
        let (library, source, errors) = try packs.load()
        let config: PolicyConfig
        do { config = try PolicyYAML.load(policy) } catch {
            throw CommandFailure.unreadable(errors + [error])
        }
        if !errors.isEmpty { throw CommandFailure.unreadable(errors) }
        let codes = library.packs.filter { $0.kind == .code && $0.cases == .complaint }
        let pack: RulePack
        if let code {
            guard let chosen = library.pack(code), chosen.cases == .complaint else {
                throw CommandFailure.badInput(
                    "unknown --code `\(code)`\(didYouMean(code, among: codes.map(\.id))) (codes: \(codes.map(\.id).joined(separator: ", ")))"
                )
            }
            pack = chosen
        } else {
            guard let latest = codes.max(by: { ($0.inForceFrom?.dayNumber ?? 0) < ($1.inForceFrom?.dayNumber ?? 0) }) else {
                throw CommandFailure.badInput("no Code packs in \(source)")
            }
            pack = latest
        }
        // The config names the Code it follows; without --code it is still checked against the
        // latest (a policy written for a replaced Code is what lint is for), and says so.
        if code == nil, let named = config.code, named.lowercased() != pack.id.lowercased() {
            printError(
                "note: \(policy) says `code: \(named)`; checked against \(pack.id), the latest Code (--code \(named) checks it against the one it names)"
            )
        }
        let report = Linter(code: pack).lint(config)
        try finish(writer, with: (format.reporter() as! any LintFormat).render(report))
        let code = report.exitCode(failOn: verdict.failOn.severity)
        if code != 0 { throw CommandFailure.status(ExitStatus(rawValue: code) ?? .badInput) }
    }
}

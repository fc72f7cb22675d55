import ArgumentParser
import CHCChecks
import CHCIngest
import CHCModel
import CHCOutput

/// The `chc` command: a thin shell over CHCKit.
struct CHC: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chc",
        abstract: "The Complaint Handling Code checker: find where complaint handling breaks the Housing Ombudsman's Code.",
        discussion: """
        Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 bad input or usage.
        """,
        version: CHCVersion.current,
        subcommands: [CheckCommand.self, DueCommand.self, ReportCommand.self, LintCommand.self, RulesCommand.self, DaysCommand.self]
    )
}

@main
enum Main {
    static func main() {
        do {
            var command = try CHC.parseAsRoot()
            try command.run()
        } catch {
            let code = CHC.exitCode(for: error)
            if code == .success {
                CHC.exit(withError: error)
            }
            if let exit = error as? ExitCode {
                CHC.exit(withError: exit)
            }
            // Usage and validation errors: print ArgumentParser's message, exit 2 as the spec says.
            let message = CHC.fullMessage(for: error)
            if !message.isEmpty { printError(message) }
            CHC.exit(withError: ExitCode(2))
        }
    }
}

import ArgumentParser
import CHCModel
import CHCOutput
import Foundation

/// The `chc` command: a thin shell over the library's layers.
struct CHC: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chc",
        abstract: "The Complaint Handling Code checker: find where complaint handling breaks the Housing Ombudsman's Code.",
        discussion: "Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 bad input or usage.",
        version: CHCVersion.current,
        subcommands: [
            CheckCommand.self, DueCommand.self, ReportCommand.self, LintCommand.self, RulesCommand.self, DaysCommand.self, InitCommand.self,
        ]
    )
}

@main
enum Main {
    static func main() {
        // A closed pipe is an error to report (EPIPE from write), not a signal that kills the run.
        signal(SIGPIPE, SIG_IGN)
        // An interrupted run removes its temporary file and exits 128 + the signal.
        InterruptCleanup.install()
        do {
            var command = try CHC.parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            let (message, status) = failure.report
            if let message, !message.isEmpty { printError(message) }
            CHC.exit(withError: ExitCode(status.rawValue))
        } catch {
            if CHC.exitCode(for: error) == .success || error is ExitCode { CHC.exit(withError: error) }
            // Usage and validation errors: ArgumentParser's message, and exit 2 as bad usage.
            let message = CHC.fullMessage(for: error)
            if !message.isEmpty { printError(message) }
            CHC.exit(withError: ExitCode(ExitStatus.badInput.rawValue))
        }
    }
}

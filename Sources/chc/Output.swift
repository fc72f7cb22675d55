import ArgumentParser
import Foundation

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// The exit codes every command shares.
enum ExitStatus {
    static let findings: Int32 = 1
    static let badInput: Int32 = 2
}

/// Refuses an `--output` that would overwrite one of the command's own inputs.
func refuseOverwritingInputs(_ output: String?, inputs: [String]) throws {
    guard let output else { return }
    let target = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath().path
    for input in inputs where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path == target {
        printError("error: --output \(output) is one of the inputs; chc never writes over what it reads")
        throw ExitCode(ExitStatus.badInput)
    }
}

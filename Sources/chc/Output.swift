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

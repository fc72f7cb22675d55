import ArgumentParser
import Foundation

/// `chc init [FOLDER]`: a starting policy config and an example timeline, never over a file.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a starting policy config and an example timeline to begin from.",
        discussion: """
            Writes chc-policy.yaml (the 2024 Code's timescales, each commented with its paragraph) \
            and example-timeline.yaml (one complaint) into FOLDER. Never overwrites a file: if \
            either exists, nothing is written and chc exits 2.

            Examples:
              chc init
              chc init complaints-config
            """
    )

    static let files = [("chc-policy.yaml", StarterFiles.policy), ("example-timeline.yaml", StarterFiles.timeline)]

    @Argument(help: "The folder to write them in (made if missing; default: the current folder).")
    var folder: String = "."

    func run() throws {
        // Named as the user would type them: `chc-policy.yaml`, not `./chc-policy.yaml`.
        let paths = Self.files.map { (folder == "." ? $0.0 : (folder as NSString).appendingPathComponent($0.0), $0.1) }
        try writeNewFiles(paths, into: folder)
        let shown = paths.map(\.0)
        print(
            """
            wrote \(shown[0]) and \(shown[1]). Next:
              chc lint \(shown[0])
              chc check \(shown[1]) --policy \(shown[0])
            """)
    }
}

import ArgumentParser
import Foundation

/// `chc init [FOLDER]`: a starting policy config and an example timeline, never over a file.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a starting policy config and an example timeline to begin from.",
        discussion: """
            Writes chc-policy.yaml (the 2024 Code's timescales, each commented with its paragraph)
            and example-timeline.yaml (one complaint) into FOLDER. Never overwrites a file: if
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
        let existing = paths.map(\.0).filter { FileManager.default.fileExists(atPath: $0) || isDanglingLink($0) }
        guard existing.isEmpty else {
            throw CommandFailure.badInput(
                "\(existing.joined(separator: " and ")) already exist\(existing.count == 1 ? "s" : ""); chc init never overwrites a file, so wrote nothing (move it away, or name another folder: chc init FOLDER)"
            )
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure.badInput("\(folder): cannot make the folder (\(error.localizedDescription))")
        }
        var written: [String] = []
        for (path, text) in paths {
            do {
                try writeNew(path, text)
            } catch {
                for path in written { unlink(path) }
                throw error
            }
            written.append(path)
        }
        let shown = paths.map(\.0)
        print(
            """
            wrote \(shown[0]) and \(shown[1]). Next:
              chc lint \(shown[0])
              chc check \(shown[1]) --policy \(shown[0])
            """)
    }

    private func isDanglingLink(_ path: String) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
    }

    /// Creates `path` only if nothing is there (O_EXCL, links not followed), so a file made
    /// between the check and the write is still never overwritten.
    private func writeNew(_ path: String, _ text: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw CommandFailure.badInput("\(path): cannot create it (\(String(cString: strerror(errno))))")
        }
        defer { close(descriptor) }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                let reason = String(cString: strerror(errno))
                unlink(path)
                throw CommandFailure.badInput("\(path): cannot write it (\(reason))")
            }
            bytes = bytes.dropFirst(count)
        }
    }
}

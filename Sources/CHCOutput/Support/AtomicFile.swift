import CHCChecks
import CHCIngest
import CHCModel
import Foundation

/// Writes a report so that an interrupted run never leaves a half-written file: the text goes
/// to a temporary file in the same folder, which is then renamed over the target.
package enum AtomicFile {
    package static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        try Data(text.utf8).write(to: temporary)
        if rename(temporary.path, url.path) != 0 {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
    }
}

/// Writes a report as it is produced: to standard output, or to a temporary file beside the
/// target that is renamed over it on `commit()` (so an interrupted run leaves no half-written
/// report). Buffers 1 MiB at a time.
package final class ReportWriter {
    private let handle: FileHandle
    private let target: String?
    private let temporary: String?
    private var buffer = Data()

    package init(path: String?) throws {
        guard let path else {
            handle = FileHandle.standardOutput
            target = nil
            temporary = nil
            return
        }
        let url = URL(fileURLWithPath: path)
        let temp = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp"
        ).path
        guard FileManager.default.createFile(atPath: temp, contents: nil), let handle = FileHandle(forWritingAtPath: temp) else {
            throw POSIXError(.EACCES)
        }
        self.handle = handle
        target = path
        temporary = temp
    }

    package func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { flush() }
    }

    private func flush() {
        handle.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Finishes the output: flushes, and renames the temporary file over the target.
    package func commit() throws {
        flush()
        guard let target, let temporary else { return }
        try handle.close()
        if rename(temporary, target) != 0 {
            let code = errno
            try? FileManager.default.removeItem(atPath: temporary)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
    }
}

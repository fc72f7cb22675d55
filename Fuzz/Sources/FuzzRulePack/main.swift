import CHCKit
import Foundation

/// libFuzzer entry point: the input bytes are written to a file and read by the RulePack reader,
/// exactly as `chc` reads a user's file. Any crash, sanitizer report or hang is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let path = FuzzFile.path
    FileManager.default.createFile(atPath: path, contents: Data(bytes: bytes, count: count))
    _ = try? RulePackYAML.load(path)
    return 0
}

enum FuzzFile {
    /// One scratch file per process, in memory where the system has /dev/shm.
    static let path: String = {
        let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        return "\(folder)/chc-fuzz-RulePack-\(ProcessInfo.processInfo.processIdentifier).input"
    }()
}

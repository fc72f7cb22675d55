import Foundation

/// Writes a fuzzer's input bytes to a scratch file and hands its path to a reader, exactly as
/// `chc` reads a user's file. One scratch file per process, in memory where /dev/shm exists.
public func withFuzzFile(_ bytes: UnsafePointer<UInt8>, _ count: Int, read: (String) -> Void) -> CInt {
    _ = FileManager.default.createFile(atPath: scratchPath, contents: Data(bytes: bytes, count: count))
    read(scratchPath)
    return 0
}

private let scratchPath: String = {
    let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    return "\(folder)/chc-fuzz-\(ProcessInfo.processInfo.processIdentifier).input"
}()

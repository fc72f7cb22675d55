import CHCChecks
import FuzzSupport

/// libFuzzer entry point for the baseline reader, as a JSON report and as JSON Lines: any
/// crash, sanitizer report or hang is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    withFuzzFile(bytes, count) {
        _ = ReaderEntryPoints.readBaseline($0, jsonLines: false)
        _ = ReaderEntryPoints.readBaseline($0, jsonLines: true)
    }
}

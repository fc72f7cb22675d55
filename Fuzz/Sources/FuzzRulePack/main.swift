import CHCKit
import FuzzSupport

/// libFuzzer entry point for the RulePack reader: any crash, sanitizer report or hang is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    withFuzzFile(bytes, count) { _ = try? RulePackYAML.load($0) }
}

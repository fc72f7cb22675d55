import CHCChecks
import FuzzSupport

/// libFuzzer entry point for the Excel workbook reader (ZIPFoundation, XMLParser and chc's use
/// of them): any crash, sanitizer report or hang is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    withFuzzFile(bytes, count) { _ = ReaderEntryPoints.readWorkbook($0) }
}

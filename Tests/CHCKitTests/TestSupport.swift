import Foundation
import WorkingDays

@testable import CHCChecks
@testable import CHCIngest
@testable import CHCModel
@testable import CHCOutput

/// The package root, for reading shipped packs, examples and goldens.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

func path(_ relative: String) -> String { (packageRoot as NSString).appendingPathComponent(relative) }

func date(_ iso: String) -> CivilDate { try! CivilDate(iso: iso) }

/// Writes the bytes to a new temporary `.csv` file and returns its path (the caller removes it).
func temporaryCSV(bytes: [UInt8]) throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("chc-\(UUID().uuidString).csv")
    try Data(bytes).write(to: url)
    return url.path
}

/// Writes the text to a new temporary `.csv` file and returns its path (the caller removes it).
func temporaryCSV(_ text: String) throws -> String { try temporaryCSV(bytes: Array(text.utf8)) }

/// The shipped Code packs.
func shippedLibrary() throws -> RuleLibrary {
    let (library, errors) = RuleLibrary.load(folder: path("Rules"))
    if let error = errors.first { throw error }
    return library
}

/// Checks YAML timeline text against a pack (or the Code in force) and returns its result.
func check(_ yaml: String, pack: String? = nil, asOf: String, policy: PolicyConfig? = nil) throws -> ComplaintResult {
    let library = try shippedLibrary()
    let complaints = try TimelineYAML.parse(yaml, file: "test.yaml")
    let checker = Checker(
        library: library, calendars: try CalendarSetup(),
        options: CheckOptions(asOf: date(asOf), forcedPack: pack.flatMap(library.pack), policy: policy))
    return checker.check(complaints[0])
}

extension ComplaintResult {
    func evaluation(_ rule: String) -> RuleEvaluation? { evaluations.first { $0.rule.id == rule } }
    func findings(_ rule: String) -> [Finding] { findings.filter { $0.rule == rule } }
}

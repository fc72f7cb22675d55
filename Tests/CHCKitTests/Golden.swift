import Foundation
import Testing

/// Compares text with a checked-in golden file under `Tests/CHCKitTests/Goldens/`.
/// Run with `CHC_UPDATE_GOLDENS=1 swift test` to rewrite them after a deliberate change
/// (then review the diff before committing).
func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = URL(fileURLWithPath: path("Tests/CHCKitTests/Goldens/\(name)"))
    if ProcessInfo.processInfo.environment["CHC_UPDATE_GOLDENS"] == "1" {
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("missing golden \(name); run CHC_UPDATE_GOLDENS=1 swift test", sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }
        let line = first?.offset ?? min(a.count, b.count)
        Issue.record(
            "\(name) differs from its golden at line \(line + 1):\n  golden: \(line < a.count ? a[line] : "<end>")\n  actual: \(line < b.count ? b[line] : "<end>")",
            sourceLocation: sourceLocation)
    }
}

/// Makes absolute paths under the package relative, so goldens do not depend on the checkout.
func relativePaths(_ text: String) -> String { text.replacingOccurrences(of: packageRoot + "/", with: "") }

import CHCChecks
import CHCIngest
import CHCModel
/// JUnit XML: one testsuite per complaint, one testcase per rule evaluated. A breach is a
/// failure; a rule that could not be evaluated, or does not apply yet, is skipped.
package struct JUnitReporter {
    package init() {}

    package func render(_ report: CheckReport) -> String {
        var suites: [String] = []
        var totals = (tests: 0, failures: 0, errors: 0, skipped: 0)
        for (file, result) in report.results {
            var cases: [String] = []
            var counts = (tests: 0, failures: 0, skipped: 0)
            for evaluation in result.evaluations {
                counts.tests += 1
                let name = "\(evaluation.rule.id): \(evaluation.rule.summary)"
                var body = ""
                let breaches = evaluation.findings.filter { $0.isBreach && !report.baseline.contains($0.fingerprint) }
                if !breaches.isEmpty {
                    counts.failures += 1
                    let message = breaches.map(\.message).joined(separator: "\n")
                    let located = breaches.map { "\($0.location): \($0.message)" }.joined(separator: "\n")
                    body = "<failure message=\"\(xml(message))\" type=\"\(breaches[0].status.rawValue)\">\(xml(located))</failure>"
                } else if evaluation.outcome != .compliant {
                    counts.skipped += 1
                    let why = evaluation.findings.first?.message ?? evaluation.outcome.rawValue
                    body = "<skipped message=\"\(xml(evaluation.outcome.rawValue + ": " + why))\"/>"
                }
                cases.append("    <testcase name=\"\(xml(name))\" classname=\"\(xml(evaluation.pack.isEmpty ? "chc" : evaluation.pack))\" file=\"\(xml(file))\">\(body)</testcase>")
            }
            totals.tests += counts.tests
            totals.failures += counts.failures
            totals.skipped += counts.skipped
            suites.append("  <testsuite name=\"\(xml(result.complaint.id))\" tests=\"\(counts.tests)\" failures=\"\(counts.failures)\" errors=\"0\" skipped=\"\(counts.skipped)\" file=\"\(xml(file))\">\n"
                + cases.joined(separator: "\n") + "\n  </testsuite>")
        }
        for problem in report.inputErrors.flatMap(\.problems) {
            totals.tests += 1
            totals.errors += 1
            suites.append("  <testsuite name=\"\(xml(problem.location.file))\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n"
                + "    <testcase name=\"input\" classname=\"chc\"><error message=\"\(xml(problem.message))\" type=\"input-error\">\(xml(problem.description))</error></testcase>\n  </testsuite>")
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"chc\" tests=\"\(totals.tests)\" failures=\"\(totals.failures)\" errors=\"\(totals.errors)\" skipped=\"\(totals.skipped)\">\n"
            + suites.joined(separator: "\n") + (suites.isEmpty ? "" : "\n") + "</testsuites>\n"
    }
}

/// Escapes text for an XML attribute or element, dropping characters XML 1.0 cannot hold.
package func xml(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&apos;"
        case "\n": out += "&#10;"
        case "\r": out += "&#13;"
        case "\t": out += "&#9;"
        default:
            let v = scalar.value
            if v >= 0x20 && !(0xD800...0xDFFF).contains(v) && v != 0xFFFE && v != 0xFFFF { out.unicodeScalars.append(scalar) }
        }
    }
    return out
}

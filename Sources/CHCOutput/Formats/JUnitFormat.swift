import CHCChecks
import CHCModel
import WorkingDays

/// JUnit XML: one testsuite per complaint, one testcase per rule evaluated. A breach is a
/// failure; a rule that could not be evaluated, or does not apply yet, is skipped.
package struct JUnitFormat: CheckRunFormat, LintFormat {
    package static let identifier = "junit"

    package init(options: ReporterOptions) {}
    package init() {}

    package func render(_ report: LintReport) -> String { render(report.asCheckReport(asOf: .today())) }

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
                    body =
                        "<failure message=\"\(MarkupText.xml(message))\" type=\"\(breaches[0].status.rawValue)\">\(MarkupText.xml(located))</failure>"
                } else if evaluation.outcome != .compliant {
                    counts.skipped += 1
                    let why = evaluation.findings.first?.message ?? evaluation.outcome.rawValue
                    body = "<skipped message=\"\(MarkupText.xml(evaluation.outcome.rawValue + ": " + why))\"/>"
                }
                cases.append(
                    "    <testcase name=\"\(MarkupText.xml(name))\" classname=\"\(MarkupText.xml(evaluation.pack.isEmpty ? "chc" : evaluation.pack))\" file=\"\(MarkupText.xml(file))\">\(body)</testcase>"
                )
            }
            totals.tests += counts.tests
            totals.failures += counts.failures
            totals.skipped += counts.skipped
            suites.append(
                "  <testsuite name=\"\(MarkupText.xml(result.complaint.id))\" tests=\"\(counts.tests)\" failures=\"\(counts.failures)\" errors=\"0\" skipped=\"\(counts.skipped)\" file=\"\(MarkupText.xml(file))\">\n"
                    + cases.joined(separator: "\n") + "\n  </testsuite>")
        }
        for problem in report.inputErrors.flatMap(\.problems) {
            totals.tests += 1
            totals.errors += 1
            suites.append(
                "  <testsuite name=\"\(MarkupText.xml(problem.location.file))\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n"
                    + "    <testcase name=\"input\" classname=\"chc\"><error message=\"\(MarkupText.xml(problem.message))\" type=\"input-error\">\(MarkupText.xml(problem.description))</error></testcase>\n  </testsuite>"
            )
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"chc\" tests=\"\(totals.tests)\" failures=\"\(totals.failures)\" errors=\"\(totals.errors)\" skipped=\"\(totals.skipped)\">\n"
            + suites.joined(separator: "\n") + (suites.isEmpty ? "" : "\n") + "</testsuites>\n"
    }
}

import CHCChecks
import CHCModel
import WorkingDays

/// JUnit XML: one testsuite per complaint, one testcase per rule evaluated. A breach is a
/// failure; a rule that could not be evaluated, or does not apply yet, is skipped. The totals
/// come first, so the suites are spooled (`SpooledCheckFormat`) until the run is over.
package struct JUnitFormat: SpooledCheckFormat, LintFormat {
    package static let identifier = "junit"

    package init(options: ReporterOptions) {}
    package init() {}

    package func render(_ report: LintReport) -> String { render(report.asCheckReport(asOf: .today())) }

    /// Test cases (rules evaluated), failures and skipped ones, for the totals at the top.
    package struct Totals: Sendable {
        var tests = 0
        var failures = 0
        var skipped = 0
    }

    package var noTotals: Totals { Totals() }

    package func add(_ part: Totals, to total: inout Totals) {
        total.tests += part.tests
        total.failures += part.failures
        total.skipped += part.skipped
    }

    /// A complaint's test suite: a test case per rule evaluated.
    package func records(file: String, result: ComplaintResult, findings: [Finding], asOf: CivilDate) -> (
        records: [SpoolRecord], totals: Totals
    ) {
        var cases: [String] = []
        var counts = Totals()
        // Findings a baseline holds are left out of `findings`: they are not failures.
        let suppressed: Set<Fingerprint> =
            findings.count == result.findings.count ? [] : Set(result.findings.map(\.fingerprint)).subtracting(findings.map(\.fingerprint))
        for evaluation in result.evaluations {
            counts.tests += 1
            let name = "\(evaluation.rule.id): \(evaluation.rule.summary)"
            var body = ""
            let breaches = evaluation.findings.filter { $0.isBreach && !suppressed.contains($0.fingerprint) }
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
        let suite =
            "  <testsuite name=\"\(MarkupText.xml(result.complaint.id))\" tests=\"\(counts.tests)\" failures=\"\(counts.failures)\" errors=\"0\" skipped=\"\(counts.skipped)\" file=\"\(MarkupText.xml(file))\">\n"
            + cases.joined(separator: "\n") + "\n  </testsuite>\n"
        return ([SpoolRecord(bytes: Array(suite.utf8))], counts)
    }

    package func assemble(
        asOf: CivilDate, totals: Totals, inputErrors: [InputError], replay: SpoolReplay, write: @escaping (UnsafeRawBufferPointer) -> Void
    ) throws {
        func writeText(_ text: String) {
            var text = text
            text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
        }
        let problems = inputErrors.flatMap(\.problems)
        writeText(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuites name=\"chc\" tests=\"\(totals.tests + problems.count)\" failures=\"\(totals.failures)\" errors=\"\(problems.count)\" skipped=\"\(totals.skipped)\">\n"
        )
        try replay { _, _, suite in write(suite) }
        for problem in problems {
            writeText(
                "  <testsuite name=\"\(MarkupText.xml(problem.location.file))\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n"
                    + "    <testcase name=\"input\" classname=\"chc\"><error message=\"\(MarkupText.xml(problem.message))\" type=\"input-error\">\(MarkupText.xml(problem.description))</error></testcase>\n  </testsuite>\n"
            )
        }
        writeText("</testsuites>\n")
    }
}

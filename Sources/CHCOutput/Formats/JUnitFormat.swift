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

    /// A complaint's test suite: a test case per rule evaluated. Written as bytes: a run of a
    /// million complaints has fifteen million test cases.
    package func records(file: String, result: ComplaintResult, findings: [Finding], asOf: CivilDate) -> (
        records: [SpoolRecord], totals: Totals
    ) {
        var counts = Totals()
        // Findings a baseline holds are left out of `findings`: they are not failures.
        let suppressed: Set<Fingerprint> =
            findings.count == result.findings.count
            ? [] : Set(result.findings.map(\.fingerprint)).subtracting(findings.map(\.fingerprint))
        var fileAttribute: [UInt8] = []
        MarkupText.appendXML(file, to: &fileAttribute)
        var cases: [UInt8] = []
        cases.reserveCapacity(400 * result.evaluations.count)
        for evaluation in result.evaluations {
            counts.tests += 1
            cases += Self.caseStart
            MarkupText.appendXML("\(evaluation.rule.id): \(evaluation.rule.summary)", to: &cases)
            cases += Self.classAttribute
            MarkupText.appendXML(evaluation.pack.isEmpty ? "chc" : evaluation.pack, to: &cases)
            cases += Self.fileAttribute
            cases += fileAttribute
            cases += Self.caseBodyStart
            let breaches = evaluation.findings.filter { $0.isBreach && !suppressed.contains($0.fingerprint) }
            if !breaches.isEmpty {
                counts.failures += 1
                cases += Array("<failure message=\"".utf8)
                MarkupText.appendXML(breaches.map(\.message).joined(separator: "\n"), to: &cases)
                cases += Array("\" type=\"\(breaches[0].status.rawValue)\">".utf8)
                MarkupText.appendXML(breaches.map { "\($0.location): \($0.message)" }.joined(separator: "\n"), to: &cases)
                cases += Array("</failure>".utf8)
            } else if evaluation.outcome != .compliant {
                counts.skipped += 1
                cases += Array("<skipped message=\"".utf8)
                MarkupText.appendXML(
                    evaluation.outcome.rawValue + (evaluation.findings.first.map { ": " + $0.message } ?? ""), to: &cases)
                cases += Array("\"/>".utf8)
            }
            cases += Self.caseEnd
        }
        var suite = Array("  <testsuite name=\"".utf8)
        suite.reserveCapacity(cases.count + 200)
        MarkupText.appendXML(result.complaint.id, to: &suite)
        suite += Array(
            "\" tests=\"\(counts.tests)\" failures=\"\(counts.failures)\" errors=\"0\" skipped=\"\(counts.skipped)\" file=\"".utf8)
        suite += fileAttribute
        suite += Array("\">\n".utf8)
        suite += cases.isEmpty ? [10] : cases  // an empty suite keeps its blank line
        suite += Array("  </testsuite>\n".utf8)
        return ([SpoolRecord(bytes: suite)], counts)
    }

    private static let caseStart = Array("    <testcase name=\"".utf8)
    private static let classAttribute = Array("\" classname=\"".utf8)
    private static let fileAttribute = Array("\" file=\"".utf8)
    private static let caseBodyStart = Array("\">".utf8)
    private static let caseEnd = Array("</testcase>\n".utf8)

    package func assemble(
        asOf: CivilDate, totals: Totals, inputErrors: [InputError], replay: SpoolReplay, write: @escaping (UnsafeRawBufferPointer) -> Void
    ) throws {
        func writeText(_ text: String) { self.write(text, to: write) }
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

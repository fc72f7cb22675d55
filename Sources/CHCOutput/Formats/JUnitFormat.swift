import CHCChecks
import CHCModel
import WorkingDays

/// JUnit XML: one testsuite per complaint, one testcase per rule evaluated. A breach is a
/// failure; a rule that could not be evaluated, or does not apply yet, is skipped. The totals
/// come first: written to a file of chc's own, the start is written with room for them and
/// written over at the end (`StartRewritingFormat`); written anywhere else, the suites are
/// spooled (`SpooledCheckFormat`) until the run is over.
package struct JUnitFormat: StartRewritingFormat, LintFormat {
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
    /// million complaints has fifteen million test cases; each rule's test case name is escaped
    /// once per thread (`scratch`).
    package func records(file: String, result: ComplaintResult, findings: [Finding], asOf: CivilDate, scratch: RenderScratch) -> (
        records: [SpoolRecord], totals: Totals
    ) {
        var counts = Totals()
        // Findings a baseline holds are left out of `findings`: they are not failures.
        let suppressed: Set<Fingerprint> =
            findings.count == result.findingCount
            ? [] : Set(result.findings.map(\.fingerprint)).subtracting(findings.map(\.fingerprint))
        var fileAttribute: [UInt8] = []
        MarkupText.appendXML(file, to: &fileAttribute)
        var cases: [UInt8] = []
        cases.reserveCapacity(400 * result.evaluations.count)
        // Each evaluation's fields are read in place: taking an evaluation out of the array
        // copies it (its findings, dates and rule: fifteen a complaint).
        let evaluations = result.evaluations
        for place in evaluations.indices {
            counts.tests += 1
            // The test case's opening tag, up to its body, made once per rule and file.
            let (rule, pack) = (evaluations[place].rule, evaluations[place].pack)
            cases += scratch.text(for: rule, pack: pack, file: file) {
                var start = Self.caseStart
                MarkupText.appendXML("\(rule.id): \(rule.summary)", to: &start)
                start += Self.classAttribute
                MarkupText.appendXML(pack.isEmpty ? "chc" : pack, to: &start)
                start += Self.fileAttribute
                start += fileAttribute
                start += Self.caseBodyStart
                return start
            }
            let outcome = evaluations[place].outcome
            guard !evaluations[place].findings.isEmpty else {
                if outcome != .compliant {
                    counts.skipped += 1
                    cases += Self.skipped[outcome]
                }
                cases += Self.caseEnd
                continue
            }
            let breaches = evaluations[place].findings.filter {
                $0.isBreach && (suppressed.isEmpty || !suppressed.contains($0.fingerprint))
            }
            if !breaches.isEmpty {
                counts.failures += 1
                cases += "<failure message=\"".utf8
                MarkupText.appendXML(breaches.map(\.message).joined(separator: "\n"), to: &cases)
                cases += "\" type=\"".utf8
                cases += breaches[0].status.rawValue.utf8
                cases += "\">".utf8
                MarkupText.appendXML(breaches.map { "\($0.location): \($0.message)" }.joined(separator: "\n"), to: &cases)
                cases += "</failure>".utf8
            } else if outcome != .compliant {
                counts.skipped += 1
                cases += "<skipped message=\"".utf8
                cases += outcome.rawValue.utf8  // plain words: nothing to escape
                if let first = evaluations[place].findings.first {
                    cases += ": ".utf8
                    MarkupText.appendXML(first.message, to: &cases)
                }
                cases += "\"/>".utf8
            }
            cases += Self.caseEnd
        }
        // Two records: the suite's tag (which needs the counts) and its test cases with the end
        // tag, so the test cases are not copied behind the tag (four gigabytes at a million).
        var suite: [UInt8] = []
        suite.reserveCapacity(200)
        suite += "  <testsuite name=\"".utf8
        MarkupText.appendXML(result.complaint.id, to: &suite)
        suite += "\" tests=\"".utf8
        suite.appendDecimal(counts.tests)
        suite += "\" failures=\"".utf8
        suite.appendDecimal(counts.failures)
        suite += "\" errors=\"0\" skipped=\"".utf8
        suite.appendDecimal(counts.skipped)
        suite += "\" file=\"".utf8
        suite += fileAttribute
        suite += "\">\n".utf8
        if cases.isEmpty { suite.append(10) }  // an empty suite keeps its blank line
        cases += "  </testsuite>\n".utf8
        return ([SpoolRecord(bytes: scratch.handed(suite)), SpoolRecord(bytes: scratch.handed(cases))], counts)
    }

    private static let caseStart = Array("    <testcase name=\"".utf8)
    private static let classAttribute = Array("\" classname=\"".utf8)
    private static let fileAttribute = Array("\" file=\"".utf8)
    private static let caseBodyStart = Array("\">".utf8)
    private static let caseEnd = Array("</testcase>\n".utf8)

    /// `<skipped message="not-applicable"/>` and the like, for an outcome with no finding to quote.
    private static let skipped = PerOutcome { outcome in
        Array("<skipped message=\"\(outcome.rawValue)\"/>".utf8)  // plain words: nothing to escape
    }

    /// The XML declaration and the `<testsuites>` tag with the run's totals. With `width`, padded
    /// with spaces before the tag's `>` (XML allows them there) to exactly `width` bytes, so the
    /// real totals can be written over a start written before they were known.
    package func start(totals: Totals, inputErrors: [InputError], width: Int? = nil) -> [UInt8] {
        let problems = inputErrors.reduce(0) { $0 + $1.problems.count }
        var out = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"chc\" tests=\"".utf8)
        out.appendDecimal(totals.tests + problems)
        out += "\" failures=\"".utf8
        out.appendDecimal(totals.failures)
        out += "\" errors=\"".utf8
        out.appendDecimal(problems)
        out += "\" skipped=\"".utf8
        out.appendDecimal(totals.skipped)
        out.append(34)  // "
        if let width { out += repeatElement(32, count: max(0, width - out.count - 2)) }
        out += ">\n".utf8
        return out
    }

    /// The width of a padded start: room for the largest totals.
    package var startWidth: Int {
        // Nineteen digits for each total; the input problems' count is written as 0 here.
        start(totals: Totals(tests: Int.max, failures: Int.max, skipped: Int.max), inputErrors: []).count + 18
    }

    /// After the suites: a suite per input problem, and the end of the document.
    package func end(inputErrors: [InputError]) -> [UInt8] {
        var out = ""
        for problem in inputErrors.flatMap(\.problems) {
            out +=
                "  <testsuite name=\"\(MarkupText.xml(problem.location.file))\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n"
                + "    <testcase name=\"input\" classname=\"chc\"><error message=\"\(MarkupText.xml(problem.message))\" type=\"input-error\">\(MarkupText.xml(problem.description))</error></testcase>\n  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return Array(out.utf8)
    }

    package func assemble(
        asOf: CivilDate, totals: Totals, inputErrors: [InputError], replay: SpoolReplay, write: @escaping (UnsafeRawBufferPointer) -> Void
    ) throws {
        start(totals: totals, inputErrors: inputErrors).withUnsafeBytes { write($0) }
        try replay { _, _, suite in write(suite) }
        end(inputErrors: inputErrors).withUnsafeBytes { write($0) }
    }
}

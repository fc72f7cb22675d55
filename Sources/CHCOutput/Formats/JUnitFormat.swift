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

    /// A complaint's test suite: a test case per rule evaluated. Written as bytes, as one record
    /// (its counts found first, for the suite's tag): a run of a million complaints has fifteen
    /// million test cases; each rule's are made once per thread and file (`scratch`).
    package func records(file: String, result: ComplaintResult, findings: [Finding], asOf: CivilDate, scratch: RenderScratch) -> (
        records: SpoolRecords, totals: Totals
    ) {
        // Findings a baseline holds are left out of `findings`: they are not failures.
        let suppressed: Set<Fingerprint> =
            findings.count == result.findingCount
            ? [] : Set(result.findings.map(\.fingerprint)).subtracting(findings.map(\.fingerprint))
        /// Whether finding `index` of `findings` fails its test case: read in place (a finding
        /// taken out of its array is copied, its every text counted).
        func isFailure(_ findings: [Finding], _ index: Int) -> Bool {
            Finding.isBreach(status: findings[index].status, severity: findings[index].severity)
                && (suppressed.isEmpty || !suppressed.contains(findings[index].fingerprint))
        }
        // Each evaluation's fields are read in place: taking an evaluation out of the array
        // copies it (its findings, dates and rule: fifteen a complaint).
        let evaluations = result.evaluations
        var fileAttribute: [UInt8] = []
        MarkupText.appendXML(file, to: &fileAttribute)
        scratch.use(file: file)
        // The counts: a test case per evaluation; a failure for each with a breach the baseline
        // does not hold; skipped, each other one but those that met their rule. And the test
        // cases kept for each rule and file, made for a rule met for the first time.
        var counts = Totals(tests: evaluations.count)
        for place in evaluations.indices {
            let serial = evaluations[place].rule.serial
            if scratch.keptTextCount(key: serial, pack: evaluations[place].pack) == nil {
                let (rule, pack) = (evaluations[place].rule, evaluations[place].pack)
                scratch.keepText(Self.keptTestCases(rule, pack: pack, fileAttribute: fileAttribute), key: serial, pack: pack)
            }
            if evaluations[place].findings.indices.contains(where: { isFailure(evaluations[place].findings, $0) }) {
                counts.failures += 1
            } else if case .compliant = evaluations[place].outcome {
                continue
            } else {
                counts.skipped += 1
            }
        }
        // Written in the thread's kept buffer (`handed(writing:)`), not an array of its own: a
        // few kilobytes a complaint, allocated and freed a million times.
        let record = scratch.handed { suite in
            suite.append("  <testsuite name=\"")
            MarkupText.appendXML(result.complaint.id, to: &suite)
            suite.append("\" tests=\"")
            suite.appendDecimal(counts.tests)
            suite.append("\" failures=\"")
            suite.appendDecimal(counts.failures)
            suite.append("\" errors=\"0\" skipped=\"")
            suite.appendDecimal(counts.skipped)
            suite.append("\" file=\"")
            suite += fileAttribute
            suite.append("\">\n")
            if evaluations.isEmpty { suite.append(10) }  // an empty suite keeps its blank line
            scratch.withKeptTexts { texts in
                for place in evaluations.indices {
                    // The test case whole when the rule was met, then whole when it does not
                    // apply (nearly every test case is one or the other), kept for the rule and
                    // file: the opening tag is the first's start. Read in place, by the rule's
                    // number: neither the rule nor the text is taken out (each taken out counted
                    // a reference).
                    let (serial, pack) = (evaluations[place].rule.serial, evaluations[place].pack)
                    if let kept = texts.text(key: serial, pack: pack) {
                        writeCase(place, kept)
                    } else {  // no longer kept (`RenderScratch.keptBytesLimit`)
                        Self.keptTestCases(evaluations[place].rule, pack: pack, fileAttribute: fileAttribute).withUnsafeBufferPointer {
                            writeCase(place, $0)
                        }
                    }
                }
            }
            suite.append("  </testsuite>\n")
            /// The test case of evaluation `place`, from the rule's kept test cases.
            func writeCase(_ place: Int, _ kept: UnsafeBufferPointer<UInt8>) {
                let metLength = (kept.count - Self.skippedNotApplicable.count) / 2
                switch evaluations[place].outcome {
                case .compliant where evaluations[place].findings.isEmpty:
                    suite.append(contentsOf: kept[..<metLength])
                    return
                case .notApplicable where evaluations[place].findings.isEmpty:
                    suite.append(contentsOf: kept[metLength...])
                    return
                default: break
                }
                suite.append(contentsOf: kept[..<(metLength - Self.caseEnd.utf8CodeUnitCount)])  // the opening tag
                let outcome = evaluations[place].outcome
                let findings = evaluations[place].findings
                guard !findings.isEmpty else {
                    suite += Self.skipped[outcome]
                    suite.append(Self.caseEnd)
                    return
                }
                // The findings that fail the test case, by their place (a finding taken out of
                // the array is copied): breaches, less those the baseline holds. Found again in
                // each loop rather than gathered into an array (nearly always there is one).
                if let first = findings.indices.first(where: { isFailure(findings, $0) }) {
                    // The breaches' messages, a line each, then each after its place in the
                    // input (`file:line:column: message`): escaped straight from the findings.
                    suite.append(Self.failureStart)
                    var firstMessage = 0..<0  // the first message escaped, written again below
                    for index in findings.indices[first...] where isFailure(findings, index) {
                        if index > first { suite.append(Self.escapedLineBreak) }
                        let start = suite.count
                        MarkupText.appendXML(findings[index].message, to: &suite)
                        if index == first { firstMessage = start..<suite.count }
                    }
                    suite.append(Self.failureType)
                    suite += findings[first].status.rawValue.utf8
                    suite.append(Self.failureBodyStart)
                    for index in findings.indices[first...] where isFailure(findings, index) {
                        if index > first { suite.append(Self.escapedLineBreak) }
                        let location = findings[index].location
                        MarkupText.appendXML(location.file, to: &suite)
                        suite.append(58)  // :
                        suite.appendDecimal(location.line)
                        suite.append(58)
                        suite.appendDecimal(location.column)
                        suite.append(Self.colonSpace)
                        if index == first {
                            suite.appendCopy(of: firstMessage)
                        } else {
                            MarkupText.appendXML(findings[index].message, to: &suite)
                        }
                    }
                    suite.append(Self.failureEnd)
                } else if outcome != .compliant {
                    suite.append("<skipped message=\"")
                    suite += outcome.rawValue.utf8  // plain words: nothing to escape
                    suite.append(Self.colonSpace)
                    MarkupText.appendXML(findings[0].message, to: &suite)
                    suite.append("\"/>")
                }
                suite.append(Self.caseEnd)
            }
        }
        return (SpoolRecords(SpoolRecord(bytes: record)), counts)
    }

    private static let caseStart: StaticString = "    <testcase name=\""
    private static let classAttribute: StaticString = "\" classname=\""
    private static let fileAttribute: StaticString = "\" file=\""
    private static let caseBodyStart: StaticString = "\">"
    private static let caseEnd: StaticString = "</testcase>\n"
    private static let failureStart: StaticString = "<failure message=\""
    private static let failureType: StaticString = "\" type=\""
    private static let failureBodyStart: StaticString = "\">"
    private static let failureEnd: StaticString = "</failure>"
    private static let colonSpace: StaticString = ": "
    private static let escapedLineBreak: StaticString = "&#10;"

    private static let skippedNotApplicable = skipped[.notApplicable]

    /// A rule's test case whole when it was met, then whole when it does not apply, in `pack`
    /// and the file `fileAttribute` names: what `records` keeps per rule and file.
    private static func keptTestCases(_ rule: Rule, pack: String, fileAttribute: [UInt8]) -> [UInt8] {
        var start: [UInt8] = []
        start.append(caseStart)
        MarkupText.appendXML("\(rule.id): \(rule.summary)", to: &start)
        start.append(classAttribute)
        MarkupText.appendXML(pack.isEmpty ? "chc" : pack, to: &start)
        start.append(Self.fileAttribute)
        start += fileAttribute
        start.append(caseBodyStart)
        var cases = start
        cases.append(caseEnd)
        cases += start
        cases += skippedNotApplicable
        cases.append(caseEnd)
        return cases
    }

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

import CHCChecks
import CHCModel
import WorkingDays

/// One output format (`--format NAME`).
///
/// A format is one file under `Formats/`: a type conforming to `Reporter` and to the protocol of
/// each thing it can write — a `chc check` run (`CheckRunFormat`, or `StreamingCheckFormat` when
/// it writes each complaint as soon as it is checked), the worklist (`DueListFormat`), the
/// board's report (`PerformanceFormat`), a lint result (`LintFormat`). `Reporters` lists the
/// formats; every command's `--format` values are derived from it.
package protocol Reporter: Sendable {
    /// The name `--format` takes.
    static var identifier: String { get }
    /// Whether a `chc check` run is written complaint by complaint as it is checked (memory then
    /// holds the complaints in flight), rather than collected and written at the end.
    static var streams: Bool { get }
    /// Whether the format writes input problems into its own output, so they are not repeated
    /// on standard error.
    static var showsInputErrors: Bool { get }

    init(options: ReporterOptions)
}

extension Reporter {
    package static var streams: Bool { false }
    package static var showsInputErrors: Bool { false }

    /// Whether the format can write `document`.
    package static func writes(_ document: OutputDocument) -> Bool {
        switch document {
        case .checkRun: self is any CheckRunFormat.Type
        case .dueList: self is any DueListFormat.Type
        case .performance: self is any PerformanceFormat.Type
        case .lint: self is any LintFormat.Type
        }
    }
}

/// How a run asked for its output.
package struct ReporterOptions: Sendable {
    /// Colour for a terminal (text only).
    package var colour: Bool
    /// The most results a format that can leave some out writes (SARIF: GitHub accepts 25,000
    /// and shows 5,000); nil for all.
    package var maxResults: Int?
    /// JSON laid out for people (indented, a member a line) rather than compact.
    package var pretty: Bool

    package init(colour: Bool = false, maxResults: Int? = nil, pretty: Bool = false) {
        self.colour = colour
        self.maxResults = maxResults
        self.pretty = pretty
    }
}

/// What a command writes.
package enum OutputDocument: String, CaseIterable, Sendable {
    case checkRun = "check"
    case dueList = "due"
    case performance = "report"
    case lint
}

/// Reads a spool's records back in order (as often as asked): each record's number, rank and bytes.
package typealias SpoolReplay = (_ body: (Int, UInt64, UnsafeRawBufferPointer) -> Void) throws -> Void

/// Writes a `chc check` run whose document cannot be written until the whole run is known:
/// SARIF (its rule list, `--max-results`), JUnit (totals at the top). Each complaint is rendered
/// on the checking thread into records, kept in a `Spool` on disk, and its part of the totals;
/// `assemble` writes the document from them at the end. Memory holds the complaints in flight,
/// as for a streaming format, not the run.
package protocol SpooledCheckFormat: CheckRunFormat {
    associatedtype Totals: Sendable
    /// The totals of a run with no complaint.
    var noTotals: Totals { get }
    /// One complaint's records and its part of the totals (on a checking thread, with that
    /// thread's `scratch`).
    func records(file: String, result: ComplaintResult, findings: [Finding], asOf: CivilDate, scratch: RenderScratch) -> (
        records: SpoolRecords, totals: Totals
    )
    func add(_ part: Totals, to total: inout Totals)
    /// Whether this run must be spooled; a format that can also stream (SARIF without
    /// `--max-results`) says no. True by default.
    var needsWholeRun: Bool { get }
    /// The document, from the run's totals and its records in order.
    func assemble(
        asOf: CivilDate, totals: Totals, inputErrors: [InputError], replay: SpoolReplay, write: @escaping (UnsafeRawBufferPointer) -> Void)
        throws
}

extension SpooledCheckFormat {
    package static var streams: Bool { true }
    package var needsWholeRun: Bool { true }

    /// Writes `text`'s UTF-8 through an `assemble` writer.
    func write(_ text: String, to write: (UnsafeRawBufferPointer) -> Void) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    package func render(_ report: CheckReport) -> String { renderSpooled(report) }

    /// The whole run at once, from records kept in memory: the same text as spooling it.
    package func renderSpooled(_ report: CheckReport) -> String {
        var kept: [SpoolRecord] = []
        var totals = noTotals
        let scratch = RenderScratch()
        for entry in report.results {
            let (records, part) = records(
                file: entry.file, result: entry.result, findings: report.findings(of: entry.result), asOf: report.asOf, scratch: scratch)
            kept += records
            add(part, to: &totals)
        }
        var out: [UInt8] = []
        let replay: SpoolReplay = { body in
            for (index, record) in kept.enumerated() { record.bytes.withBytes { body(index, record.rank, $0) } }
        }
        try? assemble(asOf: report.asOf, totals: totals, inputErrors: report.inputErrors, replay: replay) { out.append(contentsOf: $0) }
        return String(decoding: out, as: UTF8.self)
    }
}

/// A spooled format whose only part that needs the whole run is its start (JUnit's totals): when
/// the output is a file chc owns (`ReportWriter.canRewrite`), the start is written first with
/// room to spare (`startWidth` bytes, padded where the format allows spaces), the records go
/// straight to the output as each complaint is checked, and the start is written over at the end
/// with the real totals. The document then differs from the spooled one only by that padding.
package protocol StartRewritingFormat: SpooledCheckFormat {
    /// The bytes a padded start takes, whatever the totals.
    var startWidth: Int { get }
    /// The document's start: exactly `width` bytes when given, else as short as it can be.
    func start(totals: Totals, inputErrors: [InputError], width: Int?) -> [UInt8]
    /// What follows the records.
    func end(inputErrors: [InputError]) -> [UInt8]
}

/// Writes a whole `chc check` run.
package protocol CheckRunFormat: Reporter {
    func render(_ report: CheckReport) -> String
    /// This format for a run that may evaluate `rules` (`Checker.rulesInScope`): a format that
    /// lists the rules before its results (SARIF) keeps them. The format itself by default.
    func forRun(rules: [(rule: Rule, pack: String)]) -> Self
}

extension CheckRunFormat {
    package func forRun(rules: [(rule: Rule, pack: String)]) -> Self { self }
}

/// Writes a `chc check` run piece by piece: a beginning, one piece per complaint (on the
/// checking thread, as soon as it is checked), an end. A batch of a million complaints is then
/// written as it is checked.
///
/// A format writes each complaint's piece either as a string (`complaint`, the simple way) or
/// as UTF-8 bytes appended to a buffer (`appendComplaint`, the fast way: no string to make and
/// check, and the thread's `RenderScratch` to keep text made once per rule); it implements one
/// of the two, and the other is derived from it.
package protocol StreamingCheckFormat: CheckRunFormat {
    func begin(asOf: CivilDate) -> String
    /// Written between two complaints' pieces (JSON's comma); empty by default.
    var separator: String { get }
    /// What every piece that is not empty starts with, left out of the first such piece (the
    /// comma between SARIF's results, which only some complaints have); empty by default.
    var leadingSeparator: String { get }
    func complaint(file: String, result: ComplaintResult, findings: [Finding], asOf: CivilDate) -> String
    func appendComplaint(
        file: String, result: ComplaintResult, findings: [Finding], asOf: CivilDate, to out: inout [UInt8], scratch: RenderScratch)
    func end(summary: CheckReport.Summary, asOf: CivilDate, inputErrors: [InputError], skipped: [(file: String, reason: String)]) -> String
    /// Whether the format shows each complaint about a hazard beside the hazard's clocks (after
    /// the cases, before `end`); false by default.
    var pairsHazardClocks: Bool { get }
    func hazardClocks(_ book: HazardClockBook) -> String
}

extension StreamingCheckFormat {
    package static var streams: Bool { true }
    package var separator: String { "" }
    package var leadingSeparator: String { "" }
    package var pairsHazardClocks: Bool { false }
    package func hazardClocks(_ book: HazardClockBook) -> String { "" }

    package func complaint(file: String, result: ComplaintResult, findings: [Finding], asOf: CivilDate) -> String {
        var out: [UInt8] = []
        appendComplaint(file: file, result: result, findings: findings, asOf: asOf, to: &out, scratch: RenderScratch())
        return String(decoding: out, as: UTF8.self)
    }

    package func appendComplaint(
        file: String, result: ComplaintResult, findings: [Finding], asOf: CivilDate, to out: inout [UInt8], scratch: RenderScratch
    ) {
        out += complaint(file: file, result: result, findings: findings, asOf: asOf).utf8
    }

    package func render(_ report: CheckReport) -> String { renderStreamed(report) }

    /// The whole run at once: the same text as streaming it.
    package func renderStreamed(_ report: CheckReport) -> String {
        var out = Array(begin(asOf: report.asOf).utf8)
        let scratch = RenderScratch()
        var book = HazardClockBook()
        var leading = leadingSeparator.utf8.count
        for (index, entry) in report.results.enumerated() {
            if index > 0 { out += separator.utf8 }
            var piece: [UInt8] = []
            appendComplaint(
                file: entry.file, result: entry.result, findings: report.findings(of: entry.result), asOf: report.asOf, to: &piece,
                scratch: scratch)
            out += piece.dropFirst(piece.isEmpty ? 0 : leading)
            if !piece.isEmpty { leading = 0 }
            if pairsHazardClocks, let clock = CaseClock(entry.result) { book.add(clock) }
        }
        if pairsHazardClocks { out += hazardClocks(book).utf8 }
        out += end(summary: report.summary, asOf: report.asOf, inputErrors: report.inputErrors, skipped: report.skipped).utf8
        return String(decoding: out, as: UTF8.self)
    }
}

/// Writes the `chc due` worklist.
package protocol DueListFormat: Reporter {
    func render(_ list: DueList) -> String
}

/// Writes the `chc report` figures; `title` heads a page meant to be read on its own.
package protocol PerformanceFormat: Reporter {
    func render(_ report: PerformanceReport, title: String) -> String
}

/// Writes a `chc lint` result.
package protocol LintFormat: Reporter {
    func render(_ report: LintReport) -> String
}

/// The output formats: the registry every list of format names is derived from.
package struct Reporters: Sendable {
    /// In the order `--help` lists them.
    package private(set) var all: [any Reporter.Type]

    /// The formats `chc` ships with.
    package static let standard = Reporters([
        TextFormat.self,
        JSONFormat.self,
        JSONLinesFormat.self,
        MarkdownFormat.self,
        SARIFFormat.self,
        JUnitFormat.self,
        GitHubFormat.self,
        CSVFormat.self,
        HTMLFormat.self,
    ])

    package init(_ formats: [any Reporter.Type]) { all = formats }

    /// The format named `identifier`, when it can write `document`.
    package func format(_ identifier: String, for document: OutputDocument) -> (any Reporter.Type)? {
        all.first { $0.identifier == identifier && $0.writes(document) }
    }

    /// The names of the formats that can write `document`, in order.
    package func identifiers(for document: OutputDocument) -> [String] {
        all.filter { $0.writes(document) }.map { $0.identifier }
    }

    /// These formats and one more (replacing a format of the same name).
    package func adding(_ format: any Reporter.Type) -> Reporters {
        Reporters(all.filter { $0.identifier != format.identifier } + [format])
    }
}

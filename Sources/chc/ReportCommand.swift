import ArgumentParser
import CHCChecks
import CHCModel
import CHCOutput
import WorkingDays

/// `chc report PATH...`: compliance rates, TSM CH01/CH02, monthly trend, categories, ageing.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Summarise complaint handling for a reporting year: rule compliance, TSM CH01/CH02, monthly trend.",
        discussion: """
            Examples:
              chc report export.csv --homes 12500 --format html --output board.html
              chc report complaints/ --from 2024-04-01 --to 2025-03-31 --format json
            """
    )

    @OptionGroup var inputs: RunOptions

    @Option(help: "First day of the period (default: 1 April of the financial year containing --as-of).", transform: parseDate)
    var from: CivilDate?

    @Option(help: "Last day of the period (default: 31 March after it).", transform: parseDate)
    var to: CivilDate?

    @Option(help: "Homes owned, for CH01 (complaints per 1,000 homes).")
    var homes: Int?

    @Option(help: "Output format.")
    var format: ReportFormatChoice = .text

    @Option(help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "The report's title (HTML; the landlord's name, from --policy or the data, is added when it is missing).")
    var title: String?

    func validate() throws {
        if let from, let to, from > to { throw ValidationError("--from \(from) is after --to \(to)") }
        if let homes, homes <= 0 { throw ValidationError("--homes should be a positive number of homes") }
    }

    func run() throws {
        try refuseOverwritingInputs(output, inputs: inputs.inputFiles)
        let writer = try openOutput(output)
        let prepared = try inputs.prepare(composesMessages: false)  // counts only
        let calendars = prepared.calendars
        let policy = prepared.policy
        let year = PerformanceReport.financialYear(containing: prepared.asOf)
        let start = from ?? year.from
        let end = to ?? year.to
        guard start <= end else { throw CommandFailure.badInput("--from \(start) is after --to \(end)") }
        let empty = PerformanceReport.Accumulator(from: start, to: end, asOf: prepared.asOf, homes: homes) {
            calendars.calendar($0.complaint.calendar ?? policy?.calendar ?? .default)
        }
        // Each checking thread sums its share; the shares are merged at the end.
        let (total, errors, _) = inputs.fold(prepared, into: empty, { $0.add($1) }, merge: { $0.merge($1) })
        // The landlord: the policy's, or else the one the complaints name.
        let performance = total.finish(inputErrors: errors.reduce(0) { $0 + $1.problems.count }, landlord: policy?.landlord)
        let heading = title ?? "Complaint handling \(start.year)–\(end.year)" + (performance.landlord.map { ": \($0)" } ?? "")
        try finish(writer, with: (format.reporter() as! any PerformanceFormat).render(performance, title: heading))
        printProblems(errors)
        noteEventsAfterAsOf(performance.eventsAfterAsOf, format: format.identifier)
        if !errors.isEmpty { throw CommandFailure.status(.badInput) }
        try refuseNothingChecked(total.found, paths: inputs.paths)
    }
}

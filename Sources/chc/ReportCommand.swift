import ArgumentParser
import CHCChecks
import CHCIngest
import CHCModel
import CHCOutput
import Foundation
import WorkingDays

/// `chc report PATH...`: compliance rates, TSM CH01/CH02, monthly trend, categories, ageing.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Summarise complaint handling for a reporting year: rule compliance, TSM CH01/CH02, monthly trend.",
        discussion: """
        Examples:
          chc report export.csv --homes 12500 --format html --output complaints-2025-26.html
          chc report complaints/ --from 2024-04-01 --to 2025-03-31 --format json
        """
    )

    @OptionGroup var inputs: RunOptions

    @Option(help: "First day of the period (default: 1 April of the financial year containing --as-of).")
    var from: String?

    @Option(help: "Last day of the period (default: 31 March after it).")
    var to: String?

    @Option(help: "Homes owned, for CH01 (complaints per 1,000 homes).")
    var homes: Int?

    @Option(help: "Output format: text, json, csv or html.")
    var format: ReportFormat = .text

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: "The report's title (HTML).")
    var title: String?


    func run() throws {
        try refuseOverwritingInputs(output, inputs: inputs.paths + [inputs.policy, inputs.map, inputs.rules].compactMap { $0 })
        let prepared = try inputs.prepare(composesMessages: false)  // counts only
        let calendars = prepared.calendars, policy = prepared.policy
        var (start, end) = PerformanceReport.financialYear(containing: prepared.asOf)
        do {
            if let from { start = try CivilDate(iso: from) }
            if let to { end = try CivilDate(iso: to) }
        } catch {
            printError("error: --from/--to: \(error)")
            throw ExitCode(ExitStatus.badInput)
        }
        guard start <= end else {
            printError("error: --from \(start) is after --to \(end)")
            throw ExitCode(ExitStatus.badInput)
        }
        if let homes, homes <= 0 {
            printError("error: --homes should be a positive number of homes")
            throw ExitCode(ExitStatus.badInput)
        }
        let empty = PerformanceReport.Accumulator(from: start, to: end, asOf: prepared.asOf, homes: homes) {
            calendars.calendar($0.complaint.calendar ?? policy?.calendar ?? .default)
        }
        // Each checking thread sums its share; the shares are merged at the end.
        let (total, errors, _) = inputs.fold(prepared, into: empty, { $0.add($1) }, merge: { $0.merge($1) })
        let performance = total.finish(inputErrors: errors.reduce(0) { $0 + $1.problems.count })
        let text: String
        switch format {
        case .text: text = performance.text()
        case .json: text = performance.json()
        case .csv: text = performance.csv()
        case .html: text = performance.html(title: title ?? "Complaint handling \(start.year)–\(end.year)" + (policy?.landlord.map { ": \($0)" } ?? ""))
        }
        try emit(text, to: output)
        for problem in errors.flatMap(\.problems) { printError(problem.description) }
        if !errors.isEmpty { throw ExitCode(ExitStatus.badInput) }
    }
}

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv, html
}

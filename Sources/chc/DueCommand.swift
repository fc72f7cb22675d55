import ArgumentParser
import CHCChecks
import CHCModel
import CHCOutput

/// `chc due PATH...`: the morning worklist of open deadlines.
struct DueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "List open complaints with their next deadline and the working days left, overdue first.",
        discussion: """
            Examples:
              chc due complaints/ --within 3    # overdue, or due in 3 working days
              chc due export.csv --map map.yaml --format csv --output worklist.csv
            """
    )

    @OptionGroup var inputs: RunOptions

    @Option(help: "Only deadlines due within N working days (overdue and on-hold ones are always listed).")
    var within: Int?

    @Option(help: "Output format.")
    var format: DueFormatChoice = .text

    @Option(help: "Write the list to this file (atomically) instead of standard output.")
    var output: String?

    func validate() throws {
        if let within, within < 0 { throw ValidationError("--within should be a number of working days, 0 or more, found \(within)") }
    }

    func run() throws {
        try refuseOverwritingInputs(output, inputs: inputs.inputFiles)
        let writer = try openOutput(output)
        let prepared = try inputs.prepare(composesMessages: false)  // deadlines only
        var items: [DueList.Item] = []
        var eventsAfterAsOf = 0
        var found = 0
        let now = DueList.now(asOf: prepared.asOf)  // hours left are counted from one moment
        let (errors, _) = inputs.stream(prepared) { file, result in
            found += 1
            eventsAfterAsOf += result.eventsAfterAsOf
            items += DueList.items(file: file, result: result, asOf: prepared.asOf, within: within, now: now)
        }
        let list = DueList(asOf: prepared.asOf, items: items, eventsAfterAsOf: eventsAfterAsOf)
        try finish(writer, with: (format.reporter() as! any DueListFormat).render(list))
        printProblems(errors)
        noteEventsAfterAsOf(eventsAfterAsOf, format: format.identifier)
        if !errors.isEmpty { throw CommandFailure.status(.badInput) }
        try refuseNothingChecked(found, paths: inputs.paths)
    }
}

import ArgumentParser
import CHCChecks
import CHCIngest
import CHCModel
import CHCOutput
import Foundation

/// `chc due PATH...`: the morning worklist of open deadlines.
struct DueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "List open complaints with their next deadline and the working days left, overdue first.",
        discussion: """
        Examples:
          chc due complaints/ --within 3          # what is overdue or due in the next 3 working days
          chc due export.csv --map map.yaml --format csv --output worklist.csv
        """
    )

    @OptionGroup var inputs: RunOptions

    @Option(help: "Only deadlines due within N working days (overdue and on-hold ones are always listed).")
    var within: Int?

    @Option(help: "Output format: text, json or csv.")
    var format: DueFormat = .text

    @Option(help: "Write the list to this file instead of standard output.")
    var output: String?


    func run() throws {
        try refuseOverwritingInputs(output, inputs: inputs.paths + [inputs.policy, inputs.map, inputs.rules].compactMap { $0 })
        let prepared = try inputs.prepare(composesMessages: false)  // deadlines only
        var items: [DueList.Item] = []
        let (errors, _) = inputs.stream(prepared) { file, result in
            items += DueList.items(file: file, result: result, asOf: prepared.asOf, within: within)
        }
        let list = DueList(asOf: prepared.asOf, items: items)
        let text: String
        switch format {
        case .text: text = list.text()
        case .json: text = list.json()
        case .csv: text = list.csv()
        }
        try emit(text, to: output)
        for problem in errors.flatMap(\.problems) { printError(problem.description) }
        if !errors.isEmpty { throw ExitCode(ExitStatus.badInput) }
    }
}

enum DueFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
}

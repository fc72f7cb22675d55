import ArgumentParser
import CHCChecks
import CHCIngest
import CHCModel
import CHCOutput
import WorkingDays

/// `chc days FROM TO` and `chc days FROM +N`: working-day arithmetic on a chosen calendar.
struct DaysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "days",
        abstract: "Count working days between two dates, or find the date N working days after one.",
        usage:
            "chc days <from> (<to> | +N | -N) [--calendar <calendar>] [--closures <closures>] [--holidays <holidays>] [--received] [--cut-off <cut-off>] [--explain]",
        discussion: """
            FROM TO   prints the number of working days D with FROM < D <= TO (FROM is day 0).
            FROM +N   prints the N-th working day after FROM (the due date of "within N working days").
            FROM -N   prints the N-th working day before FROM.

            Examples:
              chc days 2022-10-13 2022-11-01       # 13
              chc days 2024-05-04 +5 --received    # 2024-05-14: counted from Tue 7 May
              chc days 2024-01-02 -3               # 2023-12-27: bank holidays skipped
              chc days 2024-12-20 +10 --calendar scotland --closures shut.yaml --explain
            """
    )

    @Argument(help: "The start date (day 0), YYYY-MM-DD; with --received, a date-time is allowed.")
    var from: String

    // Read as "everything else" so that `-3` is a count back, not an unknown option.
    @Argument(
        parsing: .allUnrecognized,
        help: ArgumentHelp("An end date (YYYY-MM-DD), +N working days after FROM, or -N before it.", valueName: "to"))
    var rest: [String] = []

    /// TO: the one argument after FROM.
    var to: String { rest.first ?? "" }

    @Option(help: "Bank-holiday region (\(Region.names.joined(separator: ", "))).", transform: parseRegion)
    var calendar: Region = .default

    @Option(help: "A YAML file of landlord closure days (not working days).")
    var closures: String?

    @Option(help: "A GOV.UK bank-holidays.json file whose years replace the shipped lists.")
    var holidays: String?

    @Flag(help: "Treat FROM as a receipt: a non-working day (or a time after --cut-off) counts from the next working day.")
    var received = false

    @Option(
        help: "With --received: the daily cut-off time (HH:MM) after which receipt counts from the next working day.", transform: parseTime)
    var cutOff: TimeOfDay?

    @Flag(help: "List the non-working days skipped, with the reason for each.")
    var explain = false

    func validate() throws {
        guard rest.count == 1 else {
            throw ValidationError(
                rest.isEmpty
                    ? "Missing expected argument '<to>' (an end date, +N or -N)"
                    : "expected one TO after FROM, got: \(rest.joined(separator: " "))")
        }
        if to.hasPrefix("-"), Int(to) == nil { throw ValidationError("Unknown option '\(to)'") }
        if cutOff != nil, !received { throw ValidationError("--cut-off only applies with --received") }
    }

    func run() throws {
        var out = Lines()
        do {
            try runDays(&out)
        } catch let error as InputError {
            throw CommandFailure.unreadable([error])
        } catch let error as CalendarError {
            throw CommandFailure.badInput("\(error)")
        }
        try emit(out.text, to: nil)
    }

    private func runDays(_ out: inout Lines) throws {
        let closureDays = try closures.map { path throws(InputError) in try ClosureFile.load(path) } ?? []
        let workingCalendar = try CalendarSetup(holidaysFile: holidays, closures: closureDays).calendar(calendar)

        let moment: Moment
        do { moment = received ? try Moment(iso: from) : Moment(date: try CivilDate(iso: from)) } catch {
            throw CommandFailure.badInput("FROM: \(error)")
        }
        var start = moment.date
        var notes: [String] = []
        if received {
            start = try workingCalendar.effectiveStart(of: moment, cutOff: cutOff)
            if start != moment.date {
                notes.append("received \(moment) counts as received on \(start.longDescription), the next working day")
            }
        }

        if to.hasPrefix("+") || to.hasPrefix("-") {
            guard let n = Int(to.dropFirst()), to.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }), n >= 0, n <= Span.maximumAmount
            else {
                throw CommandFailure.badInput(
                    "`\(to)` should be +N or -N with N a whole number of working days up to \(Span.maximumAmount), e.g. +10")
            }
            let back = to.hasPrefix("-")
            let due = try workingCalendar.workingDay(back ? -n : n, after: start)
            out.print(due)
            if explain {
                let (a, b) = back ? (due, start) : (start, due)
                try printExplanation(
                    into: &out,
                    notes + [
                        "the \(ordinal(n)) working day \(back ? "before" : "after") \(start.longDescription) is \(due.longDescription)"
                    ], a, b,
                    workingCalendar)
            }
        } else {
            let end: CivilDate
            do { end = try CivilDate(iso: to) } catch { throw CommandFailure.badInput("TO: \(error)") }
            let count = try workingCalendar.workingDays(from: start, to: end)
            out.print(count)
            if explain {
                let (a, b) = start <= end ? (start, end) : (end, start)
                try printExplanation(
                    into: &out,
                    notes + ["\(count) working days after \(a.longDescription) up to and including \(b.longDescription)"], a, b,
                    workingCalendar)
            }
        }
    }

    private func printExplanation(
        into out: inout Lines, _ lines: [String], _ a: CivilDate, _ b: CivilDate, _ calendar: WorkingDayCalendar
    ) throws {
        for line in lines { out.print(line) }
        let skipped = try calendar.nonWorkingDays(from: a, to: b)
        out.print(
            "calendar: \(calendar.region.rawValue)\(calendar.closures.isEmpty ? "" : " with \(calendar.closures.count) closure day\(calendar.closures.count == 1 ? "" : "s")"); \(skipped.count) non-working day\(skipped.count == 1 ? "" : "s") skipped"
        )
        for day in skipped { out.print("  \(day.date)  \(day.reason)") }
    }

    private func ordinal(_ n: Int) -> String {
        let suffix = (11...13).contains(n % 100) ? "th" : ["th", "st", "nd", "rd", "th", "th", "th", "th", "th", "th"][n % 10]
        return "\(n)\(suffix)"
    }
}

/// A time of day on the command line (`HH:MM`).
func parseTime(_ text: String) throws -> TimeOfDay {
    guard let time = TimeOfDay(text) else { throw ValidationError("`\(text)` should be a time as HH:MM") }
    return time
}

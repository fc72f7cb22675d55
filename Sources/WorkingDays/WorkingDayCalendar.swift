/// Working-day arithmetic on one region's calendar, with a landlord's closure days.
///
/// A working day is a Monday–Friday that is neither a bank holiday of the region nor a
/// closure day. Counting follows docs/counting.md: the start day is day 0, so
/// `workingDays(from: A, to: B)` counts the working days D with A < D ≤ B, and the due date
/// of "within N working days of A" is the N-th working day after A.
///
/// Answers are O(1) (counts) or O(log n) (due dates) from a running total built once.
public final class WorkingDayCalendar: Sendable {
    public let region: Region
    public let holidays: BankHolidayTable
    /// Closure days by date, with their description.
    public let closures: [CivilDate: String]

    private let coveredYears: Set<Int>
    /// The covered years are one run without gaps (the usual case): a day is covered exactly
    /// when it falls inside the running total, with no year to work out.
    private let gapless: Bool
    private let firstDay: Int
    /// `runningTotal[i]` = working days in `firstDay ... firstDay + i`.
    private let runningTotal: [Int32]
    private let nonWorking: [CivilDate: Holiday]

    /// A calendar for `region` using `holidays` (default: the shipped table) and closures.
    public init(region: Region = .default, holidays: BankHolidayTable? = nil, closures: [Holiday] = []) {
        self.region = region
        let table = holidays ?? .builtIn(region)
        self.holidays = table
        self.closures = Dictionary(closures.map { ($0.date, $0.title) }, uniquingKeysWith: { a, _ in a })
        coveredYears = table.coveredYears
        var nonWorking: [CivilDate: Holiday] = [:]
        for year in coveredYears {
            for holiday in table.holidays(in: year) ?? [] where nonWorking[holiday.date] == nil {
                nonWorking[holiday.date] = holiday
            }
        }
        for closure in closures where nonWorking[closure.date] == nil {
            nonWorking[closure.date] = Holiday(date: closure.date, title: closure.title, origin: .closure)
        }
        self.nonWorking = nonWorking
        let first = coveredYears.min() ?? 2018
        let last = coveredYears.max() ?? 2018
        gapless = !coveredYears.isEmpty && coveredYears.count == last - first + 1
        firstDay = CivilDate(year: first, month: 1, day: 1)!.dayNumber
        let lastDay = CivilDate(year: last, month: 12, day: 31)!.dayNumber
        var totals = [Int32](repeating: 0, count: lastDay - firstDay + 1)
        var total: Int32 = 0
        for i in totals.indices {
            let day = CivilDate(dayNumber: firstDay + i)
            if !day.isWeekend, nonWorking[day] == nil { total += 1 }
            totals[i] = total
        }
        runningTotal = totals
    }

    /// The same calendar built again, sharing no storage with this one: for a thread of its own
    /// (threads that count references to one shared object slow each other down).
    public func replica() -> WorkingDayCalendar {
        WorkingDayCalendar(
            region: region, holidays: holidays,
            closures: closures.map { Holiday(date: $0.key, title: $0.value, origin: .closure) })
    }

    /// A description of the covered years, e.g. `2018–2040`.
    public var coverage: String {
        guard let first = coveredYears.min(), let last = coveredYears.max() else { return "no years" }
        let gaps = (first...last).filter { !coveredYears.contains($0) }
        return gaps.isEmpty ? "\(first)–\(last)" : "\(first)–\(last) except \(gaps.map(String.init).joined(separator: ", "))"
    }

    private func index(_ day: CivilDate) throws(CalendarError) -> Int {
        if gapless, day.dayNumber >= firstDay, day.dayNumber - firstDay < runningTotal.count { return day.dayNumber - firstDay }
        guard coveredYears.contains(day.year) else {
            throw .yearNotCovered(year: day.year, region: region, covered: coverage)
        }
        return day.dayNumber - firstDay
    }

    private func checkYears(_ a: CivilDate, _ b: CivilDate) throws(CalendarError) {
        if gapless, min(a.dayNumber, b.dayNumber) >= firstDay, max(a.dayNumber, b.dayNumber) - firstDay < runningTotal.count { return }
        for year in min(a.year, b.year)...max(a.year, b.year) where !coveredYears.contains(year) {
            throw .yearNotCovered(year: year, region: region, covered: coverage)
        }
    }

    /// Whether `day` is a working day.
    public func isWorkingDay(_ day: CivilDate) throws(CalendarError) -> Bool {
        let i = try index(day)
        return runningTotal[i] - (i > 0 ? runningTotal[i - 1] : 0) == 1
    }

    /// The bank holiday or closure on `day`, if any (weekends are not listed).
    public func holiday(on day: CivilDate) -> Holiday? { nonWorking[day] }

    /// Working days D with `from` < D ≤ `to`; negative when `to` is before `from`.
    public func workingDays(from: CivilDate, to: CivilDate) throws(CalendarError) -> Int {
        try checkYears(from, to)
        return Int(runningTotal[try index(to)] - runningTotal[try index(from)])
    }

    /// The `n`-th working day after `day` (`n` = 0 gives `day` itself; negative counts back).
    public func workingDay(_ n: Int, after day: CivilDate) throws(CalendarError) -> CivilDate {
        let start = try index(day)
        if n == 0 { return day }
        let target = Int(runningTotal[start]) + n
        if n > 0 {
            // Smallest index i > start with runningTotal[i] >= target.
            guard let last = runningTotal.last, Int(last) >= target else {
                throw .outOfRange("\(n) working days after \(day) runs past the end of the \(region.rawValue) calendar (\(coverage))")
            }
            var low = start + 1
            var high = runningTotal.count - 1
            // Usually it is within half as many days again as `n` (weekends), plus a few
            // holidays: search that window when it holds the answer, not the whole calendar.
            let near = start + n + n / 2 + 16
            if near < high, Int(runningTotal[near]) >= target { high = near }
            while low < high {
                let mid = (low + high) / 2
                if Int(runningTotal[mid]) >= target { high = mid } else { low = mid + 1 }
            }
            let result = CivilDate(dayNumber: firstDay + low)
            try checkYears(day, result)
            return result
        }
        // Counting back: the latest working day i < start with runningTotal[i] == target + 1 (its own day counted).
        var i = start - 1
        var remaining = -n
        while i >= 0 {
            if runningTotal[i] - (i > 0 ? runningTotal[i - 1] : 0) == 1 {
                remaining -= 1
                if remaining == 0 {
                    let result = CivilDate(dayNumber: firstDay + i)
                    try checkYears(result, day)
                    return result
                }
            }
            i -= 1
        }
        throw .outOfRange("\(-n) working days before \(day) runs past the start of the \(region.rawValue) calendar (\(coverage))")
    }

    /// `day` itself if it is a working day, otherwise the next working day.
    public func workingDay(onOrAfter day: CivilDate) throws(CalendarError) -> CivilDate {
        try isWorkingDay(day) ? day : workingDay(1, after: day)
    }

    /// The day counting starts from for something received at `moment`: the next working day
    /// when it arrived on a non-working day, or after the daily `cutOff` time when one is set
    /// and the moment has a time.
    public func effectiveStart(of moment: Moment, cutOff: TimeOfDay? = nil) throws(CalendarError) -> CivilDate {
        // The cut-off is a time on the landlord's clock: a moment with a UTC offset is compared in UK time.
        let moment = cutOff == nil ? moment : moment.ukLocal
        if let cutOff, let seconds = moment.secondsOfDay, seconds > cutOff.secondsOfDay {
            return try workingDay(1, after: moment.date)
        }
        return try workingDay(onOrAfter: moment.date)
    }

    /// The last day something due `span` after `anchor` may happen and still be on time.
    ///
    /// Working days: the N-th working day after `anchor`. Calendar days: `anchor` + N, moved
    /// to the next working day if that is not a working day (the reading more favourable to
    /// the landlord). Hours: the calendar day on which N hours after the start of the anchor
    /// day ends (use `dueMoment` when the anchor has a time).
    public func dueDate(after anchor: CivilDate, _ span: Span) throws(CalendarError) -> CivilDate {
        switch span.unit {
        case .workingDays: return try workingDay(span.amount, after: anchor)
        case .calendarDays: return try workingDay(onOrAfter: anchor.adding(days: span.amount))
        case .hours: return anchor.adding(days: (span.amount + 23) / 24)
        }
    }

    /// How late `actual` is against `due`: working days for working-day deadlines, calendar
    /// days otherwise.
    public func lateness(due: CivilDate, actual: CivilDate, unit: Span.Unit) throws(CalendarError) -> Int {
        switch unit {
        case .workingDays: try workingDays(from: due, to: actual)
        case .calendarDays, .hours: actual.dayNumber - due.dayNumber
        }
    }

    /// Every non-working day D with `from` < D ≤ `to`, with the reason it is not a working day.
    public func nonWorkingDays(from: CivilDate, to: CivilDate) throws(CalendarError) -> [(date: CivilDate, reason: String)] {
        try checkYears(from, to)
        var result: [(CivilDate, String)] = []
        guard from < to else { return [] }
        for number in (from.dayNumber + 1)...to.dayNumber {
            let day = CivilDate(dayNumber: number)
            if let holiday = nonWorking[day] {
                let kind =
                    switch holiday.origin {
                    case .official: "bank holiday"
                    case .projected: "bank holiday (projected from the standing rules)"
                    case .loaded: "bank holiday (from the loaded holidays file)"
                    case .closure: "closure"
                    }
                // A closure listed without a reason is just "closure".
                let reason = holiday.title.isEmpty ? kind : "\(kind): \(holiday.title)"
                result.append((day, reason + (day.isWeekend ? " (\(day.weekday.name))" : "")))
            } else if day.isWeekend {
                result.append((day, day.weekday.name))
            }
        }
        return result
    }
}

import WorkingDays

/// Builds working-day calendars from a region, an optional GOV.UK holidays file and closures,
/// and keeps one calendar per region so that each is built once per run.
public final class CalendarSetup: @unchecked Sendable {
    private let loadedHolidays: [Region: BankHolidayTable]
    private let closures: [Holiday]
    private var cache: [Region: WorkingDayCalendar] = [:]
    private let lock = NSLockShim()

    /// - Parameters:
    ///   - holidaysFile: a GOV.UK `bank-holidays.json` whose years replace the shipped lists.
    ///   - closures: the landlord's closure days (apply to every region).
    public init(holidaysFile: String? = nil, closures: [Holiday] = []) throws(InputError) {
        loadedHolidays = try holidaysFile.map { path throws(InputError) in try GovUKHolidayFile.load(path) } ?? [:]
        self.closures = closures
    }

    /// The calendar of `region`.
    public func calendar(_ region: Region) -> WorkingDayCalendar {
        lock.withLock {
            if let cached = cache[region] { return cached }
            var table = BankHolidayTable.builtIn(region)
            if let loaded = loadedHolidays[region] { table = table.overridden(by: loaded) }
            let calendar = WorkingDayCalendar(region: region, holidays: table, closures: closures)
            cache[region] = calendar
            return calendar
        }
    }
}

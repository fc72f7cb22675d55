import CHCModel
import WorkingDays

/// Builds the working-day calendars of every region from the shipped lists, an optional GOV.UK
/// holidays file and the landlord's closures — once, when it is made, so that asking for a
/// region's calendar (once per complaint) is a plain read, shared by every thread.
package final class CalendarSetup: Sendable {
    /// One calendar per region, in `Region.allCases` order.
    private let calendars: [WorkingDayCalendar]

    /// - Parameters:
    ///   - holidaysFile: a GOV.UK `bank-holidays.json` whose years replace the shipped lists.
    ///   - closures: the landlord's closure days (apply to every region).
    package init(holidaysFile: String? = nil, closures: [Holiday] = []) throws(InputError) {
        let loaded = try holidaysFile.map { path throws(InputError) in try GovUKHolidayFile.load(path) } ?? [:]
        calendars = Region.allCases.map { region in
            var table = BankHolidayTable.builtIn(region)
            if let override = loaded[region] { table = table.overridden(by: override) }
            return WorkingDayCalendar(region: region, holidays: table, closures: closures)
        }
    }

    private init(calendars: [WorkingDayCalendar]) { self.calendars = calendars }

    /// The same calendars with the landlord's closure days as non-working days too: for a
    /// policy's own timescales, never for the Code's.
    package func closing(on closures: [Holiday]) -> CalendarSetup {
        closures.isEmpty
            ? self
            : CalendarSetup(calendars: calendars.map { WorkingDayCalendar(region: $0.region, holidays: $0.holidays, closures: closures) })
    }

    /// The same calendars built again, for a thread of its own (see `Checker.replica`).
    package func replica() -> CalendarSetup { CalendarSetup(calendars: calendars.map { $0.replica() }) }

    /// The calendar of `region`.
    package func calendar(_ region: Region) -> WorkingDayCalendar {
        switch region {
        case .englandAndWales: calendars[0]
        case .scotland: calendars[1]
        case .northernIreland: calendars[2]
        }
    }
}

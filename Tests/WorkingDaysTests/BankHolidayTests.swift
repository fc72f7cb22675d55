import Testing

@testable import WorkingDays

@Suite struct BankHolidayTests {
    static let oneOffDays = ["2020-05-08", "2022-06-02", "2022-06-03", "2022-09-19", "2023-05-08"]

    @Test(arguments: Region.allCases)
    func oneOffDaysAreNonWorkingInEveryRegion(region: Region) throws {
        let calendar = WorkingDayCalendar(region: region)
        for iso in Self.oneOffDays {
            #expect(try !calendar.isWorkingDay(day(iso)), "\(iso) in \(region)")
        }
        // The days those proclamations moved away from are ordinary working days.
        #expect(try calendar.isWorkingDay(day("2020-05-04")))
        #expect(try calendar.isWorkingDay(day("2022-05-30")))
    }

    @Test func scotlandDiffers() throws {
        // 2 January, and its substitute.
        #expect(try !scotland.isWorkingDay(day("2024-01-02")))
        #expect(try englandAndWales.isWorkingDay(day("2024-01-02")))
        #expect(try !scotland.isWorkingDay(day("2021-01-04")))
        // St Andrew's Day and its substitute Mondays.
        #expect(try !scotland.isWorkingDay(day("2023-11-30")))
        #expect(try !scotland.isWorkingDay(day("2024-12-02")))
        #expect(try !scotland.isWorkingDay(day("2025-12-01")))
        #expect(try englandAndWales.isWorkingDay(day("2024-12-02")))
        // No Easter Monday; summer holiday on the first Monday of August.
        #expect(try scotland.isWorkingDay(day("2024-04-01")))
        #expect(try !englandAndWales.isWorkingDay(day("2024-04-01")))
        #expect(try !scotland.isWorkingDay(day("2024-08-05")))
        #expect(try scotland.isWorkingDay(day("2024-08-26")))
        // 2026's one-off World Cup bank holiday (GOV.UK, Scotland only).
        #expect(try !scotland.isWorkingDay(day("2026-06-15")))
        #expect(try englandAndWales.isWorkingDay(day("2026-06-15")))
    }

    @Test func northernIrelandDiffers() throws {
        #expect(try !northernIreland.isWorkingDay(day("2023-03-17")))
        #expect(try !northernIreland.isWorkingDay(day("2024-03-18")))  // St Patrick's on a Sunday
        #expect(try !northernIreland.isWorkingDay(day("2023-07-12")))
        #expect(try !northernIreland.isWorkingDay(day("2025-07-14")))  // 12 July on a Saturday
        #expect(try !northernIreland.isWorkingDay(day("2020-07-13")))  // 12 July on a Sunday
        #expect(try englandAndWales.isWorkingDay(day("2023-03-17")))
        #expect(try englandAndWales.isWorkingDay(day("2023-07-12")))
    }

    @Test func substituteDaysAndYearBoundaries() throws {
        // Christmas Saturday and Boxing Day Sunday 2021 → Mon 27 and Tue 28.
        #expect(try englandAndWales.workingDay(1, after: day("2021-12-24")) == day("2021-12-29"))
        // Christmas on a Sunday 2022: Boxing Day Mon 26, substitute Tue 27.
        #expect(try englandAndWales.workingDay(1, after: day("2022-12-23")) == day("2022-12-28"))
        // New Year's Day 2023 on a Sunday → Mon 2 Jan (England), and 3 Jan too in Scotland.
        #expect(try englandAndWales.workingDay(1, after: day("2022-12-30")) == day("2023-01-03"))
        #expect(try scotland.workingDay(1, after: day("2022-12-30")) == day("2023-01-04"))
        // New Year's Day 2022 on a Saturday → Mon 3 Jan; Scotland also Tue 4 Jan.
        #expect(try englandAndWales.workingDays(from: day("2021-12-31"), to: day("2022-01-04")) == 1)
        #expect(try scotland.workingDays(from: day("2021-12-31"), to: day("2022-01-05")) == 1)
        // Counting across a year boundary equals the sum of its parts.
        #expect(
            try englandAndWales.workingDays(from: day("2023-12-15"), to: day("2024-01-15"))
                == englandAndWales.workingDays(from: day("2023-12-15"), to: day("2023-12-31"))
                + englandAndWales.workingDays(from: day("2023-12-31"), to: day("2024-01-15")))
    }

    /// The standing rules must reproduce every published list except the proclaimed one-off changes.
    @Test(arguments: Region.allCases)
    func standingRulesReproduceThePublishedLists(region: Region) {
        let proclaimed: Set<String> = [
            "2020-05-08", "2020-05-04", "2022-06-02", "2022-06-03", "2022-05-30",
            "2022-09-19", "2023-05-08", "2026-06-15",
        ]
        for year in OfficialBankHolidays.years {
            let official = Set(OfficialBankHolidays.list(for: region).map(\.0).filter { $0.hasPrefix("\(year)") })
            let ruled = Set(StandingRules.holidays(in: year, region: region).map(\.0.description))
            #expect(official.subtracting(proclaimed) == ruled.subtracting(proclaimed), "\(region) \(year)")
        }
    }

    @Test func easterDates() {
        #expect(StandingRules.easterSunday(2024) == day("2024-03-31"))
        #expect(StandingRules.easterSunday(2025) == day("2025-04-20"))
        #expect(StandingRules.easterSunday(2038) == day("2038-04-25"))
        #expect(StandingRules.easterSunday(2035) == day("2035-03-25"))
    }

    @Test func loadedListsReplaceWholeYears() throws {
        // A loaded 2024 list without Easter Monday and with an extra day replaces the shipped year.
        let loaded = BankHolidayTable(
            region: .englandAndWales,
            holidays: [
                Holiday(date: day("2024-07-05"), title: "invented holiday", origin: .loaded)
            ])
        let calendar = WorkingDayCalendar(region: .englandAndWales, holidays: .builtIn(.englandAndWales).overridden(by: loaded))
        #expect(try !calendar.isWorkingDay(day("2024-07-05")))
        #expect(try calendar.isWorkingDay(day("2024-04-01")))
        #expect(try !calendar.isWorkingDay(day("2025-04-21")))  // other years untouched
    }

    @Test func yearsBetweenTwoCoveredRunsAreStillErrors() throws {
        // A loaded list for 2045 alone leaves 2041–2044 uncovered, inside the running total.
        let loaded = BankHolidayTable(
            region: .englandAndWales,
            holidays: [
                Holiday(date: day("2045-01-02"), title: "invented holiday", origin: .loaded)
            ])
        let calendar = WorkingDayCalendar(region: .englandAndWales, holidays: .builtIn(.englandAndWales).overridden(by: loaded))
        #expect(try !calendar.isWorkingDay(day("2045-01-02")))
        #expect(throws: CalendarError.self) { try calendar.isWorkingDay(day("2043-06-01")) }
        #expect(throws: CalendarError.self) { try calendar.workingDays(from: day("2040-12-01"), to: day("2045-01-10")) }
        #expect(try calendar.workingDays(from: day("2040-12-03"), to: day("2040-12-10")) == 5)
    }
}

import TestSupport
import Testing

@testable import WorkingDays

/// Properties that must hold for every pair of dates, checked on many seeded random dates.
@Suite struct CalendarPropertyTests {
    static let first = day("2018-01-01").dayNumber
    static let last = day("2040-12-31").dayNumber

    @Test(arguments: Region.allCases)
    func countsAreAdditiveAndMatchDueDates(region: Region) throws {
        let calendar = WorkingDayCalendar(region: region)
        var random = SeededRandom(state: 2026)
        for _ in 0..<3000 {
            var points = (0..<3).map { _ in Int.random(in: Self.first + 120...Self.last - 200, using: &random) }
            points.sort()
            let (a, b, c) = (CivilDate(dayNumber: points[0]), CivilDate(dayNumber: points[1]), CivilDate(dayNumber: points[2]))
            let ab = try calendar.workingDays(from: a, to: b)
            let bc = try calendar.workingDays(from: b, to: c)
            #expect(try calendar.workingDays(from: a, to: c) == ab + bc)
            #expect(ab >= 0 && ab <= b.dayNumber - a.dayNumber)
            // A brute-force count by walking the days agrees.
            if b.dayNumber - a.dayNumber < 400 {
                var walked = 0
                var d = a.adding(days: 1)
                while d <= b {
                    if try calendar.isWorkingDay(d) { walked += 1 }
                    d = d.adding(days: 1)
                }
                #expect(walked == ab)
            }
            let n = Int.random(in: 1...60, using: &random)
            let due = try calendar.workingDay(n, after: a)
            #expect(try calendar.isWorkingDay(due))
            #expect(try calendar.workingDays(from: a, to: due) == n)
            #expect(try calendar.workingDays(from: a, to: due.adding(days: -1)) == n - 1)
            #expect(try calendar.workingDay(-n, after: due) <= a)
            let next = try calendar.workingDay(n + 1, after: a)
            #expect(next > due)
        }
    }

    @Test(arguments: Region.allCases)
    func weekendsAreNeverWorkingDaysAndHolidaysAreWeekdays(region: Region) throws {
        let calendar = WorkingDayCalendar(region: region)
        for number in Self.first...Self.last {
            let date = CivilDate(dayNumber: number)
            if date.isWeekend { #expect(try !calendar.isWorkingDay(date)) }
            if let holiday = calendar.holiday(on: date) { #expect(!date.isWeekend, "\(holiday.title) on \(date)") }
        }
    }
}

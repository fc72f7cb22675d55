import Testing

@testable import WorkingDays

func day(_ iso: String) -> CivilDate { try! CivilDate(iso: iso) }

let englandAndWales = WorkingDayCalendar(region: .englandAndWales)
let scotland = WorkingDayCalendar(region: .scotland)
let northernIreland = WorkingDayCalendar(region: .northernIreland)

/// The acceptance examples of `counting.md`.
@Suite struct CountingSemanticsTests {
    @Test func luton202229082StageOneResponseIsThirteenWorkingDays() throws {
        // Seed 001: received Thu 2022-10-13, stage 1 response Tue 2022-11-01 → 13, as the Ombudsman counted.
        #expect(try englandAndWales.workingDays(from: day("2022-10-13"), to: day("2022-11-01")) == 13)
    }

    @Test func startDayIsDayZero() throws {
        #expect(try englandAndWales.workingDays(from: day("2022-10-13"), to: day("2022-10-13")) == 0)
        #expect(try englandAndWales.workingDays(from: day("2022-10-13"), to: day("2022-10-14")) == 1)
        #expect(try englandAndWales.workingDay(1, after: day("2022-10-13")) == day("2022-10-14"))
        #expect(try englandAndWales.workingDay(0, after: day("2022-10-13")) == day("2022-10-13"))
    }

    @Test func dueDateIsTheNthWorkingDayAfterTheAnchor() throws {
        // Thu 13 Oct 2022 + 3 working days = Tue 18 Oct (weekend skipped).
        #expect(try englandAndWales.workingDay(3, after: day("2022-10-13")) == day("2022-10-18"))
        // On or before the due date is on time; the day after is one working day late.
        #expect(try englandAndWales.workingDays(from: day("2022-10-18"), to: day("2022-10-19")) == 1)
    }

    @Test func saturdayReceiptBeforeMayBankHolidayCountsFromTuesday() throws {
        // Sat 2024-05-04, Mon 2024-05-06 is the early May bank holiday.
        let start = try englandAndWales.effectiveStart(of: Moment(date: day("2024-05-04")))
        #expect(start == day("2024-05-07"))
        #expect(try englandAndWales.dueDate(after: start, Span(5, .workingDays)) == day("2024-05-14"))
    }

    @Test func receiptAfterCutOffCountsFromNextWorkingDay() throws {
        let cutOff = TimeOfDay("17:00")!
        let friday = try Moment(iso: "2024-05-03T17:42:00+01:00")
        #expect(try englandAndWales.effectiveStart(of: friday, cutOff: cutOff) == day("2024-05-07"))
        let beforeCutOff = try Moment(iso: "2024-05-03T16:59")
        #expect(try englandAndWales.effectiveStart(of: beforeCutOff, cutOff: cutOff) == day("2024-05-03"))
        let exactlyAtCutOff = try Moment(iso: "2024-05-03T17:00")
        #expect(try englandAndWales.effectiveStart(of: exactlyAtCutOff, cutOff: cutOff) == day("2024-05-03"))
        // Without a time the cut-off cannot apply.
        #expect(try englandAndWales.effectiveStart(of: Moment(date: day("2024-05-03")), cutOff: cutOff) == day("2024-05-03"))
    }

    @Test func calendarDayDeadlinesMoveOffNonWorkingDays() throws {
        // 2024-05-01 + 5 calendar days = Mon 6 May (bank holiday) → Tue 7 May.
        #expect(try englandAndWales.dueDate(after: day("2024-05-01"), Span(5, .calendarDays)) == day("2024-05-07"))
        #expect(try englandAndWales.dueDate(after: day("2024-05-01"), Span(1, .calendarDays)) == day("2024-05-02"))
    }

    @Test func hoursRunThroughWeekendsAndHolidays() throws {
        let aware = try Moment(iso: "2025-12-24T10:00:00Z")
        #expect(aware.secondsSinceEpoch + 24 * 3600 == (try Moment(iso: "2025-12-25T10:00:00Z")).secondsSinceEpoch)
        #expect(try englandAndWales.dueDate(after: day("2025-12-24"), Span(24, .hours)) == day("2025-12-25"))
    }

    @Test func countsBackwardsAreNegative() throws {
        #expect(try englandAndWales.workingDays(from: day("2022-11-01"), to: day("2022-10-13")) == -13)
        #expect(try englandAndWales.workingDay(-13, after: day("2022-11-01")) == day("2022-10-13"))
    }

    @Test func yearsOutsideTheCalendarAreErrorsNotGuesses() {
        #expect(throws: CalendarError.self) { try englandAndWales.workingDays(from: day("2017-12-20"), to: day("2018-01-05")) }
        #expect(throws: CalendarError.self) { try englandAndWales.workingDay(5, after: day("2040-12-24")) }
        #expect(throws: CalendarError.self) { try englandAndWales.isWorkingDay(day("2041-01-02")) }
    }

    @Test func closureDaysAreNotWorkingDays() throws {
        let closures = ["2024-12-27", "2024-12-30", "2024-12-31"].map { Holiday(date: day($0), title: "office closed", origin: .closure) }
        let withClosures = WorkingDayCalendar(region: .englandAndWales, closures: closures)
        // Tue 24 Dec 2024 + 1 working day: 25, 26 bank holidays, 27/30/31 closed, 1 Jan bank holiday → Thu 2 Jan 2025.
        #expect(try withClosures.workingDay(1, after: day("2024-12-24")) == day("2025-01-02"))
        #expect(try englandAndWales.workingDay(1, after: day("2024-12-24")) == day("2024-12-27"))
        #expect(try withClosures.nonWorkingDays(from: day("2024-12-24"), to: day("2025-01-02")).count == 8)
    }

    @Test func aLongClosureMovesDueDatesPastItAsAWalkWould() throws {
        // Six weeks closed: longer than the window `workingDay(_:after:)` searches first.
        let start = day("2025-07-01")
        let closures = (0..<42).map { Holiday(date: start.adding(days: $0), title: "office closed", origin: .closure) }
        let calendar = WorkingDayCalendar(region: .englandAndWales, closures: closures)
        for offset in -20...45 {
            let from = start.adding(days: offset)
            for n in 1...25 {
                var walked = from
                var counted = 0
                while counted < n {
                    walked = walked.adding(days: 1)
                    if try calendar.isWorkingDay(walked) { counted += 1 }
                }
                #expect(try calendar.workingDay(n, after: from) == walked, "\(n) after \(from)")
            }
        }
    }

    @Test func explainNamesEachSkippedDay() throws {
        let skipped = try englandAndWales.nonWorkingDays(from: day("2022-09-16"), to: day("2022-09-20"))
        #expect(skipped.map(\.date) == [day("2022-09-17"), day("2022-09-18"), day("2022-09-19")])
        #expect(skipped[2].reason.contains("State Funeral"))
    }
}

@Suite struct DateParsingTests {
    @Test(arguments: [
        ("2023-02-30", "February 2023 has 28 days"),
        ("2023-13-01", "month 13 does not exist"),
        ("2024-02-30", "February 2024 has 29 days"),
        ("text", "expected a date as YYYY-MM-DD"),
        ("2023-2-3", "expected a date as YYYY-MM-DD"),
        ("2023-04-31", "April 2023 has 30 days"),
    ])
    func impossibleDatesAreRejectedWithAReason(text: String, reason: String) {
        #expect(throws: DateParseError.self) { try CivilDate(iso: text) }
        do { _ = try CivilDate(iso: text) } catch { #expect(error.description.contains(reason), "\(error)") }
    }

    @Test func leapDayExists() throws {
        #expect(try CivilDate(iso: "2024-02-29").weekday == .thursday)
    }

    @Test func weekdaysAndRoundTrip() throws {
        #expect(day("1970-01-01").weekday == .thursday)
        #expect(day("2022-10-13").weekday == .thursday)
        for number in stride(from: -1000, to: 40000, by: 7) {
            let date = CivilDate(dayNumber: number)
            #expect(try CivilDate(iso: date.description) == date)
        }
    }

    @Test func descriptionsArePaddedISODates() throws {
        #expect(CivilDate(year: 5, month: 1, day: 2)!.description == "0005-01-02")
        #expect(CivilDate(year: 999, month: 12, day: 31)!.description == "0999-12-31")
        #expect(CivilDate(year: 2024, month: 6, day: 3)!.description == "2024-06-03")
        #expect(CivilDate(year: 9999, month: 12, day: 31)!.description == "9999-12-31")
        #expect(CivilDate(year: 10000, month: 1, day: 1)!.description == "10000-01-01")
        for year in stride(from: 1, through: 9999, by: 37) {
            for (month, day) in [(1, 1), (2, 28), (7, 15), (12, 31)] {
                let date = CivilDate(year: year, month: month, day: day)!
                #expect(date.description == String(format: "%04d-%02d-%02d", year, month, day))
            }
        }
    }

    @Test func longDescriptionsNameTheWeekdayDayMonthAndYear() throws {
        #expect(day("2022-10-13").longDescription == "Thu 13 Oct 2022")
        #expect(day("2024-06-03").longDescription == "Mon 3 Jun 2024")
        #expect(day("2024-12-29").longDescription == "Sun 29 Dec 2024")
        #expect(CivilDate(year: 999, month: 1, day: 1)!.longDescription.hasSuffix(" 1 Jan 999"))
        #expect(CivilDate(year: 10000, month: 2, day: 9)!.longDescription.hasSuffix(" 9 Feb 10000"))
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        for number in stride(from: -400_000, to: 2_900_000, by: 997) {  // years 874 to 9909: every weekday, month and day length
            let date = CivilDate(dayNumber: number)
            let (year, month, dayOfMonth) = date.parts
            #expect(date.longDescription == "\(weekdays[date.weekday.rawValue - 1]) \(dayOfMonth) \(months[month - 1]) \(year)")
            // A message composed as bytes appends the same text (written on the stack for years
            // of four digits; the others are the string's bytes).
            var bytes = Array("on ".utf8)
            date.appendLongDescription(to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == "on " + date.longDescription)
        }
    }

    @Test func dateTimesWithOffsets() throws {
        let moment = try Moment(iso: "2024-05-03T17:42:00+01:00")
        #expect(moment.date == day("2024-05-03"))
        #expect(moment.secondsOfDay == 17 * 3600 + 42 * 60)
        #expect(moment.utcOffsetMinutes == 60)
        #expect(try Moment(iso: "2024-05-03T17:42Z").utcOffsetMinutes == 0)
        #expect(throws: DateParseError.self) { try Moment(iso: "2024-05-03T25:00") }
        #expect(throws: DateParseError.self) { try Moment(iso: "2024-05-03T10:00+1") }
    }

    @Test func spans() throws {
        #expect(try Span.parse("10 working-days").get() == Span(10, .workingDays))
        #expect(try Span.parse("5").get() == Span(5, .workingDays))
        #expect(try Span.parse("24 hours").get() == Span(24, .hours))
        #expect(throws: SpanParseError.self) { try Span.parse("-3 working-days").get() }
        #expect(throws: SpanParseError.self) { try Span.parse("3 wroking-days").get() }
        // As people write it, with a space: the same length.
        #expect(try Span.parse("10 working days").get() == Span(10, .workingDays))
        #expect(try Span.parse("1 Working Day").get() == Span(1, .workingDays))
        #expect(try Span.parse("20 calendar days").get() == Span(20, .calendarDays))
        #expect(throws: SpanParseError.self) { try Span.parse("10 working days please").get() }
        #expect(throws: SpanParseError.self) { try Span.parse("10 long days").get() }
    }
}

import Testing

@testable import WorkingDays

/// A moment stamped with a UTC offset is read on a UK clock (GMT, or BST from 01:00 UTC on the
/// last Sunday of March to 01:00 UTC on the last Sunday of October) before it meets a cut-off.
@Suite struct UKLocalTimeTests {
    @Test(arguments: [
        ("2024-03-31T00:59Z", "2024-03-31T00:59"),  // the last minute of GMT
        ("2024-03-31T01:00Z", "2024-03-31T02:00"),  // BST begins
        ("2024-10-27T00:59Z", "2024-10-27T01:59"),  // the last minute of BST
        ("2024-10-27T01:00Z", "2024-10-27T01:00"),  // GMT again
        ("2024-05-02T23:30Z", "2024-05-03T00:30"),  // a summer evening in UTC is tomorrow in London
        ("2024-05-02T18:30+02:00", "2024-05-02T17:30"),
        ("2024-01-10T16:30Z", "2024-01-10T16:30"),
        ("2024-12-31T23:30-01:00", "2025-01-01T00:30"),
    ])
    func utcMomentsAreReadOnAUKClock(written: String, uk: String) throws {
        #expect(try Moment(iso: written).ukLocal.description == uk)
    }

    /// A UK clock time (no offset) is an instant: GMT in winter, BST in summer; the hours
    /// between two of them across a change of the clocks are the hours that passed.
    @Test(arguments: [
        ("2025-11-07T17:30", "2025-11-07T17:30Z"),
        ("2025-06-01T12:00", "2025-06-01T11:00Z"),
        ("2026-03-29T00:30", "2026-03-29T00:30Z"),  // before the clocks go forward at 01:00 GMT
        ("2026-03-29T03:00", "2026-03-29T02:00Z"),
    ])
    func ukClockTimesAreInstants(uk: String, utc: String) throws {
        let instant = try #require(try Moment(iso: uk).ukInstant)
        #expect(instant == (try Moment(iso: utc)).secondsSinceEpoch)
        #expect(Moment(ukClockAt: instant).description == uk)
    }

    @Test func hoursAcrossAChangeOfTheClocksAreTheHoursThatPassed() throws {
        // Saturday 25 October 2026 12:00 BST to Sunday 12:00 GMT: 25 hours.
        let saturday = try #require(try Moment(iso: "2026-10-24T12:00").ukInstant)
        let sunday = try #require(try Moment(iso: "2026-10-25T12:00").ukInstant)
        #expect(sunday - saturday == 25 * 3600)
        #expect(Moment(date: try CivilDate(iso: "2025-11-08")).ukInstant == nil)  // a date alone is no instant
    }

    @Test func aMomentWithoutAnOffsetIsAlreadyUKTime() throws {
        let moment = try Moment(iso: "2024-05-02T16:30")
        #expect(moment.ukLocal == moment)
    }

    @Test func theCutOffIsComparedOnTheUKClock() throws {
        let calendar = WorkingDayCalendar()
        let cutOff = TimeOfDay("17:00")
        // 16:30 UTC is 17:30 BST: after the cut-off, so from Friday 3 May.
        #expect(
            try calendar.effectiveStart(of: Moment(iso: "2024-05-02T16:30Z"), cutOff: cutOff) == CivilDate(year: 2024, month: 5, day: 3))
        // 16:30 UTC in January is 16:30 GMT: before it.
        #expect(
            try calendar.effectiveStart(of: Moment(iso: "2024-01-10T16:30Z"), cutOff: cutOff) == CivilDate(year: 2024, month: 1, day: 10))
    }
}

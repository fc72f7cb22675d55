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

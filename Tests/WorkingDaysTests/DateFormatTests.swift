import Testing

@testable import WorkingDays

/// Dates as exports write them (`date-format`): the map says which field is the day and which
/// the month, and an impossible or ambiguous date is an error, never a guess.
@Suite struct DateFormatTests {
    static func read(_ format: String, _ text: String) throws -> String {
        let parsed = try DateFormat.parse(format).get()
        switch parsed.read(text) {
        case .success(let (date, seconds)):
            return seconds.map { "\(date) \($0 / 3600):\($0 % 3600 / 60):\($0 % 60)" } ?? date.description
        case .failure(let error): return "error: \(error.reason)"
        }
    }

    @Test(arguments: [
        ("DD/MM/YYYY", "23/12/2024", "2024-12-23"),
        ("DD/MM/YYYY", "03/01/2025", "2025-01-03"),
        ("DD/MM/YYYY", "3/1/2025", "error: expected a date as DD/MM/YYYY"),
        ("D/M/YYYY", "3/1/2025", "2025-01-03"),
        ("D/M/YYYY", "23/12/2024", "2024-12-23"),
        ("MM/DD/YYYY", "12/23/2024", "2024-12-23"),
        ("MM/DD/YYYY", "23/12/2024", "error: month 23 does not exist (expected 1–12; the format is MM/DD/YYYY)"),
        ("DD/MM/YYYY", "31/02/2025", "error: February 2025 has 28 days"),
        ("DD/MM/YYYY", "29/02/2024", "2024-02-29"),
        ("DD/MM/YYYY", "2024-12-23", "error: expected a date as DD/MM/YYYY"),
        ("DD/MM/YYYY", "23/12/2024 14:05", "error: expected a date as DD/MM/YYYY"),
        ("DD/MM/YYYY HH:mm", "23/12/2024 14:05", "2024-12-23 14:5:0"),
        ("DD/MM/YYYY HH:mm", "23/12/2024", "2024-12-23"),
        ("DD/MM/YYYY HH:mm", "23/12/2024 24:05", "error: the time should be 00:00–23:59"),
        ("DD/MM/YYYY HH:mm:ss", "23/12/2024 09:15:30", "2024-12-23 9:15:30"),
        ("D/M/YYYY H:mm", "3/1/2025 9:05", "2025-01-03 9:5:0"),
        ("YYYY-MM-DD", "2024-12-23", "2024-12-23"),
        ("DD.MM.YYYY", "23.12.2024", "2024-12-23"),
    ])
    func datesAreReadAsTheFormatSays(format: String, text: String, expected: String) throws {
        #expect(try Self.read(format, text) == expected)
    }

    @Test(arguments: [
        ("DD/MM/YY", "`Y` is not a field"), ("DD/MM", "it has no year (YYYY)"),
        ("YYYY-MM", "it needs a month (MM or M) and a day (DD or D)"),
        ("DD/MM/YYYY HH", "a time needs hours and minutes (HH:mm)"),
    ])
    func formatsChcCannotReadAreRefused(format: String, says: String) {
        guard case .failure(let error) = DateFormat.parse(format) else {
            Issue.record("\(format) was accepted")
            return
        }
        #expect(error.description.contains(says), "\(error)")
    }
}

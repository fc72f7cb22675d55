import TestSupport
import Testing
import WorkingDays

@testable import CHCModel
@testable import CHCOutput

/// The formats append numbers and dates as bytes (`appendDecimal`, `appendISODate`); the text
/// must be exactly what `String(n)` and `CivilDate.description` give.
@Suite struct ByteTextTests {
    @Test func decimalsAreWhatStringGives() {
        var values = [0, 1, 9, 10, 99, 100, 261, -1, -9, -10, -261, 1_000_000, Int.max, Int.min, Int.max - 1, Int.min + 1]
        var random = SeededRandom(state: 11)
        for _ in 0..<2_000 { values.append(Int(bitPattern: UInt(random.next())) >> Int(random.next() % 64)) }
        for value in values {
            var bytes: [UInt8] = [42]
            bytes.appendDecimal(value)
            #expect(bytes == [42] + Array(String(value).utf8), "\(value)")
        }
    }

    @Test func datesAreWhatDescriptionGives() {
        // Years 0–9999 are written digit by digit; others as `description` writes them.
        let days = Array(stride(from: -800_000, through: 3_000_000, by: 997)) + [-719_528, -719_529, 2_932_896, 2_932_897, 0, 19_000]
        for day in days {
            let date = CivilDate(dayNumber: day)
            var bytes: [UInt8] = []
            bytes.appendISODate(date)
            #expect(bytes == Array(date.description.utf8), "\(day)")
        }
    }
}

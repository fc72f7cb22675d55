/// A calendar date with no time and no time zone (proleptic Gregorian), e.g. `2022-10-13`.
///
/// Stored as a day number so that comparison and day arithmetic are integer operations.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let dayNumber: Int

    public init(dayNumber: Int) { self.dayNumber = dayNumber }

    /// A date from its parts, or `nil` if no such day exists (e.g. 2023-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year) else { return nil }
        dayNumber = CivilDate.dayNumber(year: year, month: month, day: day)
    }

    /// Parses `YYYY-MM-DD` strictly, or throws a `DateParseError` that says what is wrong.
    /// Reads the UTF-8 bytes in place (no allocation: this runs for every row of an export).
    public init(iso text: some StringProtocol) throws(DateParseError) {
        guard let (year, month, day) = CivilDate.isoParts(text.utf8) else {
            throw DateParseError(text: String(text), reason: "expected a date as YYYY-MM-DD")
        }
        guard (1...12).contains(month) else {
            throw DateParseError(text: String(text), reason: "month \(month) does not exist (expected 01–12)")
        }
        let length = CivilDate.daysIn(month: month, year: year)
        guard day >= 1, day <= length else {
            throw DateParseError(
                text: String(text),
                reason: "\(CivilDate.monthNames[month - 1]) \(year) has \(length) days")
        }
        dayNumber = CivilDate.dayNumber(year: year, month: month, day: day)
    }

    /// A date from the UTF-8 bytes of `YYYY-MM-DD`, or nil for anything else — an impossible
    /// date included (`init(iso:)` says what is wrong). For readers that hold bytes, not text.
    /// Inlinable, so that a caller in another module gets it specialised for its byte type.
    @inlinable public init?(isoUTF8 bytes: some Collection<UInt8>) {
        guard let (year, month, day) = CivilDate.isoParts(bytes) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The digits of `YYYY-MM-DD` (not yet checked as a calendar date), or nil when the bytes
    /// are not ten of that shape.
    @inlinable static func isoParts(_ bytes: some Collection<UInt8>) -> (year: Int, month: Int, day: Int)? {
        guard bytes.count == 10 else { return nil }
        var digits = (0, 0, 0)
        for (position, byte) in bytes.enumerated() {
            switch position {
            case 4, 7: guard byte == 45 else { return nil }  // -
            default:
                guard byte >= 48, byte <= 57 else { return nil }
                let digit = Int(byte - 48)
                if position < 4 {
                    digits.0 = digits.0 * 10 + digit
                } else if position < 7 {
                    digits.1 = digits.1 * 10 + digit
                } else {
                    digits.2 = digits.2 * 10 + digit
                }
            }
        }
        return digits
    }

    /// Year, month (1–12) and day (1–31).
    public var parts: (year: Int, month: Int, day: Int) {
        // Howard Hinnant's civil_from_days.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    public var year: Int { parts.year }

    /// The weekday of this date.
    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        Weekday(rawValue: ((dayNumber % 7) + 7 + 3) % 7 + 1)!
    }

    /// Saturday or Sunday.
    public var isWeekend: Bool { weekday == .saturday || weekday == .sunday }

    /// The date `days` calendar days later (earlier when negative).
    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (y, m, d) = parts
        guard (0...9999).contains(y) else { return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))" }
        // Ten ASCII digits and dashes written in place: findings print several dates each, and
        // the padded interpolation made five strings for one.
        return String(unsafeUninitializedCapacity: 10) { bytes in
            Self.write(y, digits: 4, into: bytes, at: 0)
            bytes[4] = 45  // -
            Self.write(m, digits: 2, into: bytes, at: 5)
            bytes[7] = 45
            Self.write(d, digits: 2, into: bytes, at: 8)
            return 10
        }
    }

    /// e.g. `Thu 13 Oct 2022`, for messages a person reads.
    public var longDescription: String {
        let (y, m, d) = parts
        guard (1000...9999).contains(y) else { return "\(weekday.shortName) \(d) \(CivilDate.monthNames[m - 1].prefix(3)) \(y)" }
        // Written in place, like `description`: a finding's message prints several dates, and
        // the interpolation made a string of every part (and an array of weekday names).
        return String(unsafeUninitializedCapacity: 15) { writeLongDescription(into: $0)! }
    }

    /// Appends `longDescription`'s UTF-8 bytes to `out`, without making the string (a message
    /// composed as bytes prints several dates).
    package func appendLongDescription(to out: inout [UInt8]) {
        // Written on the stack as `longDescription` writes it, then appended at once.
        var room: (UInt64, UInt64) = (0, 0)
        let appended = Swift.withUnsafeMutableBytes(of: &room) { raw -> Bool in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let count = writeLongDescription(into: bytes) else { return false }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<count]))
            return true
        }
        if !appended { out.append(contentsOf: longDescription.utf8) }
    }

    /// Writes `longDescription` into `bytes` (room for 15) when the year has four digits;
    /// returns how many bytes it wrote, or nil (the year is written by the string path then).
    private func writeLongDescription(into bytes: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        let (y, m, d) = parts
        guard (1000...9999).contains(y) else { return nil }
        var count = 3
        _ = bytes.initialize(from: weekday.letters)
        bytes[count] = 32
        let dayDigits = d >= 10 ? 2 : 1
        Self.write(d, digits: dayDigits, into: bytes, at: count + 1)
        count += 1 + dayDigits
        bytes[count] = 32
        for k in 0..<3 { bytes[count + 1 + k] = Self.monthLetters.utf8Start[3 * (m - 1) + k] }
        bytes[count + 4] = 32
        Self.write(y, digits: 4, into: bytes, at: count + 5)
        return count + 9
    }

    /// Each month's first three letters (`monthNames` is an array of strings; this is read in place).
    private static let monthLetters: StaticString = "JanFebMarAprMayJunJulAugSepOctNovDec"

    /// Writes the last `digits` decimal digits of `value` (not negative) into `bytes` from `start`.
    private static func write(_ value: Int, digits: Int, into bytes: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
        var value = value
        for index in stride(from: start + digits - 1, through: start, by: -1) {
            bytes[index] = UInt8(48 + value % 10)
            value /= 10
        }
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

    // MARK: - Calendar arithmetic

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December",
    ]

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Howard Hinnant's days_from_civil.
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

private func pad(_ value: Int, _ width: Int) -> String {
    let s = String(value)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}

/// Days of the week, Monday = 1 as in ISO 8601.
public enum Weekday: Int, Sendable, CaseIterable {
    case monday = 1
    case tuesday, wednesday, thursday, friday, saturday, sunday

    public var shortName: String { String(decoding: letters, as: UTF8.self) }

    /// The three letters of `shortName`, read in place (`CivilDate.longDescription` copies them).
    var letters: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: Weekday.shortNames.utf8Start + 3 * (rawValue - 1), count: 3)
    }
    private static let shortNames: StaticString = "MonTueWedThuFriSatSun"
    public var name: String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][rawValue - 1]
    }
}

/// A date that could not be read, with the reason in plain words.
public struct DateParseError: Error, Equatable, Sendable, CustomStringConvertible {
    public let text: String
    public let reason: String
    public var description: String { "`\(text)` is not a valid date: \(reason)" }
}

extension CivilDate: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do { self = try CivilDate(iso: text) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension CivilDate {
    /// Today's date in the machine's local time zone.
    public static func today() -> CivilDate {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return CivilDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
    }
}

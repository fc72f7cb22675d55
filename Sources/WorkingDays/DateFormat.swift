/// How an export writes its dates (`date-format` in a column map): `DD/MM/YYYY`, `D/M/YYYY`,
/// `DD/MM/YYYY HH:mm`, `YYYY-MM-DD`, `MM/DD/YYYY`… The map says which is the day and which the
/// month: a date is never guessed one way or the other.
///
/// Fields: `YYYY` (four digits), `MM`/`DD` (two digits), `M`/`D` (one or two), `HH` (two) or `H`
/// (one or two) hours of a 24-hour clock, `mm` and `ss` (two); anything else is written as it
/// is. A time is optional when the format ends in one (a row may give the date alone).
public struct DateFormat: Sendable, Equatable, CustomStringConvertible {
    enum Piece: Equatable {
        case year
        case month(exact: Bool)
        case day(exact: Bool)
        case hour(exact: Bool)
        case minute, second
        case literal(UInt8)
    }

    let pieces: [Piece]
    public let description: String

    /// Reads a format; nil (with the reason) when it is not one this reader knows.
    public static func parse(_ text: String) -> Result<DateFormat, DateFormatError> {
        var pieces: [Piece] = []
        var rest = Substring(text)
        let tokens: [(String, Piece)] = [
            ("YYYY", .year), ("MM", .month(exact: true)), ("M", .month(exact: false)), ("DD", .day(exact: true)),
            ("D", .day(exact: false)), ("HH", .hour(exact: true)), ("H", .hour(exact: false)), ("mm", .minute), ("ss", .second),
        ]
        while let first = rest.first {
            if let (token, piece) = tokens.first(where: { rest.hasPrefix($0.0) }) {
                pieces.append(piece)
                rest = rest.dropFirst(token.count)
            } else if first.isLetter || first.isNumber || !first.isASCII {
                return .failure(
                    DateFormatError(
                        text: text,
                        reason:
                            "`\(first)` is not a field (use YYYY, MM or M, DD or D, HH or H, mm, ss, and separators such as / - . : or a space)"
                    ))
            } else {
                pieces.append(.literal(first.asciiValue!))
                rest = rest.dropFirst()
            }
        }
        guard pieces.contains(.year) else { return .failure(DateFormatError(text: text, reason: "it has no year (YYYY)")) }
        guard pieces.contains(where: { if case .month = $0 { true } else { false } }),
            pieces.contains(where: { if case .day = $0 { true } else { false } })
        else { return .failure(DateFormatError(text: text, reason: "it needs a month (MM or M) and a day (DD or D)")) }
        if pieces.contains(.minute) != pieces.contains(where: { if case .hour = $0 { true } else { false } }) {
            return .failure(DateFormatError(text: text, reason: "a time needs hours and minutes (HH:mm)"))
        }
        return .success(DateFormat(pieces: pieces, description: text))
    }

    /// The date (and time of day, in seconds, when the format and the text have one) written in
    /// this format; the error says what is wrong.
    public func read(_ text: String) -> Result<(date: CivilDate, secondsOfDay: Int?), DateParseError> {
        let bytes = Array(text.utf8)
        var index = 0
        var year: Int?
        var month = 0
        var day = 0
        var hour: Int?
        var minute = 0
        var second = 0
        func fail(_ reason: String) -> Result<(date: CivilDate, secondsOfDay: Int?), DateParseError> {
            .failure(DateParseError(text: text, reason: reason))
        }
        func number(_ least: Int, _ most: Int) -> Int? {
            var value = 0
            var count = 0
            while count < most, index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                value = value * 10 + Int(bytes[index] - 48)
                index += 1
                count += 1
            }
            return count >= least ? value : nil
        }
        for (position, piece) in pieces.enumerated() {
            // A format with a time reads a date alone too: the rest of the format is the time.
            if index == bytes.count, isTimeFrom(position) { break }
            switch piece {
            case .literal(let byte):
                guard index < bytes.count, bytes[index] == byte else { return fail("expected a date as \(description)") }
                index += 1
            case .year:
                guard let value = number(4, 4) else { return fail("expected a date as \(description)") }
                year = value
            case .month(let exact):
                guard let value = number(exact ? 2 : 1, 2) else { return fail("expected a date as \(description)") }
                month = value
            case .day(let exact):
                guard let value = number(exact ? 2 : 1, 2) else { return fail("expected a date as \(description)") }
                day = value
            case .hour(let exact):
                guard let value = number(exact ? 2 : 1, 2) else { return fail("expected a date and time as \(description)") }
                hour = value
            case .minute:
                guard let value = number(2, 2) else { return fail("expected a date and time as \(description)") }
                minute = value
            case .second:
                guard let value = number(2, 2) else { return fail("expected a date and time as \(description)") }
                second = value
            }
        }
        guard index == bytes.count, let year else { return fail("expected a date as \(description)") }
        guard (1...12).contains(month) else { return fail("month \(month) does not exist (expected 1–12; the format is \(description))") }
        let length = CivilDate.daysIn(month: month, year: year)
        guard day >= 1, day <= length else { return fail("\(CivilDate.monthNames[month - 1]) \(year) has \(length) days") }
        let date = CivilDate(dayNumber: CivilDate.dayNumber(year: year, month: month, day: day))
        guard let hour else { return .success((date, nil)) }
        guard hour <= 23, minute <= 59, second <= 59 else { return fail("the time should be 00:00–23:59") }
        return .success((date, hour * 3600 + minute * 60 + second))
    }

    /// Whether every piece from `position` on belongs to the time of day (and the separator
    /// before it).
    private func isTimeFrom(_ position: Int) -> Bool {
        let rest = pieces[position...]
        return rest.contains(where: { if case .hour = $0 { true } else { false } })
            && !rest.contains(where: {
                switch $0 {
                case .year, .month, .day: true
                default: false
                }
            })
    }
}

/// A `date-format` that could not be read.
public struct DateFormatError: Error, Equatable, Sendable, CustomStringConvertible {
    public let text: String
    public let reason: String
    public var description: String { "`\(text)` is not a date format chc reads: \(reason)" }
}

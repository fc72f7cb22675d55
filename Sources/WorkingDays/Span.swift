/// A length of time in a deadline: `5 working-days`, `20 calendar-days`, `24 hours`.
public struct Span: Hashable, Sendable, CustomStringConvertible {
    public enum Unit: String, Sendable, CaseIterable {
        case workingDays = "working-days"
        case calendarDays = "calendar-days"
        case hours

        /// Singular and plural spellings a person may write.
        static let spellings: [String: Unit] = [
            "working-days": .workingDays, "working-day": .workingDays, "wd": .workingDays,
            "calendar-days": .calendarDays, "calendar-day": .calendarDays, "days": .calendarDays, "day": .calendarDays,
            "hours": .hours, "hour": .hours,
        ]
    }

    public let amount: Int
    public let unit: Unit

    /// The largest length read from input: about 270 years of days, far beyond the years a
    /// calendar covers (a longer one is an error naming the value, never an arithmetic overflow).
    public static let maximumAmount = 100_000

    public init(_ amount: Int, _ unit: Unit) {
        self.amount = amount
        self.unit = unit
    }

    /// Parses `N unit` (unit defaults to working days when only a number is given).
    /// Returns a message saying what was expected when the text is not a span.
    public static func parse(_ text: String) -> Result<Span, SpanParseError> {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let first = words.first, let amount = Int(first) else {
            return .failure(SpanParseError(message: "expected a length such as `10 working-days`, found `\(text)`"))
        }
        guard amount >= 0 else {
            return .failure(SpanParseError(message: "a length cannot be negative (`\(text)`)"))
        }
        guard amount <= maximumAmount else {
            return .failure(SpanParseError(message: "`\(text)` is longer than the \(maximumAmount) a calendar can count"))
        }
        // `10 working days` is how people write it: read as `10 working-days`.
        let unitWords = words.dropFirst().map(String.init)
        let unitText: String?
        switch unitWords.count {
        case 0: unitText = nil
        case 1: unitText = unitWords[0]
        case 2 where ["working", "calendar"].contains(unitWords[0].lowercased()): unitText = unitWords.joined(separator: "-")
        default:
            return .failure(SpanParseError(message: "expected `N working-days`, `N calendar-days` or `N hours`, found `\(text)`"))
        }
        guard let unitText else { return .success(Span(amount, .workingDays)) }
        guard let unit = Unit.spellings[unitText.lowercased()] else {
            return .failure(
                SpanParseError(
                    message: "unknown unit `\(unitText)`, expected working-days, calendar-days or hours"
                        + didYouMean(unitText, among: Unit.allCases.map(\.rawValue))))
        }
        return .success(Span(amount, unit))
    }

    public var description: String {
        switch unit {
        case .workingDays: "\(amount) working day\(amount == 1 ? "" : "s")"
        case .calendarDays: "\(amount) calendar day\(amount == 1 ? "" : "s")"
        case .hours: "\(amount) hour\(amount == 1 ? "" : "s")"
        }
    }
}

public struct SpanParseError: Error, Sendable, Equatable {
    public let message: String
}

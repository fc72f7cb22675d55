import CHCModel
import WorkingDays

/// A finding's message while it is composed. It is written with string interpolation, exactly as
/// a `String` would be, but each piece is appended as UTF-8 bytes to one buffer with room for a
/// whole message, and the `String` is made once, at the end. (Composed as strings — a string made
/// for each piece, then the message grown piece by piece — messages were a sixth of `chc check`'s
/// time at a million complaints.)
package struct MessageText: ExpressibleByStringInterpolation, CustomStringConvertible, Sendable {
    package private(set) var bytes: [UInt8]

    package init(stringLiteral literal: StaticString) {
        bytes = []
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    package init(stringInterpolation: StringInterpolation) { bytes = stringInterpolation.bytes }

    package init(_ text: String) { bytes = Array(text.utf8) }

    /// The message.
    package var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The message (so that one interpolated into a `String` reads as itself).
    package var description: String { string }

    package static func += (text: inout MessageText, more: MessageText) { text.bytes.append(contentsOf: more.bytes) }

    /// Appends `text` (no buffer made for it, as `+=` makes one for an interpolation).
    package mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    package struct StringInterpolation: StringInterpolationProtocol {
        fileprivate var bytes: [UInt8] = []

        package init(literalCapacity: Int, interpolationCount: Int) {
            bytes.reserveCapacity(max(256, literalCapacity + 24 * interpolationCount))
        }

        package mutating func appendLiteral(_ literal: StaticString) {
            literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
        }

        package mutating func appendInterpolation(_ text: String) { bytes.append(contentsOf: text.utf8) }

        package mutating func appendInterpolation(_ text: MessageText) { bytes.append(contentsOf: text.bytes) }

        /// As `String(value)` writes it.
        package mutating func appendInterpolation(_ value: Int) { bytes.appendDecimal(value) }

        /// As `description` writes it (`10 working days`), without the string.
        package mutating func appendInterpolation(_ span: Span) {
            appendInterpolation(span.amount)
            switch span.unit {
            case .workingDays: appendLiteral(" working day")
            case .calendarDays: appendLiteral(" calendar day")
            case .hours: appendLiteral(" hour")
            }
            if span.amount != 1 { bytes.append(115) }  // s
        }

        /// A date as `longDescription` writes it (`Thu 13 Oct 2022`), without the string.
        package mutating func appendInterpolation(long date: CivilDate) {
            date.appendLongDescription(to: &bytes)
        }

        /// `items` with `separator` between them, as `items.joined(separator:)` writes them.
        package mutating func appendInterpolation(_ items: [String], joinedBy separator: StaticString) {
            for index in items.indices {
                if index > 0 { appendLiteral(separator) }
                bytes.append(contentsOf: items[index].utf8)
            }
        }

        package mutating func appendInterpolation(_ value: some CustomStringConvertible) {
            bytes.append(contentsOf: value.description.utf8)
        }
    }
}

import WorkingDays

/// Numbers and dates appended to a byte buffer as the text `String(value)` and
/// `date.description` give, without making that string first (the formats write several of
/// each per finding, for a million complaints).
extension [UInt8] {
    /// `value` in decimal, `-` first when negative: as `String(value)`.
    package mutating func appendDecimal(_ value: Int) {
        if value < 0 {
            append(45)  // -
            // Int.min has no positive counterpart: its magnitude as an unsigned value.
            appendDecimal(UInt(bitPattern: 0 &- value))
        } else {
            appendDecimal(UInt(value))
        }
    }

    package mutating func appendDecimal(_ value: UInt) {
        guard value >= 10 else {
            append(48 + UInt8(value))
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 20 digits
        var count = 0
        var rest = value
        Swift.withUnsafeMutableBytes(of: &digits) { room in
            while rest > 0 {
                count += 1
                room[24 - count] = 48 + UInt8(rest % 10)
                rest /= 10
            }
            append(
                contentsOf: UnsafeBufferPointer(
                    start: room.baseAddress?.assumingMemoryBound(to: UInt8.self).advanced(by: 24 - count), count: count))
        }
    }

    /// The bytes of a constant text: no string made, no reference counted.
    package mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }

    /// A copy of its own bytes `range`, appended (a text escaped once and written twice).
    package mutating func appendCopy(of range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "a copy of bytes that are not there")
        let start = count
        append(contentsOf: repeatElement(0, count: range.count))
        withUnsafeMutableBufferPointer { bytes in
            guard let base = bytes.baseAddress, !range.isEmpty else { return }
            (base + start).update(from: base + range.lowerBound, count: range.count)
        }
    }

    /// `YYYY-MM-DD`, as `CivilDate.description`.
    package mutating func appendISODate(_ date: CivilDate) {
        let (y, m, d) = date.parts
        guard (0...9999).contains(y) else {
            append(contentsOf: date.description.utf8)
            return
        }
        // Made on the stack and appended at once: ten appends of a byte each were most of the
        // cost (the formats write one to four dates a finding, JSON one to three an evaluation).
        var text: (UInt64, UInt16) = (0, 0)
        Swift.withUnsafeMutableBytes(of: &text) { room in
            room[0] = 48 + UInt8(y / 1000)
            room[1] = 48 + UInt8(y / 100 % 10)
            room[2] = 48 + UInt8(y / 10 % 10)
            room[3] = 48 + UInt8(y % 10)
            room[4] = 45
            room[5] = 48 + UInt8(m / 10)
            room[6] = 48 + UInt8(m % 10)
            room[7] = 45
            room[8] = 48 + UInt8(d / 10)
            room[9] = 48 + UInt8(d % 10)
            append(contentsOf: UnsafeBufferPointer(start: room.baseAddress?.assumingMemoryBound(to: UInt8.self), count: 10))
        }
    }
}

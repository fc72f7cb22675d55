/// Looking for a few kinds of byte in text eight bytes at a time, since the formats scan every
/// byte they write for what needs quoting or escaping. Each word test is exact as a whole: some
/// byte of the word matches exactly when the result is not zero.
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Not zero when some byte of `word` is `byte` (the zero-byte test on their exclusive-or).
    @inline(__always) static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highs
    }

    /// Not zero when some byte of `word` is below `limit` (at most 128: a byte of 128 or more,
    /// its top bit set, never passes).
    @inline(__always) static func below(_ word: UInt64, _ limit: UInt8) -> UInt64 {
        (word &- ones &* UInt64(limit)) & ~word & highs
    }

    /// Whether some byte of `bytes` is one `byte` accepts: whole words by `word`, the last few
    /// bytes one by one.
    @inline(__always) static func contains(
        _ bytes: UnsafeBufferPointer<UInt8>, word: (UInt64) -> Bool, byte: (UInt8) -> Bool
    ) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var index = 0
        while index + 8 <= bytes.count {
            if word(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) { return true }
            index += 8
        }
        while index < bytes.count {
            if byte(bytes[index]) { return true }
            index += 1
        }
        return false
    }
}

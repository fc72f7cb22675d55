import WorkingDays

/// A stable identity for a finding that does not depend on line numbers or wording: the
/// complaint, the rule, the status and the dates it is about. Used for SARIF
/// `partialFingerprints` (as 16 hex digits) and for baselines (as the number: a baseline of
/// millions of findings is a set of 8-byte values).
package struct Fingerprint: Hashable, Sendable, CustomStringConvertible {
    package let value: UInt64

    /// The fingerprint of a finding written with these values (dates as YYYY-MM-DD), as a
    /// baseline file records them.
    package init(complaint: String, rule: String, status: String, stage: Int?, due: String?, actual: String?, anchorDate: String?) {
        let key = [complaint, rule, status, stage.map(String.init) ?? "", due ?? "", actual ?? "", anchorDate ?? ""]
            .joined(separator: "|")
        value = fnv1a64Value(key)
    }

    /// 16 hex digits.
    package var description: String { hex16(value) }
}

extension Finding {
    /// The same value as `Fingerprint(complaint:rule:…)` with this finding's values, hashed part
    /// by part rather than from one joined string (SARIF fingerprints every finding).
    package var fingerprint: Fingerprint {
        var hash = FNV1a64()
        hash.add(complaint)
        hash.addSeparator()
        hash.add(rule)
        hash.addSeparator()
        hash.add(status.rawValue)
        hash.addSeparator()
        if let stage = check.stage { hash.add(String(stage)) }
        hash.addSeparator()
        if let due { hash.add(due.description) }
        hash.addSeparator()
        if let actual { hash.add(actual.description) }
        hash.addSeparator()
        if let anchor { hash.add(anchor.date.description) }
        return Fingerprint(value: hash.value)
    }
}

extension Fingerprint {
    init(value: UInt64) { self.value = value }
}

/// FNV-1a, 64-bit, fed piece by piece.
struct FNV1a64 {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var hash = value
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
            value = hash
        }
    }

    /// `|`, between the parts.
    mutating func addSeparator() {
        value ^= 124
        value = value &* 0x100_0000_01b3
    }
}

/// FNV-1a, 64-bit, as 16 hex digits: small, fast and stable across platforms and runs.
package func fnv1a64(_ text: String) -> String { hex16(fnv1a64Value(text)) }

func fnv1a64Value(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x100_0000_01b3
    }
    return hash
}

func hex16(_ value: UInt64) -> String {
    String(unsafeUninitializedCapacity: 16) { bytes in
        for index in 0..<16 {
            let digit = UInt8(truncatingIfNeeded: value >> (60 - 4 * UInt64(index))) & 15
            bytes[index] = digit < 10 ? 48 + digit : 87 + digit  // 0-9, a-f
        }
        return 16
    }
}

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
    package var fingerprint: Fingerprint {
        Fingerprint(
            complaint: complaint, rule: rule, status: status.rawValue, stage: check.stage, due: due?.description,
            actual: actual?.description, anchorDate: anchor?.date.description)
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
    let hex = String(value, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
}

import WorkingDays

extension Finding {
    /// A stable identity for the finding that does not depend on line numbers or wording: the
    /// complaint, the rule, the status and the dates it is about. Used for SARIF
    /// `partialFingerprints` and for baselines.
    package var fingerprint: String {
        let key = [
            complaint, rule, status.rawValue, check.stage.map(String.init) ?? "", due?.description ?? "",
            actual?.description ?? "", anchor?.date.description ?? "",
        ].joined(separator: "|")
        return fnv1a64(key)
    }
}

/// FNV-1a, 64-bit, as 16 hex digits: small, fast and stable across platforms and runs.
package func fnv1a64(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
}

/// Text from input, made safe to show on a terminal or in a CI log: control characters (C0 but
/// tab, DEL, C1 — so ESC too) and line breaks are written as visible escapes (`\n`, `\u{1B}`), so
/// that a value can neither clear the screen, retitle the window, nor start a line of its own
/// that a reader (or GitHub's log, reading `::` commands) would take for the tool's.
package enum TerminalText {
    /// - Parameter keepingLineBreaks: leave CR and LF as they are, for a format that encodes
    ///   them itself (GitHub's workflow commands, `%0A`).
    package static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        // Nearly every value is plain: then it is returned as it is, with no copy.
        guard text.utf8.contains(where: { $0 < 0x20 && $0 != 0x09 || $0 == 0x7F || $0 == 0xC2 }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A: if keepingLineBreaks { out.unicodeScalars.append(scalar) } else { out += "\\n" }
            case 0x0D: if keepingLineBreaks { out.unicodeScalars.append(scalar) } else { out += "\\r" }
            case 0x09: out.unicodeScalars.append(scalar)
            case 0..<0x20, 0x7F, 0x80..<0xA0:
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// Escaping for the markup formats (JUnit and SARIF's XML cousins, the HTML report).
package enum MarkupText {
    /// Text for an XML attribute or element, dropping characters XML 1.0 cannot hold.
    static func xml(_ text: String) -> String {
        var text = text
        let plain = text.withUTF8 { bytes in !bytes.contains { special[Int($0)] } }
        if plain { return text }
        var out: [UInt8] = []
        appendXML(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` escaped for XML to `out`: `&<>"'` and line breaks and tabs as entities;
    /// other C0 controls, U+FFFE and U+FFFF (which XML 1.0 cannot hold) dropped. DEL is allowed
    /// in XML and kept. Runs of bytes that need nothing are copied whole, and passed over eight
    /// at a time (JUnit escapes every breach's message, fifteen million test cases at a million
    /// complaints).
    static func appendXML(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendXML($0, to: &out) }
    }

    /// As `appendXML(_:to:)`, for text's UTF-8 bytes.
    static func appendXML(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        guard let base = bytes.baseAddress else { return }
        var index = 0
        var runStart = 0
        func flush() {
            if runStart < index { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
        }
        while index < bytes.count {
            if index + 8 <= bytes.count, !mayNeedEscaping(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let byte = bytes[index]
            guard special[Int(byte)] else {
                index += 1
                continue
            }
            if byte == 0xEF {
                // U+FFFE and U+FFFF are EF BF BE and EF BF BF: dropped; any other is kept.
                guard index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE else {
                    index += 1
                    continue
                }
                flush()
                index += 3
                runStart = index
                continue
            }
            flush()
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            case UInt8(ascii: "\""): out += "&quot;".utf8
            case UInt8(ascii: "'"): out += "&apos;".utf8
            case 10: out += "&#10;".utf8
            case 13: out += "&#13;".utf8
            case 9: out += "&#9;".utf8
            default: break  // another C0 control: dropped
            }
            index += 1
            runStart = index
        }
        flush()
    }

    /// Whether some byte of `word` may be one `appendXML` looks at: a C0 control, `&<>"'`, or a
    /// byte of 0x80 or more (one of them may begin U+FFFE or U+FFFF; the byte test decides).
    @inline(__always) private static func mayNeedEscaping(_ word: UInt64) -> Bool {
        ByteScan.below(word, 0x20) | ByteScan.equal(word, 0x26) | ByteScan.equal(word, 0x3C) | ByteScan.equal(word, 0x3E)
            | ByteScan.equal(word, 0x22) | ByteScan.equal(word, 0x27) | (word & 0x8080_8080_8080_8080) != 0
    }

    /// The bytes `appendXML` looks at: `&<>"'`, C0 controls, and 0xEF (which begins U+FFFE and U+FFFF).
    private static let special: [Bool] = (0..<256).map { byte in
        byte < 0x20 || byte == 0xEF
            || [UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'")].contains(UInt8(byte))
    }
}

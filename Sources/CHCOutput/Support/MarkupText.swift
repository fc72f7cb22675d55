/// Escaping for the markup formats (JUnit and SARIF's XML cousins, the HTML report).
package enum MarkupText {
    /// Text for an XML attribute or element, dropping characters XML 1.0 cannot hold.
    static func xml(_ text: String) -> String {
        var text = text
        let plain = text.withUTF8 { bytes in !bytes.contains { $0 < 0x20 || escapes[Int($0)] != nil || $0 == 0xEF } }
        if plain { return text }
        var out: [UInt8] = []
        appendXML(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` escaped for XML to `out`, byte by byte: `&<>"'` and line breaks and tabs as
    /// entities; other C0 controls, U+FFFE and U+FFFF (which XML 1.0 cannot hold) dropped. DEL is
    /// allowed in XML and kept.
    static func appendXML(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if let entity = escapes[Int(byte)] {
                    out.append(contentsOf: entity)
                } else if byte < 0x20 {
                    // dropped
                } else if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE {
                    index += 3  // U+FFFE, U+FFFF
                    continue
                } else {
                    out.append(byte)
                }
                index += 1
            }
        }
    }

    /// The entity for each byte that needs one.
    private static let escapes: [[UInt8]?] = (0..<256).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "&"): Array("&amp;".utf8)
        case UInt8(ascii: "<"): Array("&lt;".utf8)
        case UInt8(ascii: ">"): Array("&gt;".utf8)
        case UInt8(ascii: "\""): Array("&quot;".utf8)
        case UInt8(ascii: "'"): Array("&apos;".utf8)
        case 10: Array("&#10;".utf8)
        case 13: Array("&#13;".utf8)
        case 9: Array("&#9;".utf8)
        default: nil
        }
    }
}

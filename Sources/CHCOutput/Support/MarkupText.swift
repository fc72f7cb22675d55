/// Escaping for the markup formats (JUnit and SARIF's XML cousins, the HTML report).
package enum MarkupText {
    /// Text for an XML attribute or element, dropping characters XML 1.0 cannot hold.
    static func xml(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default:
                let v = scalar.value
                if v >= 0x20 && !(0xD800...0xDFFF).contains(v) && v != 0xFFFE && v != 0xFFFF { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}

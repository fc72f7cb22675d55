/// CSV cells as `chc` writes them (RFC 4180), neutralised so that a spreadsheet never runs one
/// as a formula.
package enum CSVText {
    /// A row of cells ending in CR LF.
    package static func row(_ cells: [String]) -> String { cells.map(cell).joined(separator: ",") + "\r\n" }

    /// Rows of cells, each ending in CR LF.
    package static func table(_ rows: [[String]]) -> String {
        rows.map { $0.map(cell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// A cell: neutralised against formula injection, then quoted when it needs to be.
    package static func cell(_ value: String) -> String {
        var out: [UInt8] = []
        append(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `value` to `out` as a CSV cell (see `cell`), as UTF-8 bytes: a text cell starting
    /// with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`; a number (`-261`,
    /// `-2.5`) stays a number, so a spreadsheet can sort it; a quote is doubled; the cell is
    /// quoted when it holds a separator, quote or line break. Works through a pointer to the
    /// text's bytes (this runs for every cell of a large report).
    package static func append(_ value: String, to out: inout [UInt8]) {
        var value = value
        value.withUTF8 { bytes in
            let needsQuotes = containsSeparator(bytes)
            let hasQuote = needsQuotes && bytes.contains(34)  // "
            // = + - @ TAB CR
            let formula =
                (bytes.first.map { $0 == 61 || $0 == 43 || $0 == 45 || $0 == 64 || $0 == 9 || $0 == 13 } ?? false)
                && !isNumber(bytes)
            if needsQuotes { out.append(34) }
            if formula { out.append(39) }  // '
            if hasQuote {
                for byte in bytes {
                    if byte == 34 { out.append(34) }
                    out.append(byte)
                }
            } else {
                out.append(contentsOf: bytes)
            }
            if needsQuotes { out.append(34) }
        }
    }

    /// Whether `bytes` hold a comma, quote, line feed or carriage return: the bytes that make a
    /// cell quoted (`ByteScan`: a report scans every byte it writes).
    static func containsSeparator(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteScan.contains(
            bytes,
            word: { ByteScan.equal($0, 44) | ByteScan.equal($0, 34) | ByteScan.equal($0, 10) | ByteScan.equal($0, 13) != 0 },
            byte: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 })  // , " LF CR
    }

    /// A plain decimal number, signed or not (`-261`, `+3`, `-2.5`): a spreadsheet reads it as
    /// that number and runs nothing.
    static func isNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = bytes[...]
        if let sign = digits.first, sign == 45 || sign == 43 { digits = digits.dropFirst() }  // - +
        let parts = digits.split(separator: 46, maxSplits: 1, omittingEmptySubsequences: false)  // .
        return !parts.isEmpty && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0 >= 48 && $0 <= 57 } }
    }
}

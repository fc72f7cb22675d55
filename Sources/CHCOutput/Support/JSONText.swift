import CHCModel
import Foundation
import WorkingDays

/// JSON as `chc` writes it: sorted keys, pretty-printed, ISO dates, slashes unescaped.
package enum JSONText {
    /// The version of every JSON document `chc` writes; a change to a field bumps it.
    static let schemaVersion = Finding.schemaVersion

    /// A value encoded as pretty-printed JSON with sorted keys, ending in a line break.
    package static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A value encoded as compact JSON with sorted keys, on one line, no line break.
    package static func compact(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// Indents every line of a pretty-printed JSON value (all but the first when `first` is false).
    static func indent(_ json: String, by spaces: Int, first: Bool) -> String {
        let pad = String(repeating: " ", count: spaces)
        let lines =
            json.hasSuffix("\n")
            ? json.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
            : json.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.enumerated().map { index, line in (index == 0 && !first) ? String(line) : pad + line }.joined(separator: "\n")
    }
}

/// Writes JSON by hand, laid out exactly as `JSONText.encode` lays it out (JSONEncoder, pretty,
/// sorted keys): for the part of the JSON format written once per complaint, where a
/// JSONEncoder per complaint (then re-indented) made the format eighteen times slower than CSV.
/// The caller writes members in sorted key order; `JSONWriterTests` compares the two on random
/// values, control characters and all.
package struct JSONPrettyWriter {
    package private(set) var bytes: [UInt8] = []
    /// Nesting depth (two spaces each).
    private var level: Int
    /// For each open container, a bit: set while nothing has been written in it yet (the
    /// innermost is bit 0; JSON from chc nests a few levels, far fewer than 64).
    private var empty: UInt64 = 0
    /// How many containers are open.
    private var open = 0
    /// The level the writer started at: the format indents JSONEncoder's text by it, blank lines
    /// included (JSONEncoder writes an empty container on two lines, the first blank).
    private let base: Int
    /// One line, no spaces (JSON Lines): `{"a":1,"b":[]}`.
    private let compact: Bool

    /// A writer whose first container is written at `level` (its opening brace indented too).
    package init(level: Int, capacity: Int = 4096) {
        self.level = level
        base = level
        compact = false
        bytes.reserveCapacity(capacity)
        indent()
    }

    /// A writer of compact JSON, everything on one line (for JSON Lines).
    package init(compactWithCapacity capacity: Int) {
        level = 0
        base = 0
        compact = true
        bytes.reserveCapacity(capacity)
    }

    /// A writer that appends to `bytes`, pretty at `level` or, with no level, compact. It takes
    /// the buffer over (leaving `bytes` empty), so appending neither copies it nor loses its
    /// capacity; `handBack` returns it. Reserves `capacity` more.
    package init(takingOver bytes: inout [UInt8], level: Int?, capacity: Int) {
        swap(&self.bytes, &bytes)
        self.level = level ?? 0
        base = level ?? 0
        compact = level == nil
        self.bytes.reserveCapacity(self.bytes.count + capacity)
        indent()
    }

    /// Puts what was written (the buffer taken over, and more) back in `bytes`.
    package mutating func handBack(to bytes: inout [UInt8]) {
        bytes = []
        swap(&self.bytes, &bytes)
    }

    private mutating func indent() {
        for _ in 0..<(2 * level) { bytes.append(32) }
    }

    private mutating func newline() {
        guard !compact else { return }
        bytes.append(10)
        indent()
    }

    /// Ends a line of JSON Lines.
    package mutating func endLine() { bytes.append(10) }

    /// Before a member or an element: a comma after the previous one, a new line, the indent.
    private mutating func next() {
        if open > 0 {
            if empty & 1 == 0 { bytes.append(44) }
            empty &= ~1
        }
        newline()
    }

    package mutating func beginObject() { begin(123) }
    package mutating func endObject() { close(125) }
    package mutating func beginArray() { begin(91) }
    package mutating func endArray() { close(93) }

    private mutating func begin(_ bracket: UInt8) {
        bytes.append(bracket)
        level += 1
        empty = empty << 1 | 1
        open += 1
    }

    private mutating func close(_ bracket: UInt8) {
        level -= 1
        let wasEmpty = empty & 1 == 1
        empty >>= 1
        open -= 1
        if wasEmpty, !compact {
            bytes.append(10)
            for _ in 0..<(2 * base) { bytes.append(32) }
        }
        newline()
        bytes.append(bracket)
    }

    /// A member's key (a plain ASCII name), before its value.
    package mutating func key(_ name: StaticString) {
        next()
        bytes.append(34)
        bytes.append(name)
        // `":` or `" : `
        bytes.append(34)
        if !compact { bytes.append(32) }
        bytes.append(58)
        if !compact { bytes.append(32) }
    }

    /// Before an array element.
    package mutating func element() { next() }

    package mutating func string(_ value: String) {
        bytes.append(34)
        var value = value
        value.withUTF8 { text in
            // Most text needs no escape: then it is copied whole.
            guard Self.needsEscape(text) else {
                bytes.append(contentsOf: text)
                return
            }
            for byte in text {
                switch byte {
                case 34: bytes.append(contentsOf: [92, 34])  // \"
                case 92: bytes.append(contentsOf: [92, 92])  // \\
                case 8: bytes.append(contentsOf: [92, 98])  // \b
                case 9: bytes.append(contentsOf: [92, 116])  // \t
                case 10: bytes.append(contentsOf: [92, 110])  // \n
                case 12: bytes.append(contentsOf: [92, 102])  // \f
                case 13: bytes.append(contentsOf: [92, 114])  // \r
                case 0..<32:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [92, 117, 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 15)]])  // \u00XX
                default: bytes.append(byte)
                }
            }
        }
        bytes.append(34)
    }

    /// Whether `text` holds a control character, a quote or a backslash (`ByteScan`: every
    /// string written is scanned).
    static func needsEscape(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteScan.contains(
            text, word: { ByteScan.equal($0, 34) | ByteScan.equal($0, 92) | ByteScan.below($0, 32) != 0 },
            byte: { $0 < 32 || $0 == 34 || $0 == 92 })  // controls " \
    }

    package mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    package mutating func int(_ value: Int) { bytes.appendDecimal(value) }

    /// A date as a string, `"YYYY-MM-DD"` (`CivilDate.description`, which needs no escape).
    package mutating func date(_ value: CivilDate) {
        bytes.append(34)
        bytes.appendISODate(value)
        bytes.append(34)
    }

    package mutating func date(_ value: CivilDate?) {
        if let value { date(value) } else { null() }
    }

    package mutating func int(_ value: Int?) {
        if let value { int(value) } else { null() }
    }

    package mutating func bool(_ value: Bool) {
        let text: StaticString = value ? "true" : "false"
        bytes.append(text)
    }

    package mutating func null() {
        bytes.append(110)  // null
        bytes.append(117)
        bytes.append(108)
        bytes.append(108)
    }

    /// Members written elsewhere as this writer writes them (`"key":value`, more after commas),
    /// in place of the first or next member of the open object: the comma before them written
    /// as for a member. Compact only.
    package mutating func rawMembers(_ members: UnsafeBufferPointer<UInt8>) {
        precondition(compact, "members written elsewhere are laid out compact")
        next()
        bytes.append(contentsOf: members)
    }

    /// Bytes as they are, for a value put in later (SARIF's rule index).
    package mutating func raw(_ value: [UInt8]) { bytes.append(contentsOf: value) }
}

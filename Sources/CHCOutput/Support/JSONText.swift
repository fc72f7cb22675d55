import Foundation

/// JSON as `chc` writes it: sorted keys, pretty-printed, ISO dates, slashes unescaped.
package enum JSONText {
    /// The version of every JSON document `chc` writes; a change to a field bumps it.
    static let schemaVersion = 1

    /// A value encoded as pretty-printed JSON with sorted keys, ending in a line break.
    package static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Foundation JSON objects (dictionaries, arrays) serialised with sorted keys, for formats
    /// built as dictionaries.
    static func serialize(_ object: Any) -> String {
        let data =
            (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
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

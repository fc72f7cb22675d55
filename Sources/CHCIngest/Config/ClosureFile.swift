import CHCModel
import WorkingDays
import Yams

/// Reads a landlord's closure days: a YAML list of dates (`- 2024-12-27`), a list of
/// `{date, reason}` entries, a mapping of date to reason, or a policy config's `closures:` key.
package enum ClosureFile {
    package static func load(_ path: String, limits: InputLimits = .standard) throws(InputError) -> [Holiday] {
        let reader = try YAMLReader(path: path, limits: limits)
        guard let root = reader.root else { return [] }
        var list: Node? = root
        if case .mapping(let mapping) = root, mapping["closures"] != nil { list = mapping["closures"] }
        let closures = read(list, reader: reader)
        try reader.throwIfProblems()
        return closures
    }

    /// Closure days from a node inside any YAML document (used by policy configs too).
    package static func read(_ node: Node?, reader: YAMLReader) -> [Holiday] {
        guard let node else { return [] }
        switch node {
        case .mapping(let mapping):
            return mapping.compactMap { key, value in
                guard let date = reader.date(key, "a closure day") else { return nil }
                return Holiday(date: date, title: reader.string(value, "the closure's reason") ?? "", origin: .closure)
            }
        default:
            return (reader.items(node, "closures") ?? []).compactMap { item in
                if case .mapping = item {
                    let fields = reader.fields(item, "a closure day", allowed: ["date", "reason"])
                    guard let date = reader.date(fields?["date"], "`date`") else {
                        if fields?.has("date") == false { reader.report(item, "a closure day needs a `date`") }
                        return nil
                    }
                    return Holiday(date: date, title: reader.string(fields?["reason"], "`reason`") ?? "", origin: .closure)
                }
                return reader.date(item, "a closure day").map { Holiday(date: $0, title: "", origin: .closure) }
            }
        }
    }
}

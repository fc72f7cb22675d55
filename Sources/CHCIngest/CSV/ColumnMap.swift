import CHCModel
import Yams

/// How a housing system's export names things (`--map FILE`): our column names to theirs, and
/// their event labels to ours.
///
/// ```yaml
/// columns: { complaint_id: Case Ref, date: Event Date, event: Activity }
/// events: { "Stage 1 Acknowledged": acknowledged, "Stage 1 Response": response }
/// ```
package struct ColumnMap: Sendable {
    static let columnNames = ["complaint_id", "date", "event", "stage", "handler", "points", "addresses", "includes", "to", "days",
                                     "reason", "good_reason", "ombudsman_details", "agreed", "channel", "category", "landlord"]

    /// Our column name → the export's header (lowercased).
    package var columns: [String: String] = [:]
    /// The export's event label (lowercased) → our event type.
    package var events: [String: EventType] = [:]

    package init() {}

    package static func load(_ path: String) throws(InputError) -> ColumnMap {
        let reader = try YAMLReader(path: path)
        var map = ColumnMap()
        let fields = reader.fields(reader.root, "the column map", allowed: ["columns", "events"])
        if let columns = fields?["columns"], case let .mapping(mapping) = columns {
            for (key, value) in mapping {
                guard let ours = reader.choice(key, "column", among: columnNames), let theirs = reader.string(value, "`\(ours)`") else { continue }
                map.columns[ours] = theirs.lowercased().trimmingWhitespace
            }
        } else if let columns = fields?["columns"] {
            reader.report(columns, "`columns` should map our column names to the export's, e.g. `complaint_id: Case Ref`")
        }
        if let events = fields?["events"], case let .mapping(mapping) = events {
            for (key, value) in mapping {
                guard let label = reader.string(key, "an event label"),
                      let name = reader.choice(value, "event type", among: EventType.names), let type = EventType(rawValue: name) else { continue }
                map.events[label.lowercased().trimmingWhitespace] = type
            }
        } else if let events = fields?["events"] {
            reader.report(events, "`events` should map the export's labels to event types, e.g. `\"Stage 1 Acknowledged\": acknowledged`")
        }
        try reader.throwIfProblems()
        return map
    }
}

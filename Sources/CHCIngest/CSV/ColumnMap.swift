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

    /// Our column → the export's header (lowercased).
    package var columns: [CSVColumn: String] = [:]
    /// The export's event label (lowercased) → our event type.
    package var events: [String: EventType] = [:]

    package init() {}

    package static func load(_ path: String) throws(InputError) -> ColumnMap {
        let reader = try YAMLReader(path: path)
        var map = ColumnMap()
        let fields = reader.fields(reader.root, "the column map", allowed: ["columns", "events"])
        if let columns = fields?["columns"], case .mapping(let mapping) = columns {
            for (key, value) in mapping {
                guard let name = reader.choice(key, "column", among: CSVColumn.names), let ours = CSVColumn(name: name),
                    let theirs = reader.string(value, "`\(name)`")
                else { continue }
                map.columns[ours] = theirs.lowercased().trimmingWhitespace
            }
        } else if let columns = fields?["columns"] {
            reader.report(columns, "`columns` should map our column names to the export's, e.g. `complaint_id: Case Ref`")
        }
        if let events = fields?["events"], case .mapping(let mapping) = events {
            for (key, value) in mapping {
                guard let label = reader.string(key, "an event label"),
                    let name = reader.choice(value, "event type", among: EventType.names), let type = EventType(rawValue: name)
                else { continue }
                map.events[label.lowercased().trimmingWhitespace] = type
            }
        } else if let events = fields?["events"] {
            reader.report(events, "`events` should map the export's labels to event types, e.g. `\"Stage 1 Acknowledged\": acknowledged`")
        }
        try reader.throwIfProblems()
        return map
    }
}

/// The columns `chc` reads from an event log, in the order of their slots (`rawValue`).
package enum CSVColumn: Int, CaseIterable, Sendable {
    case complaintId, date, event, stage, handler, points, addresses, includes, to, days, reason
    case goodReason, ombudsmanDetails, agreed, channel, category, landlord, optional

    /// The column's name in an export's header, and in a column map.
    package var name: String {
        switch self {
        case .complaintId: "complaint_id"
        case .date: "date"
        case .event: "event"
        case .stage: "stage"
        case .handler: "handler"
        case .points: "points"
        case .addresses: "addresses"
        case .includes: "includes"
        case .to: "to"
        case .days: "days"
        case .reason: "reason"
        case .goodReason: "good_reason"
        case .ombudsmanDetails: "ombudsman_details"
        case .agreed: "agreed"
        case .channel: "channel"
        case .category: "category"
        case .landlord: "landlord"
        case .optional: "optional"
        }
    }

    /// Every column's name, in order.
    package static let names = allCases.map(\.name)

    package init?(name: String) {
        guard let column = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = column
    }

    /// The header an export gives this column under `map`.
    package func header(in map: ColumnMap) -> String { map.columns[self] ?? name }
}

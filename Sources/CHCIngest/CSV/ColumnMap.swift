import CHCModel
import Foundation
import WorkingDays
import Yams

/// How a housing system's export names things (`--map FILE`): our column names to theirs, and
/// their event labels to ours.
///
/// ```yaml
/// columns: { complaint_id: Case Ref, date: Event Date, event: Activity }
/// events: { "Stage 1 Acknowledged": acknowledged, "Stage 1 Response": response }
/// date-format: DD/MM/YYYY HH:mm     # how the export writes dates (default: ISO, YYYY-MM-DD)
/// timezone: Europe/London           # for times written without an offset (the default)
/// ```
package struct ColumnMap: Sendable {
    /// How the export writes its dates; nil for ISO 8601 (`YYYY-MM-DD`, `…T17:42+01:00`).
    package var dateFormat: DateFormat?
    /// The zone of times written without an offset; nil for Europe/London, which the checks
    /// read local times in (GMT or BST, as the date says).
    package var timeZone: TimeZone?
    /// For an Excel workbook: the sheet to read (`--sheet`, or `sheet:` here); nil for the first.
    package var sheet: String?
    /// The map's file, named in errors its mistakes cause (nil: no map given).
    package var file: String?

    /// Our column → the export's header (lowercased).
    package var columns: [CSVColumn: String] = [:]
    /// The export's event label (lowercased) → our event type.
    package var events: [String: EventType] = [:]

    package init() {}

    /// Whether `text` begins as an ISO date does (`YYYY-`).
    package static func isISOShaped(_ text: String) -> Bool {
        let head = Array(text.utf8.prefix(5))
        return head.count == 5 && head[..<4].allSatisfy { $0 >= 48 && $0 <= 57 } && head[4] == 45
    }

    /// A date or date-time cell as this export writes it, as a moment the checks read: a time
    /// without an offset is taken in the map's time zone.
    package func moment(_ text: String) -> Result<Moment, DateParseError> {
        // The map's format first; then ISO, which a workbook's date cells come as, and which
        // (YYYY-MM-DD) cannot be taken for another date.
        if let dateFormat {
            switch dateFormat.read(text) {
            case .success(let (date, seconds)): return .success(inZone(date, seconds))
            case .failure(let error): guard Self.isISOShaped(text) else { return .failure(error) }
            }
        }
        do {
            let moment = try Moment(iso: text)
            guard moment.utcOffsetMinutes == nil else { return .success(moment) }
            return .success(inZone(moment.date, moment.secondsOfDay))
        } catch {
            return .failure(error)
        }
    }

    /// A wall-clock time without an offset, in the map's time zone (London's needs none).
    private func inZone(_ date: CivilDate, _ seconds: Int?) -> Moment {
        guard let seconds, let timeZone else { return Moment(date: date, secondsOfDay: seconds) }
        // The zone's offset at that wall-clock time (near enough at a change of clocks).
        let guess = Date(timeIntervalSince1970: TimeInterval(date.dayNumber * 86_400 + seconds))
        let offset = timeZone.secondsFromGMT(for: guess.addingTimeInterval(-TimeInterval(timeZone.secondsFromGMT(for: guess))))
        return Moment(date: date, secondsOfDay: seconds, utcOffsetMinutes: offset / 60)
    }

    package static func load(_ path: String) throws(InputError) -> ColumnMap {
        let reader = try YAMLReader(path: path)
        var map = ColumnMap()
        map.file = path
        let fields = reader.fields(reader.root, "the column map", allowed: ["columns", "events", "date-format", "timezone", "sheet"])
        if let node = fields?["sheet"] { map.sheet = reader.string(node, "`sheet`") }
        if let node = fields?["date-format"], let text = reader.string(node, "`date-format`") {
            switch DateFormat.parse(text) {
            case .success(let format): map.dateFormat = format
            case .failure(let error): reader.report(node, error.description + " (e.g. `DD/MM/YYYY` or `DD/MM/YYYY HH:mm`)")
            }
        }
        if let node = fields?["timezone"], let text = reader.string(node, "`timezone`") {
            if let zone = TimeZone(identifier: text), text.contains("/") || ["UTC", "GMT"].contains(text) {
                map.timeZone = text == "Europe/London" ? nil : zone
            } else {
                reader.report(node, "`timezone` should be a time zone name such as Europe/London or UTC, found `\(text)`")
            }
        }
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
    /// A hazard case's: the risk (`emergency`, `significant`) and whether the investigation found one.
    case risk, hazardFound

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
        case .risk: "risk"
        case .hazardFound: "hazard_found"
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

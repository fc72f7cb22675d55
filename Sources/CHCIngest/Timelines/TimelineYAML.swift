import CHCModel
import WorkingDays
import Yams

/// Reads complaint timelines from YAML (docs/timelines.md): one complaint per file, or a list under
/// `complaints:`. Every problem is reported at its file:line:col, and all problems of a file
/// are reported together.
package enum TimelineYAML {
    static let complaintKeys = ["complaint", "hazard", "landlord", "calendar", "category", "points", "events"]

    /// The complaints in the file at `path`.
    package static func load(_ path: String, limits: InputLimits = .standard) throws(InputError) -> [Complaint] {
        let reader = try YAMLReader(path: path, limits: limits)
        let complaints = read(reader)
        try reader.throwIfProblems()
        return complaints
    }

    /// The complaints in YAML text (for rule examples and tests).
    package static func parse(_ text: String, file: String) throws(InputError) -> [Complaint] {
        let reader = try YAMLReader(file: file, text: text)
        let complaints = read(reader)
        try reader.throwIfProblems()
        return complaints
    }

    /// Whether a document given where a config or a pack belongs is plainly a timeline.
    package static func looksLikeTimeline(_ root: Node?) -> Bool {
        guard case .mapping(let mapping) = root else { return false }
        let keys = Set(mapping.keys.compactMap { if case .scalar(let s) = $0 { s.string } else { nil } })
        return !keys.isDisjoint(with: ["complaint", "complaints", "hazard"])
            && keys.isDisjoint(with: ["pack", "rules", "stage1", "stages"])
    }

    /// Why a YAML document found in a folder is not a timeline, or nil if it may be one.
    static func notATimeline(_ root: Node?) -> String? {
        guard case .mapping(let mapping) = root else { return nil }
        let keys = Set(mapping.keys.compactMap { if case .scalar(let s) = $0 { s.string } else { nil } })
        if keys.contains("complaint") || keys.contains("complaints") || keys.contains("hazard") { return nil }
        let mapKeys: Set = ["columns", "events", "date-format", "timezone", "sheet"]
        if !keys.isEmpty, keys.isSubset(of: mapKeys), keys != ["events"] { return "a column map for exports, not a timeline" }
        if keys.contains("events") { return nil }
        if keys.contains("pack") && keys.contains("rules") { return "a rule pack, not a timeline" }
        if keys.contains("jobs") || keys.contains("runs") { return "a CI workflow, not a timeline" }
        if !keys.isDisjoint(with: ["stage1", "stage2", "stages", "landlord", "channels"]) {
            return "a complaints-process config, not a timeline (check it with chc lint)"
        }
        return nil
    }

    /// A hazard's risk, as the Regulations grade it.
    package static let risks = ["emergency", "significant"]

    package static func read(_ reader: YAMLReader) -> [Complaint] {
        guard let root = reader.root else {
            reader.report(nil, "is empty, expected a complaint timeline (`complaint:` and `events:`)")
            return []
        }
        if case .mapping(let mapping) = root, mapping["complaints"] != nil, mapping["complaint"] == nil {
            let top = reader.fields(root, "the timeline file", allowed: ["complaints"])
            let items = reader.items(top?["complaints"], "`complaints`") ?? []
            if items.isEmpty { reader.report(top?["complaints"], "`complaints` lists no complaint") }
            var seen: [String: SourceLocation] = [:]
            return items.compactMap { item -> Complaint? in
                guard let complaint = complaint(item, reader: reader) else { return nil }
                if let first = seen[complaint.id] {
                    reader.report(
                        InputProblem(
                            complaint.location, "complaint id `\(complaint.id)` is used twice in this file (first at line \(first.line))"))
                    return nil
                }
                seen[complaint.id] = complaint.location
                return complaint
            }
        }
        return complaint(root, reader: reader).map { [$0] } ?? []
    }

    /// One complaint from its mapping node.
    package static func complaint(_ node: Node, reader: YAMLReader) -> Complaint? {
        guard let fields = reader.fields(node, "a complaint", allowed: complaintKeys) else { return nil }
        let before = reader.problems.count
        // A hazard case is named by `hazard:`; a complaint by `complaint:`, and a complaint about a
        // hazard names both.
        let idKey = fields.has("complaint") ? "complaint" : "hazard"
        guard fields.has(idKey) else {
            reader.report(
                node,
                "missing `complaint`: every timeline needs a unique complaint id (e.g. `complaint: LBC-202229082`), or `hazard:` for a hazard case"
            )
            return nil
        }
        let id = reader.identifier(fields[idKey], "`\(idKey)`") ?? "?"
        let hazard = idKey == "complaint" ? fields["hazard"].flatMap { reader.identifier($0, "`hazard`") } : nil
        let region = fields["calendar"].flatMap { reader.choice($0, "calendar", among: Region.names) }.flatMap(Region.init(rawValue:))
        let points = readPoints(fields["points"], reader: reader)
        guard fields.has("events") else {
            reader.report(node, "complaint `\(id)` has no `events`; expected a list starting with a `complaint-received` event")
            return nil
        }
        var events: [TimelineEvent] = []
        for (order, item) in (reader.items(fields["events"], "`events`") ?? []).enumerated() {
            if let event = event(item, order: order, reader: reader) { events.append(event) }
        }
        let complaint = Complaint(
            id: id, landlord: fields["landlord"].flatMap { reader.string($0, "`landlord`") },
            calendar: region, category: fields["category"].flatMap { reader.string($0, "`category`") }, hazard: hazard,
            points: points, events: events,
            location: reader.location(of: fields.keyNode(idKey)?.mark != nil ? fields.keyNode(idKey) : node))
        guard reader.problems.count == before else { return nil }
        // What the file calls it must be what its events make it.
        let hazardEvent = complaint.events.first { $0.type.isHazardEvent }
        if idKey == "hazard", hazardEvent == nil {
            reader.report(
                InputProblem(
                    complaint.location,
                    "hazard case `\(id)` has no hazard events; it starts with `became-aware` (a complaint about a hazard is `complaint:` with `hazard: \(id)`)"
                ))
            return nil
        }
        if idKey == "complaint", let hazardEvent {
            reader.report(
                InputProblem(
                    hazardEvent.location,
                    "`\(hazardEvent.type.rawValue)` is a hazard case's event: name the case with `hazard:` instead of `complaint:` (a complaint about it names it with `hazard:`)"
                ))
            return nil
        }
        let (validated, problems) = TimelineValidation.validate(complaint)
        for problem in problems { reader.report(problem) }
        return validated
    }

    static func readPoints(_ node: Node?, reader: YAMLReader) -> [(id: String, text: String)] {
        guard let node else { return [] }
        switch node {
        case .mapping(let mapping):
            return mapping.compactMap { key, value in
                guard let id = reader.identifier(key, "a point id") else { return nil }
                return (id, reader.string(value, "the description of point `\(id)`") ?? "")
            }
        default:
            return (reader.stringList(node, "`points`") ?? []).map { ($0, $0) }
        }
    }

    /// One event; `nil` (with problems recorded) when it cannot be read.
    package static func event(_ node: Node, order: Int, reader: YAMLReader) -> TimelineEvent? {
        guard case .mapping(let mapping) = node else {
            reader.report(node, "each event should be a mapping with `date` and `type`, found \(reader.kindName(node))")
            return nil
        }
        guard let typeNode = mapping["type"] else {
            reader.report(node, "event is missing `type` (one of: \(EventType.names.joined(separator: ", ")))")
            return nil
        }
        guard let typeName = reader.string(typeNode, "`type`") else { return nil }
        guard let type = EventType(rawValue: typeName) else {
            reader.report(
                typeNode,
                "unknown event type `\(typeName)`" + didYouMean(typeName, among: EventType.names)
                    + (closestMatch(to: typeName, among: EventType.names) == nil
                        ? " (expected one of: \(EventType.names.joined(separator: ", ")))" : ""))
            return nil
        }
        let allowed = ["date", "type"] + type.fields
        // Keys that belong to other event types get a clearer message than "unknown key".
        let allKnown = Set(EventType.allCases.flatMap(\.fields))
        for (key, _) in mapping {
            if case .scalar(let scalar) = key, !allowed.contains(scalar.string), allKnown.contains(scalar.string) {
                reader.report(
                    key,
                    "`\(scalar.string)` does not apply to `\(typeName)` events (they take: \((["date"] + type.fields).joined(separator: ", ")))"
                )
            }
        }
        let extraKnown = allKnown.subtracting(allowed)
        guard
            let fields = reader.fields(
                Node.mapping(
                    Node.Mapping(
                        mapping.filter { key, _ in
                            if case .scalar(let s) = key { return !extraKnown.contains(s.string) } else { return true }
                        }, mapping.tag, mapping.style, mapping.mark)), "a `\(typeName)` event", allowed: allowed)
        else { return nil }
        guard fields.has("date") else {
            reader.report(node, "`\(typeName)` event is missing `date` (YYYY-MM-DD)")
            return nil
        }
        guard let moment = reader.moment(fields["date"], "`date`") else { return nil }
        var event = EventDetails()
        if let stageNode = fields["stage"], let stage = reader.int(stageNode, "`stage`") {
            if stage < 1 { reader.report(stageNode, "`stage` should be 1 or 2, found \(stage)") }
            if type == .complaintReceived, stage != 1 {
                reader.report(stageNode, "a complaint is received at stage 1; escalation to stage 2 is an `escalation-requested` event")
            }
            if type == .escalationRequested, stage != 2 {
                reader.report(stageNode, "an escalation request is for stage 2, found stage \(stage)")
            }
            event.stage = stage
        }
        event.points = fields["points"].flatMap { reader.stringList($0, "`points`") }
        event.addresses = fields["addresses"].flatMap { reader.stringList($0, "`addresses`") }
        event.includes = fields["includes"].flatMap { reader.stringList($0, "`includes`") }
        event.handler = fields["handler"].flatMap { reader.identifier($0, "`handler`") }
        event.isFinal = fields["final"].flatMap { reader.bool($0, "`final`") }
        event.extendedTo = fields["to"].flatMap { reader.date($0, "`to`") }
        event.extensionDays = fields["days"].flatMap { reader.int($0, "`days`") }
        event.reason = fields["reason"].flatMap { reader.string($0, "`reason`") }
        event.goodReason = fields["good-reason"].flatMap { reader.bool($0, "`good-reason`") }
        event.ombudsmanDetails = fields["ombudsman-details"].flatMap { reader.bool($0, "`ombudsman-details`") }
        event.agreed = fields["agreed"].flatMap { reader.bool($0, "`agreed`") }
        event.channel = fields["channel"].flatMap { reader.string($0, "`channel`") }
        event.incidentDate = fields["incident-date"].flatMap { reader.date($0, "`incident-date`") }
        event.ombudsmanRightsExplained = fields["ombudsman-rights-explained"].flatMap { reader.bool($0, "`ombudsman-rights-explained`") }
        event.text = fields["text"].flatMap { reader.string($0, "`text`") }
        event.optionalStage = fields["optional"].flatMap { reader.bool($0, "`optional`") }
        event.risk = fields["risk"].flatMap { reader.choice($0, "risk", among: Self.risks) }
        event.hazardFound = fields["hazard-found"].flatMap { reader.bool($0, "`hazard-found`") }
        if type == .extension {
            if event.extendedTo == nil, event.extensionDays == nil, !fields.has("to"), !fields.has("days") {
                reader.report(node, "an `extension` needs `to` (the new due date) or `days` (working days added)")
            }
            if fields.has("to"), fields.has("days") {
                reader.report(fields.keyNode("days"), "give an `extension` either `to` or `days`, not both")
            }
            if let days = event.extensionDays, days < 1 { reader.report(fields["days"], "`days` should be at least 1, found \(days)") }
            if let days = event.extensionDays, days > Span.maximumAmount {
                reader.report(fields["days"], "`days` of \(days) is more than the \(Span.maximumAmount) working days a calendar can count")
            }
            if let to = event.extendedTo, to <= moment.date {
                reader.report(fields["to"], "the extension's new due date \(to) is not after the extension itself (\(moment.date))")
            }
        }
        return TimelineEvent(type: type, moment: moment, details: event, location: reader.location(of: node), order: order)
    }

}

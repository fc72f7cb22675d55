import WorkingDays
import Yams

/// Reads the parameters of each check kind.
enum RuleCheckYAML {
    static func read(kind: String, _ node: Node, reader: YAMLReader) -> RuleCheck? {
        switch kind {
        case "deadline": return deadline(node, reader: reader)
        case "all-points-answered":
            let fields = reader.fields(node, "`all-points-answered`", allowed: ["stage"])
            return stage(fields, reader: reader, what: "all-points-answered").map { .allPointsAnswered(stage: $0) }
        case "response-includes":
            guard let fields = reader.fields(node, "`response-includes`", allowed: ["stage", "elements"]) else { return nil }
            guard let stage = stage(fields, reader: reader, what: "response-includes") else { return nil }
            guard let elements = reader.stringList(fields["elements"], "`elements`"), !elements.isEmpty else {
                reader.report(node, "`response-includes` needs `elements` (any of: \(ResponseElement.names.joined(separator: ", ")))")
                return nil
            }
            for element in elements where ResponseElement(rawValue: element) == nil {
                reader.report(fields["elements"], "unknown response element `\(element)`" + didYouMean(element, among: ResponseElement.names))
            }
            return .responseIncludes(stage: stage, elements: elements)
        case "different-handler":
            let fields = reader.fields(node, "`different-handler`", allowed: ["stage", "from-stage"])
            guard let stage = stage(fields, reader: reader, what: "different-handler") else { return nil }
            let earlier = fields?["from-stage"].flatMap { reader.int($0, "`from-stage`") } ?? stage - 1
            guard earlier >= 1, earlier < stage else {
                reader.report(node, "`different-handler` compares a stage with an earlier one; `from-stage` must be below `stage`")
                return nil
            }
            return .differentHandler(stage: stage, earlierStage: earlier)
        case "forbidden-event":
            guard let fields = reader.fields(node, "`forbidden-event`", allowed: ["event", "unless"]) else { return nil }
            guard let name = reader.choice(fields["event"], "event type", among: EventType.names), let event = EventType(rawValue: name) else {
                if !fields.has("event") { reader.report(node, "`forbidden-event` needs `event`") }
                return nil
            }
            var unless: String?
            if let unlessNode = fields["unless"] {
                let flags = ["ombudsman-rights-explained", "agreed", "good-reason", "ombudsman-details"].filter { event.fields.contains($0) }
                unless = reader.choice(unlessNode, "`unless` field for a `\(name)` event", among: flags)
            }
            return .forbiddenEvent(ForbiddenEventSpec(event: event, unlessField: unless))
        case "max-stages":
            if case .scalar = node { return reader.int(node, "`max-stages`").map { .maxStages($0) } }
            let fields = reader.fields(node, "`max-stages`", allowed: ["max"])
            return fields?["max"].flatMap { reader.int($0, "`max`") }.map { .maxStages($0) }
        case "extension-notice":
            let fields = reader.fields(node, "`extension-notice`", allowed: ["stage", "ombudsman-details"])
            return stage(fields, reader: reader, what: "extension-notice").map { .extensionNotice(stage: $0) }
        default:
            return nil
        }
    }

    static func stage(_ fields: Fields?, reader: YAMLReader, what: String) -> Int? {
        guard let fields else { return nil }
        guard let node = fields["stage"] else {
            reader.report(fields.node, "`\(what)` needs `stage` (1 or 2)")
            return nil
        }
        guard let stage = reader.int(node, "`stage`") else { return nil }
        guard stage >= 1 else { reader.report(node, "`stage` should be 1 or 2, found \(stage)"); return nil }
        return stage
    }

    static func deadline(_ node: Node, reader: YAMLReader) -> RuleCheck? {
        guard let fields = reader.fields(node, "`deadline`", allowed: ["event", "stage", "from", "within", "extension"]) else { return nil }
        for required in ["event", "stage", "from", "within"] where !fields.has(required) {
            reader.report(node, "`deadline` needs `\(required)`")
        }
        guard let eventName = reader.choice(fields["event"], "event type", among: EventType.names),
              let event = EventType(rawValue: eventName),
              let stage = stage(fields, reader: reader, what: "deadline"),
              let anchor = anchor(fields["from"], reader: reader),
              let within = reader.span(fields["within"], "`within`") else { return nil }
        var limit: ExtensionLimit?
        if let extensionFields = reader.fields(fields["extension"], "`extension`", allowed: ["max", "paragraph"]) {
            guard let max = reader.span(extensionFields["max"], "`extension.max`") else {
                if !extensionFields.has("max") { reader.report(fields["extension"], "`extension` needs `max` (e.g. `max: 10 working-days`)") }
                return nil
            }
            limit = ExtensionLimit(max: max, paragraph: extensionFields["paragraph"].flatMap { reader.string($0, "`extension.paragraph`") })
        }
        if anchor.event == event, anchor.stage == stage {
            reader.report(fields["from"], "a deadline cannot run from the event it is about")
            return nil
        }
        return .deadline(DeadlineCheckSpec(event: event, stage: stage, anchor: anchor, within: within, extensionLimit: limit))
    }

    static func anchor(_ node: Node?, reader: YAMLReader) -> Anchor? {
        guard let node else { return nil }
        if case .scalar = node {
            guard let name = reader.choice(node, "anchor event", among: EventType.names), let event = EventType(rawValue: name) else { return nil }
            return Anchor(event: event, stage: nil)
        }
        guard let fields = reader.fields(node, "`from`", allowed: ["event", "stage"]),
              let name = reader.choice(fields["event"], "anchor event", among: EventType.names),
              let event = EventType(rawValue: name) else { return nil }
        return Anchor(event: event, stage: fields["stage"].flatMap { reader.int($0, "`from.stage`") })
    }
}

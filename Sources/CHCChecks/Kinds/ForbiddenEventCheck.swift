import CHCIngest
import CHCModel
import Yams

/// `forbidden-event`: an event that should not happen, or not without a condition recorded.
package final class ForbiddenEventCheck: CheckKind {
    package static let name = "forbidden-event"
    package static let summary = "An event that should not happen, or not unless one of its yes/no fields is true."
    package static let example = "{ event: excluded, unless: ombudsman-rights-explained }"

    package let event: EventType
    /// A yes/no field of the event that makes it acceptable when true.
    package let unless: EventFlag?

    package init(event: EventType, unless: EventFlag?) {
        self.event = event
        self.unless = unless
    }

    package static func read(_ node: Node, reader: YAMLReader) -> ForbiddenEventCheck? {
        guard let fields = reader.fields(node, "`\(name)`", allowed: ["event", "unless"]) else { return nil }
        guard let eventName = reader.choice(fields["event"], "event type", among: EventType.names),
            let event = EventType(rawValue: eventName)
        else {
            if !fields.has("event") { reader.report(node, "`\(name)` needs `event`") }
            return nil
        }
        var unless: EventFlag?
        if let unlessNode = fields["unless"] {
            let flags = EventFlag.allCases.map(\.rawValue).filter { event.fields.contains($0) }
            guard let flag = reader.choice(unlessNode, "`unless` field for a `\(eventName)` event", among: flags) else { return nil }
            unless = EventFlag(rawValue: flag)
        }
        return ForbiddenEventCheck(event: event, unless: unless)
    }

    package var subject: CheckSubject { CheckSubject(event: event, stage: nil) }
    package var parameters: String { event.rawValue + (unless.map { " unless \($0.rawValue): true" } ?? "") }

    package func evaluate(in context: EvaluationContext) -> RuleEvaluation {
        // The events are found by their keys and read where they are (no array made).
        let complaint = context.complaint
        let events = complaint.eventRefs(event)
        guard events.first != nil else { return context.evaluation(.compliant) }
        var findings: [Finding] = []
        var unknown = false
        for ref in events {
            let event = complaint[ref]
            let reason = event.details.reason.map { " (reason given: \($0))" } ?? ""
            guard let flag = unless else {
                findings.append(
                    context.finding(
                        .breach, "\(event.type.noun) on \(event.date.longDescription)\(reason): review it against the Code",
                        actual: event.date, at: event.location))
                continue
            }
            switch flag.value(of: event) {
            case true?: continue
            case false?:
                findings.append(
                    context.finding(
                        .breach,
                        "\(event.type.noun) on \(event.date.longDescription)\(reason) with `\(flag.rawValue): false`: \(flag.whenFalse)",
                        actual: event.date, at: event.location))
            case nil:
                unknown = true
                findings.append(
                    context.finding(
                        .notEvaluable,
                        "\(event.type.noun) on \(event.date.longDescription): the timeline does not record `\(flag.rawValue)`",
                        severity: .note, actual: event.date, at: event.location,
                        hint: "Record `\(flag.rawValue): true` or `false` on the event."))
            }
        }
        if findings.contains(where: { $0.status == .breach }) { return context.evaluation(.breach, findings) }
        return context.evaluation(unknown ? .notEvaluable : .compliant, findings)
    }
}

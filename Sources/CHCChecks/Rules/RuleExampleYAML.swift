import CHCIngest
import CHCModel
import WorkingDays
import Yams

/// Reads a rule's `examples: { breach: [...], compliant: [...] }`. Each example is either a
/// list of events, or a mapping with the fields of a timeline (`points`, `events`, …) and an
/// optional `as-of` date.
package enum RuleExampleYAML {
    package static func read(_ node: Node?, ruleID: String, reader: YAMLReader, at ruleNode: Node) -> [RuleExample] {
        guard let node else {
            reader.report(
                ruleNode, "rule `\(ruleID)` has no `examples`; every rule carries at least one `breach` and one `compliant` example")
            return []
        }
        guard let fields = reader.fields(node, "`examples`", allowed: ["breach", "compliant"]) else { return [] }
        var examples: [RuleExample] = []
        for expectation in [RuleExample.Expectation.breach, .compliant] {
            guard let list = fields[expectation.rawValue] else {
                reader.report(node, "rule `\(ruleID)` needs at least one `\(expectation.rawValue)` example")
                continue
            }
            // A single example may be written directly as its list of events.
            var items: [Node] = []
            if case .sequence(let sequence) = list, let first = sequence.first, case .sequence = first {
                items = Array(sequence)
            } else if case .sequence(let sequence) = list, let first = sequence.first, case .mapping(let m) = first, m["events"] != nil {
                items = Array(sequence)
            } else {
                items = [list]
            }
            for (index, item) in items.enumerated() {
                if let example = example(
                    item, id: "\(ruleID)/\(expectation.rawValue)-\(index + 1)", expectation: expectation, reader: reader)
                {
                    examples.append(example)
                }
            }
        }
        return examples
    }

    package static func example(_ node: Node, id: String, expectation: RuleExample.Expectation, reader: YAMLReader) -> RuleExample? {
        var asOf: CivilDate?
        // An example of a hazard rule is a hazard case (`hazard:`), known by its events.
        let events: Node? = if case .mapping(let mapping) = node { mapping["events"] } else { node }
        let isHazard =
            events?.sequence?.contains { item in
                item.mapping?["type"]?.string.flatMap(EventType.init(rawValue:))?.isHazardEvent == true
            } ?? false
        var body: [(Node, Node)] = [(Node(isHazard ? "hazard" : "complaint"), Node(id))]
        switch node {
        case .sequence:
            body.append((Node("events"), node))
        case .mapping(let mapping):
            for (key, value) in mapping {
                if case .scalar(let s) = key, s.string == "as-of" {
                    asOf = reader.date(value, "`as-of`")
                    continue
                }
                body.append((key, value))
            }
        default:
            reader.report(node, "an example should be a list of events or a timeline mapping, found \(reader.kindName(node))")
            return nil
        }
        let before = reader.problems.count
        guard let complaint = TimelineYAML.complaint(Node.Mapping(body, .implicit, .any, node.mark).asNode, reader: reader),
            reader.problems.count == before
        else { return nil }
        let judgedAsOf = asOf ?? (complaint.events.last?.date ?? complaint.receivedDate!).adding(days: 60)
        return RuleExample(expectation: expectation, complaint: complaint, asOf: judgedAsOf, location: reader.location(of: node))
    }
}

extension Node.Mapping {
    var asNode: Node { .mapping(self) }
}

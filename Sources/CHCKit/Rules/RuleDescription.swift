/// A rule explained for a person: what it requires, where it comes from, how it is checked.
public enum RuleDescription {
    public static func render(_ rule: Rule, pack: RulePack) -> String {
        var lines = ["\(rule.id) — \(rule.summary)", "",
                     "pack:       \(pack.id) (\(pack.title), in force \(pack.inForceDescription))",
                     "paragraph:  \(rule.paragraph)",
                     "citation:   \(rule.url)",
                     "source:     \(rule.confidence.rawValue)",
                     "severity:   \(rule.severity.rawValue)",
                     "check:      \(rule.check.kind) \(parameters(rule.check))"]
        if let note = rule.note { lines.append("note:       \(note)") }
        if let hint = rule.hint { lines.append("hint:       \(hint)") }
        lines.append("defined at: \(rule.location)")
        lines.append("")
        lines.append("examples:")
        for example in rule.examples {
            lines.append("  \(example.expectation.rawValue) (\(example.location), judged as of \(example.asOf)):")
            for event in example.complaint.events {
                lines.append("    \(event.date)  \(event.type.rawValue)\(event.stage.map { " (stage \($0))" } ?? "")")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func parameters(_ check: RuleCheck) -> String {
        switch check {
        case let .deadline(spec):
            var text = "\(spec.event.rawValue) at stage \(spec.stage) within \(spec.within) of \(spec.anchor)"
            if let limit = spec.extensionLimit { text += "; extension up to \(limit.max) without good reason" }
            return text
        case let .allPointsAnswered(stage): return "at stage \(stage)"
        case let .responseIncludes(stage, elements): return "at stage \(stage): \(elements.joined(separator: ", "))"
        case let .differentHandler(stage, earlier): return "stage \(stage) handler differs from stage \(earlier)"
        case let .forbiddenEvent(spec): return spec.event.rawValue + (spec.unlessField.map { " unless \($0): true" } ?? "")
        case let .maxStages(n): return "at most \(n) stages"
        case let .extensionNotice(stage): return "Ombudsman details on stage \(stage) extensions"
        case let .policyProvision(key): return "config key \(key ?? "")"
        }
    }
}

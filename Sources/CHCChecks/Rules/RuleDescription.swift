import CHCIngest
import CHCModel

/// A rule explained for a person: what it requires, where it comes from, how it is checked.
package enum RuleDescription {
    /// `builtIn`: the pack is one built into chc, whose file the user may not have.
    package static func render(_ rule: Rule, pack: RulePack, builtIn: Bool = false) -> String {
        var lines = [
            "\(rule.id) — \(rule.summary)", "",
            "pack:       \(pack.id) (\(pack.title), in force \(pack.inForceDescription))",
            "paragraph:  \(rule.paragraph)",
            "citation:   \(rule.url)",
            "source:     \(rule.confidence.rawValue)",
            "severity:   \(rule.severity.rawValue)",
            "check:      \(rule.kind) \(rule.check.parameters)",
        ]
        if let note = rule.note { lines.append("note:       \(note)") }
        if let hint = rule.hint { lines.append("hint:       \(hint)") }
        lines.append("defined at: \(rule.location)" + (builtIn ? " (built into chc; `chc rules export DIR` writes the packs out)" : ""))
        lines.append("")
        lines.append("examples:")
        for example in rule.examples {
            lines.append("  \(example.expectation.rawValue) (\(example.location), judged as of \(example.asOf)):")
            for event in example.complaint.events {
                lines.append("    \(event.date)  \(event.type.rawValue)\(event.details.stage.map { " (stage \($0))" } ?? "")")
            }
        }
        return lines.joined(separator: "\n")
    }
}

import CHCIngest
import CHCModel
import WorkingDays
import Yams

/// Reads a rule pack file (`rules.md`), validating every rule and example when loaded.
package enum RulePackYAML {
    static let packKeys = [
        "pack", "title", "source", "in-force", "transition", "calendar", "extends", "kind", "cases", "hazards", "note", "rules",
    ]
    /// A rule's keys besides its check kind's.
    static let ruleKeys = ["id", "paragraph", "summary", "severity", "source", "url", "note", "hint", "examples"]

    package static func load(_ path: String, limits: InputLimits = .standard) throws(InputError) -> RulePack {
        try load(path, limits: limits, kinds: .standard)
    }

    package static func load(_ path: String, limits: InputLimits = .standard, kinds: CheckKinds) throws(InputError) -> RulePack {
        try parse(try readTextFile(path, maxBytes: limits.maxYAMLBytes), file: path, limits: limits, kinds: kinds)
    }

    /// Reads a pack from its text; `kinds` are the check kinds its rules may use. With
    /// `readsExamples` false, its rules carry no examples (they are for `chc rules`).
    package static func parse(
        _ text: String, file: String, limits: InputLimits = .standard, kinds: CheckKinds = .standard, readsExamples: Bool = true
    ) throws(InputError) -> RulePack {
        let reader = try YAMLReader(file: file, text: text, limits: limits)
        let pack = read(reader, kinds: kinds, readsExamples: readsExamples)
        try reader.throwIfProblems()
        guard let pack else { throw InputError(file: file, "is not a rule pack") }
        return pack
    }

    /// The pack `reader` holds; with `readsExamples` false, its rules carry no examples.
    static func read(_ reader: YAMLReader, kinds: CheckKinds, readsExamples: Bool = true) -> RulePack? {
        guard let root = reader.root else {
            reader.report(nil, "is empty, expected a rule pack (`pack:`, `rules:`)")
            return nil
        }
        // A policy config or a timeline where a pack belongs (`chc rules test policy.yaml`): one
        // clear error, not one per key.
        if TimelineYAML.looksLikeTimeline(root) {
            reader.report(root, "is a complaint timeline, not a rule pack: check it with `chc check \(reader.file)`")
            return nil
        }
        if case .mapping(let mapping) = root {
            let keys = Set(mapping.compactMap { $0.key.string })
            if !keys.contains("pack"), !keys.contains("rules"), !keys.isDisjoint(with: PolicyYAML.topKeys),
                keys.isDisjoint(with: ["title", "source"])
            {
                reader.report(
                    root,
                    "is a landlord policy config, not a rule pack: check it against the Code with `chc lint \(reader.file)`, or judge complaints by it with `--policy`"
                )
                return nil
            }
        }
        guard let fields = reader.fields(root, "a rule pack", allowed: packKeys) else { return nil }
        for required in ["pack", "title", "source", "rules"] where !fields.has(required) {
            reader.report(root, "a rule pack needs `\(required)`")
        }
        let id = reader.identifier(fields["pack"], "`pack`") ?? "?"
        let source = reader.string(fields["source"], "`source`") ?? ""
        var from: CivilDate?
        var to: CivilDate?
        if let inForce = reader.fields(fields["in-force"], "`in-force`", allowed: ["from", "to"]) {
            from = inForce["from"].flatMap { reader.date($0, "`in-force.from`") }
            to = inForce["to"].flatMap { reader.date($0, "`in-force.to`") }
            if let from, let to, to < from { reader.report(inForce["to"], "`in-force.to` (\(to)) is before `in-force.from` (\(from))") }
        }
        let calendar =
            fields["calendar"].flatMap { reader.choice($0, "calendar", among: Region.names) }.flatMap(Region.init(rawValue:)) ?? .default
        let kind =
            fields["kind"].flatMap { reader.choice($0, "pack kind", among: ["code", "policy"]) }.flatMap(RulePack.Kind.init(rawValue:))
            ?? (fields.has("extends") ? .policy : .code)
        let cases =
            fields["cases"].flatMap { reader.choice($0, "`cases`", among: CaseKind.allCases.map(\.rawValue)) }.flatMap(
                CaseKind.init(rawValue:))
            ?? .complaint
        let hazards = readHazards(fields["hazards"], reader: reader)
        if cases == .hazard, hazards.isEmpty, fields.has("rules") {
            reader.report(fields["cases"], "a hazard pack needs `hazards:`, the kinds of hazard it covers and from when")
        }
        var rules: [Rule] = []
        var seen: [String: SourceLocation] = [:]
        for node in reader.items(fields["rules"], "`rules`") ?? [] {
            guard
                let rule = rule(
                    node, pack: id, defaultURL: source, defaultSeverity: kind == .policy ? .warning : .error,
                    isPolicy: kind == .policy, kinds: kinds, readsExamples: readsExamples, reader: reader)
            else { continue }
            if let first = seen[rule.id] {
                reader.report(node, "rule id `\(rule.id)` is used twice (first at line \(first.line))")
                continue
            }
            seen[rule.id] = rule.location
            rules.append(rule)
        }
        var transition: RulePack.Transition?
        if let fields = reader.fields(fields["transition"], "`transition`", allowed: ["until", "note"]) {
            let until = fields["until"].flatMap { reader.date($0, "`transition.until`") }
            let note = fields["note"].flatMap { reader.string($0, "`transition.note`") }
            if let until, let note {
                transition = RulePack.Transition(until: until, note: note)
                if let from, until < from {
                    reader.report(fields["until"], "`transition.until` (\(until)) is before `in-force.from` (\(from))")
                }
            } else {
                reader.report(fields.node, "`transition` needs `until` (the last day of the period) and `note` (why, for each finding)")
            }
        }
        for rule in rules {
            if let problem = rule.check.problem(among: rules) {
                reader.report(InputProblem(rule.location, "rule `\(rule.id)`: \(problem)"))
            }
        }
        return RulePack(
            id: id, title: reader.string(fields["title"], "`title`") ?? id, source: source, inForceFrom: from, inForceTo: to,
            calendar: calendar, extends: fields["extends"].flatMap { reader.identifier($0, "`extends`") }, kind: kind,
            note: fields["note"].flatMap { reader.string($0, "`note`") }, rules: rules, file: reader.file,
            origin: .read(ParsedDocument(reader), kinds), transition: transition, cases: cases, hazards: hazards)
    }

    /// `hazards:` — each kind of hazard, and for each risk the date its limits apply from, or
    /// words saying they do not yet (`excess-cold: { emergency: 2025-10-27, significant: "announced for 2026" }`).
    static func readHazards(_ node: Node?, reader: YAMLReader) -> [String: [String: HazardCoverage]] {
        guard let node else { return [:] }
        guard case .mapping(let mapping) = node else {
            reader.report(node, "`hazards` should map each kind of hazard to when its time limits apply")
            return [:]
        }
        var hazards: [String: [String: HazardCoverage]] = [:]
        for (key, value) in mapping {
            guard let kind = reader.identifier(key, "a kind of hazard"),
                let risks = reader.fields(value, "`hazards.\(kind)`", allowed: TimelineYAML.risks)
            else { continue }
            var coverage: [String: HazardCoverage] = [:]
            for risk in TimelineYAML.risks {
                guard let text = risks[risk].flatMap({ reader.string($0, "`hazards.\(kind).\(risk)`") }) else { continue }
                if let date = try? CivilDate(iso: text) {
                    coverage[risk] = .from(date)
                } else if text.first?.isNumber == true {
                    // A date written wrongly would otherwise read as "not yet covered".
                    reader.report(
                        risks[risk], "`hazards.\(kind).\(risk)`: `\(text)` is not a date (YYYY-MM-DD); words say when it is not yet covered"
                    )
                } else {
                    coverage[risk] = .announced(text)
                }
            }
            hazards[kind] = coverage
        }
        return hazards
    }

    static func rule(
        _ node: Node, pack: String, defaultURL: String, defaultSeverity: Severity, isPolicy: Bool, kinds registry: CheckKinds,
        readsExamples: Bool, reader: YAMLReader
    ) -> Rule? {
        guard let fields = reader.fields(node, "a rule", allowed: ruleKeys + registry.names) else { return nil }
        let before = reader.problems.count
        for required in ["id", "paragraph", "summary", "source"] where !fields.has(required) {
            reader.report(
                node,
                "a rule needs `\(required)`"
                    + (required == "source" ? " (confirmed, secondary or unconfirmed: how sure the provision is)" : ""))
        }
        let id = reader.identifier(fields["id"], "`id`") ?? "?"
        let kinds = registry.all.filter { fields.has($0.name) }
        if kinds.count != 1 {
            reader.report(
                node,
                kinds.isEmpty
                    ? "rule `\(id)` has no check; give exactly one of: \(registry.names.joined(separator: ", "))"
                    : "rule `\(id)` has \(kinds.count) checks (\(kinds.map { $0.name }.joined(separator: ", "))); give exactly one")
        }
        let check = kinds.count == 1 ? kinds[0].readAny(fields[kinds[0].name]!, reader: reader) : nil
        let severity =
            fields["severity"].flatMap { reader.choice($0, "severity", among: Severity.allCases.map(\.rawValue)) }
            .flatMap(Severity.init(rawValue:)) ?? defaultSeverity
        let confidence =
            fields["source"].flatMap { reader.choice($0, "source", among: Confidence.allCases.map(\.rawValue)) }
            .flatMap(Confidence.init(rawValue:)) ?? .unconfirmed
        let location = reader.location(of: node)
        var examples: [RuleExample] = []
        if readsExamples, check != nil, reader.problems.count == before {
            examples = RuleExampleYAML.read(fields["examples"], ruleID: id, reader: reader, at: node)
        }
        guard let check, reader.problems.count == before else { return nil }
        return Rule(
            id: id, paragraph: reader.string(fields["paragraph"], "`paragraph`") ?? "",
            summary: reader.string(fields["summary"], "`summary`") ?? "", severity: severity, confidence: confidence,
            url: fields["url"].flatMap { reader.string($0, "`url`") } ?? defaultURL,
            note: fields["note"].flatMap { reader.string($0, "`note`") },
            hint: fields["hint"].flatMap { reader.string($0, "`hint`") },
            check: check, examples: examples, location: location, isPolicy: isPolicy)
    }
}

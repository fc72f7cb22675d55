/// Copies of a checker for threads of their own. Every complaint's check retains the rules, the
/// pack, its id and the calendar it is judged by; when two threads do that to the same objects
/// they contend for the cache lines holding their reference counts, and the run took a quarter
/// more CPU time on two threads than on one (see README, "Performance"). A replica's packs,
/// rules, their strings and its calendars are its own (the policy's settings, read once per
/// complaint, are shared).
extension Checker {
    /// The same checker — same rules, calendars and options, same results — built of objects of its own.
    public func replica() -> Checker {
        var options = options
        options.forcedPack = options.forcedPack?.replica()
        return Checker(library: RuleLibrary(packs: library.packs.map { $0.replica() }), calendars: calendars.replica(), options: options)
    }
}

extension RulePack {
    /// The same pack made of new objects and strings.
    func replica() -> RulePack {
        RulePack(id: id.unshared, title: title.unshared, source: source.unshared, inForceFrom: inForceFrom, inForceTo: inForceTo,
                 calendar: calendar, extends: extends?.unshared, kind: kind, note: note?.unshared, rules: rules.map { $0.replica() },
                 file: file.unshared)
    }
}

extension Rule {
    /// The same rule made of new objects and strings (its examples, never used in a check, are shared).
    func replica() -> Rule {
        Rule(id: id.unshared, paragraph: paragraph.unshared, summary: summary.unshared, severity: severity, confidence: confidence,
             url: url.unshared, note: note?.unshared, hint: hint?.unshared, check: check.replica(), examples: examples, location: location)
    }
}

extension RuleCheck {
    func replica() -> RuleCheck {
        switch self {
        case let .deadline(spec):
            .deadline(DeadlineCheckSpec(event: spec.event, stage: spec.stage, anchor: spec.anchor, within: spec.within,
                                        extensionLimit: spec.extensionLimit.map { ExtensionLimit(max: $0.max, paragraph: $0.paragraph?.unshared) }))
        case let .responseIncludes(stage, elements): .responseIncludes(stage: stage, elements: elements.map(\.unshared))
        case let .forbiddenEvent(spec): .forbiddenEvent(ForbiddenEventSpec(event: spec.event, unlessField: spec.unlessField?.unshared))
        case let .policyProvision(key): .policyProvision(key: key?.unshared)
        case .allPointsAnswered, .differentHandler, .maxStages, .extensionNotice: self
        }
    }
}

extension String {
    /// The same text in storage of its own (a copied string shares its storage, and its reference count).
    var unshared: String { String(decoding: Array(utf8), as: UTF8.self) }
}

import CHCIngest
import CHCModel
import WorkingDays

/// One version of one code (or one landlord's policy) as a set of rules, with the dates it
/// applies to complaints received in.
package final class RulePack: Sendable {
    package enum Kind: String, Sendable { case code, policy }

    package let id: String
    package let title: String
    package let source: String
    package let inForceFrom: CivilDate?
    let inForceTo: CivilDate?
    package let calendar: Region
    /// For a policy overlay: the Code pack it layers on.
    let extends: String?
    package let kind: Kind
    /// The timelines the pack judges: complaints, or hazard cases.
    package let cases: CaseKind
    /// For a hazard pack: each kind of hazard (`damp-and-mould`, `excess-cold`…) and, for each
    /// risk (`emergency`, `significant`), when its time limits apply. Data, not code: the
    /// Regulations bring hazards in by phases.
    package let hazards: [String: [String: HazardCoverage]]
    package let note: String?
    /// A period after the pack took effect when landlords were still given time to comply:
    /// complaints received by `until` are judged by the pack, and each finding says so.
    package let transition: Transition?

    package struct Transition: Sendable {
        package let until: CivilDate
        /// Why, in words, added to each finding's message.
        package let note: String

        package init(until: CivilDate, note: String) {
            self.until = until
            self.note = note
        }
    }
    package let rules: [Rule]
    /// The terms of the pack's deadline rules, in rule order (found when a deadline counts from
    /// another's due date, without going through every rule; plain values, so a search counts
    /// no references).
    package let deadlines: [DeadlineTerms]
    package let file: String
    /// Where the pack came from, so a thread can build a copy of its own (`forThread`).
    package let origin: Origin

    /// How a pack was made.
    package enum Origin: Sendable {
        /// Read from a rule-pack file, with these check kinds.
        case read(ParsedDocument, CheckKinds)
        /// Made by the program (a policy's overlay, a test's pack).
        case built
    }

    package init(
        id: String, title: String, source: String, inForceFrom: CivilDate?, inForceTo: CivilDate?, calendar: Region,
        extends: String?, kind: Kind, note: String?, rules: [Rule], file: String, origin: Origin = .built,
        transition: Transition? = nil, inheriting inherited: [DeadlineTerms] = [], cases: CaseKind = .complaint,
        hazards: [String: [String: HazardCoverage]] = [:]
    ) {
        self.cases = cases
        self.hazards = hazards
        self.id = id
        self.title = title
        self.source = source
        self.inForceFrom = inForceFrom
        self.inForceTo = inForceTo
        self.calendar = calendar
        self.extends = extends
        self.kind = kind
        self.note = note
        self.transition = transition
        self.rules = rules
        // A policy's own deadlines first, then those of the Code it layers on: when an anchor
        // never happened, its due date is the policy's if the policy sets one, else the Code's.
        deadlines = rules.compactMap(\.deadline) + inherited
        self.file = file
        self.origin = origin
    }

    /// The same pack, read again from its parsed file so that its rules, their strings and
    /// objects are new (see `Checker.forThread`); a pack made by the program is shared as it is.
    /// The copy has no examples: they are never checked on a thread.
    func forThread() -> RulePack {
        guard case .read(let document, let kinds) = origin else { return self }
        let reader = YAMLReader(rereading: document.reader)
        guard let copy = RulePackYAML.read(reader, kinds: kinds, readsExamples: false), reader.problems.isEmpty else { return self }
        return copy
    }

    /// The first deadline on `event` at `stage` (any stage when nil): the one whose due date
    /// stands in for that event when it never happened.
    package func deadline(on event: EventType, stage: Int?) -> DeadlineTerms? {
        deadlines.first { $0.event == event && $0.stage == (stage ?? $0.stage) }
    }

    /// Whether a complaint received on `date` is judged by this pack.
    func isInForce(on date: CivilDate) -> Bool {
        if let from = inForceFrom, date < from { return false }
        if let to = inForceTo, date > to { return false }
        return true
    }

    /// `from 2024-04-01`, `2022-04-01 to 2024-03-31`.
    package var inForceDescription: String {
        switch (inForceFrom, inForceTo) {
        case (let from?, let to?): "\(from) to \(to)"
        case (let from?, nil): "from \(from)"
        case (nil, let to?): "until \(to)"
        case (nil, nil): "always"
        }
    }
}

/// A rule-pack file as parsed, kept so that each checking thread can read its own copy of the
/// pack without parsing the file again (parsing is most of the cost of reading a pack).
///
/// Unchecked: the parsed tree is only ever read after parsing (`YAMLReader` reads nodes; it
/// never resolves merge keys, the one thing in Yams that changes a node).
package final class ParsedDocument: @unchecked Sendable {
    let reader: YAMLReader

    init(_ reader: YAMLReader) { self.reader = reader }
}

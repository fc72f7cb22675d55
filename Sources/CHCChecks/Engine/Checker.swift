import CHCIngest
import CHCModel
import WorkingDays
import Yams

/// What a check run is judged against.
package struct CheckOptions: Sendable {
    /// The day deadlines are judged as of: a deadline passed before it with no event is overdue.
    package var asOf: CivilDate
    /// One pack for every complaint (`--rules`); otherwise the Code in force on each receipt date.
    package var forcedPack: RulePack?
    /// The landlord's own targets (`--policy`), layered on the Code.
    package var policy: PolicyConfig?
    /// Whether findings carry their messages. A run that only counts outcomes (`chc report`,
    /// `chc due`) turns this off and skips composing text nobody reads; findings then have an
    /// empty message.
    package var composesMessages: Bool

    package init(asOf: CivilDate, forcedPack: RulePack? = nil, policy: PolicyConfig? = nil, composesMessages: Bool = true) {
        self.asOf = asOf
        self.forcedPack = forcedPack
        self.policy = policy
        self.composesMessages = composesMessages
    }
}

/// Judges complaints by the rule packs: the Code in force on each receipt date (or a forced
/// pack), plus a landlord's policy overlay.
package struct Checker: Sendable {
    package let library: RuleLibrary
    package let calendars: CalendarSetup
    package let options: CheckOptions
    /// The landlord's policy as a pack, when there is none to layer it on.
    private let overlay: RulePack?
    /// For each pack a complaint may be judged by: the ids of the packs its result names (with
    /// the policy's; made once, so a result shares the list instead of allocating its own), and
    /// the policy layered on it (a timescale the policy omits is that pack's).
    private let packs: [(pack: RulePack, ids: [String], overlay: RulePack?)]
    /// The calendars of the policy's own timescales: the Code's, less the landlord's closure days.
    private let policyCalendars: CalendarSetup
    /// The rule reporting a complaint no pack covers: one per checker, like the packs' rules (a
    /// format keeps text per rule object; one made per complaint would be kept per complaint).
    private let noCodeRule = Checker.noCodeInForceRule()

    /// - Parameter calendars: the Code's calendars (bank holidays of each region). The
    ///   landlord's closure days and cut-off time count for the policy's timescales only: the
    ///   Code counts Monday to Friday less bank holidays, whatever the landlord's hours.
    package init(library: RuleLibrary, calendars: CalendarSetup, options: CheckOptions) {
        self.library = library
        self.calendars = calendars
        self.options = options
        let policy = options.policy
        overlay = policy?.overlayPack()
        policyCalendars = calendars.closing(on: policy?.closures ?? [])
        packs = ((options.forcedPack.map { [$0] } ?? []) + library.packs).map { pack in
            let overlay = policy?.overlayPack(over: pack)
            return (pack, Self.ids(of: pack, overlay: overlay), overlay)
        }
    }

    /// The ids a result judged by `pack` names: the pack's, and the overlay's after it.
    private static func ids(of pack: RulePack?, overlay: RulePack?) -> [String] { [pack?.id, overlay?.id].compactMap { $0 } }

    /// Every rule's evaluation of one complaint, judged as of the run's date: events dated after
    /// it are left out (a complaint received after it is not judged), as if the export had been
    /// taken that day.
    package func check(_ exported: Complaint) -> ComplaintResult {
        let (cut, eventsAfterAsOf) = exported.asOf(options.asOf)
        guard let complaint = cut else {
            return ComplaintResult(complaint: exported, packs: [], evaluations: [], eventsAfterAsOf: eventsAfterAsOf, isJudged: false)
        }
        let region = complaint.calendar ?? options.policy?.calendar
        var evaluations: [RuleEvaluation] = []
        var packsUsed: [String]
        let received = complaint.receivedDate ?? options.asOf
        var context: EvaluationContext?
        /// Every rule of `pack`, in one context moved from rule to rule.
        func evaluateAll(of pack: RulePack, label: String?) {
            guard let first = pack.rules.first else { return }
            let isPolicy = pack.kind == .policy
            let calendar = (isPolicy ? policyCalendars : calendars).calendar(region ?? pack.calendar)
            let cutOff = isPolicy ? options.policy?.cutOffTime : nil
            let shared =
                context
                ?? EvaluationContext(
                    complaint: complaint, pack: pack, rule: first, calendar: calendar,
                    asOf: options.asOf, cutOff: cutOff, label: label,
                    composesMessages: options.composesMessages)
            context = shared
            shared.pack = pack
            shared.calendar = calendar
            shared.cutOff = cutOff
            shared.label = label
            shared.transition = pack.transition.flatMap {
                received <= $0.until && received >= (pack.inForceFrom ?? received) ? $0.note : nil
            }
            evaluations.reserveCapacity(evaluations.count + pack.rules.count)
            // By index: a for-in loop took each rule out (a reference counted, fifteen a complaint).
            let rules = pack.rules
            for index in rules.indices {
                shared.rule = rules[index]
                evaluations.append(Checker.evaluate(in: shared))
            }
        }
        // A landlord's complaints policy is about complaints: a hazard case is judged by its pack alone.
        let isHazard = complaint.isHazardCase
        var policy = isHazard ? nil : overlay
        // `--rules` names a pack for the cases it judges; the others keep the pack in force.
        let forced = options.forcedPack.flatMap { $0.cases == complaint.caseKind ? $0 : nil }
        if let pack = forced ?? library.codePack(inForceOn: received, for: complaint.caseKind) {
            let known = packs.first { $0.pack === pack }
            packsUsed = known?.ids ?? Self.ids(of: pack, overlay: overlay)
            policy = isHazard ? nil : known != nil ? known?.overlay : options.policy?.overlayPack(over: pack)
            if isHazard { packsUsed = [pack.id] }
            evaluateAll(of: pack, label: nil)
        } else {
            packsUsed = isHazard ? [] : Self.ids(of: nil, overlay: overlay)
            evaluations.append(noCodeInForce(complaint, received: received))
        }
        if let policy {
            evaluateAll(of: policy, label: "\(options.policy?.landlord ?? policy.id) policy")
        }
        return ComplaintResult(complaint: complaint, packs: packsUsed, evaluations: evaluations, eventsAfterAsOf: eventsAfterAsOf)
    }

    /// One rule's evaluation of one complaint.
    static func evaluate(
        _ rule: Rule, of complaint: Complaint, pack: RulePack, calendar: WorkingDayCalendar,
        asOf: CivilDate, cutOff: TimeOfDay? = nil, label: String? = nil
    ) -> RuleEvaluation {
        evaluate(
            in: EvaluationContext(
                complaint: complaint, pack: pack, rule: rule, calendar: calendar, asOf: asOf, cutOff: cutOff, label: label))
    }

    /// Findings one rule reports for one complaint; more are counted, not listed.
    package static let findingsPerRule = 100

    /// The context's rule's evaluation of its complaint.
    static func evaluate(in context: EvaluationContext) -> RuleEvaluation {
        do {
            let evaluation = try context.rule.check.evaluate(in: context)
            guard evaluation.findings.count > findingsPerRule else { return evaluation }
            // A complaint with a million extension rows is not a million findings: the first
            // ones, and how many more there were.
            let more = evaluation.findings.count - findingsPerRule
            let note = context.finding(
                .breach, "and \(more) more finding\(more == 1 ? "" : "s") of this rule for this complaint, like those above, not listed",
                severity: .note)
            return RuleEvaluation(
                rule: evaluation.rule, pack: evaluation.pack, outcome: evaluation.outcome,
                findings: Array(evaluation.findings.prefix(findingsPerRule)) + [note], openDeadline: evaluation.openDeadline,
                timing: evaluation.timing)
        } catch {
            return context.evaluation(
                .notEvaluable, [context.finding(.notEvaluable, "cannot count working days: \(error)", severity: .note)])
        }
    }

    /// The same checker (same rules, calendars and options, same results) made of objects of its
    /// own, for a thread of its own. Every complaint's check retains the rules, the pack, its id
    /// and the calendar it is judged by; when two threads do that to the same objects they
    /// contend for the cache lines holding the reference counts (a quarter more CPU time on two
    /// threads than on one). The packs are read again from their text, so nothing here needs to
    /// know their fields; the policy's settings, read once per complaint, are shared.
    func forThread() -> Checker {
        var options = options
        options.forcedPack = options.forcedPack?.forThread()
        return Checker(library: RuleLibrary(packs: library.packs.map { $0.forThread() }), calendars: calendars.replica(), options: options)
    }

    /// Every rule a complaint of this run may be judged by, one for each id (the first met),
    /// with the id of its pack: each pack's rules, the policy's layered on each, and the rule
    /// reporting a complaint no pack covers. A format that lists the rules before its results
    /// (SARIF) lists these.
    package var rulesInScope: [(rule: Rule, pack: String)] {
        var seen: Set<String> = []
        var rules: [(rule: Rule, pack: String)] = []
        for pack in packs.flatMap({ [$0.pack, $0.overlay] }) + [overlay] {
            guard let pack else { continue }
            for rule in pack.rules where seen.insert(rule.id).inserted { rules.append((rule, pack.id)) }
        }
        if seen.insert(noCodeRule.id).inserted { rules.append((noCodeRule, "")) }
        return rules
    }

    /// The rule that reports a complaint no Code pack covers (it belongs to no pack).
    private static func noCodeInForceRule() -> Rule {
        Rule(
            id: "chc/no-code-in-force", paragraph: "", summary: "No Code pack covers the complaint's receipt date.",
            severity: .note, confidence: .confirmed, url: "", note: nil,
            hint: "Name a pack with --rules to judge it by a particular Code.",
            check: NoCodeInForce(), examples: [], location: SourceLocation(file: "", line: 0, column: 0))
    }

    private func noCodeInForce(_ complaint: Complaint, received: CivilDate) -> RuleEvaluation {
        let known = library.packs.filter { $0.kind == .code && $0.cases == complaint.caseKind }.map {
            "\($0.id) (\($0.inForceDescription))"
        }.joined(separator: ", ")
        let rule = noCodeRule
        let finding = Finding(
            complaint: complaint.id, rule: rule.id, pack: "", check: .init(kind: "none", event: nil, stage: nil),
            severity: .note, status: .notEvaluable,
            message: complaint.isHazardCase
                ? "no hazard pack is in force for a hazard the landlord became aware of on \(received) (packs: \(known.isEmpty ? "none loaded" : known))"
                : "no Code pack is in force for a complaint received on \(received) (packs: \(known.isEmpty ? "none loaded" : known))",
            anchor: nil, due: nil, actual: nil, workingDaysTaken: nil, workingDaysLate: nil,
            citation: .init(paragraph: "", summary: rule.summary, url: "", source: "confirmed"),
            location: complaint.location, hint: rule.hint)
        return RuleEvaluation(rule: rule, pack: "", outcome: .notEvaluable, findings: [finding], openDeadline: nil, timing: nil)
    }
}

/// The check of the rule that reports a complaint no Code pack covers: not a kind a pack can use.
private final class NoCodeInForce: CheckKind {
    static let name = "none"
    static let summary = "No Code pack covers the complaint's receipt date."
    static let example = ""
    static func read(_ node: Node, reader: YAMLReader) -> NoCodeInForce? { nil }
    var subject: CheckSubject { CheckSubject(event: nil, stage: nil) }
    var parameters: String { "" }
    func evaluate(in context: EvaluationContext) -> RuleEvaluation { context.evaluation(.notApplicable) }
}

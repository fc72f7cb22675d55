import CHCIngest
import CHCModel
import WorkingDays

/// Everything a check needs to judge one complaint by one rule. A class, so that the checks
/// pass it around without copying the complaint (copies of its arrays and strings showed up
/// as a third of the run time in a profile); one per complaint, moved from rule to rule.
///
/// The checker sets the rule, pack, calendar and label between evaluations, on the one thread
/// that owns the context, never while a check runs: so they are not checked for exclusive
/// access at run time (that check on every read was 3% of a run).
package final class EvaluationContext {
    package let complaint: Complaint
    @exclusivity(unchecked) package internal(set) var pack: RulePack
    @exclusivity(unchecked) package internal(set) var rule: Rule
    @exclusivity(unchecked) package internal(set) var calendar: WorkingDayCalendar
    package let asOf: CivilDate
    /// The landlord's daily cut-off time, for a policy's timescales (nil for the Code's).
    @exclusivity(unchecked) package internal(set) var cutOff: TimeOfDay?
    /// When the complaint fell in the pack's transition period: why its findings are less firm.
    @exclusivity(unchecked) package internal(set) var transition: String?
    /// Human label for the pack's timescales in messages, e.g. "Luton policy".
    @exclusivity(unchecked) package internal(set) var label: String?
    /// When false, findings are made without their message (see `CheckOptions`).
    package let composesMessages: Bool

    package init(
        complaint: Complaint, pack: RulePack, rule: Rule, calendar: WorkingDayCalendar, asOf: CivilDate, cutOff: TimeOfDay?, label: String?,
        composesMessages: Bool = true
    ) {
        self.composesMessages = composesMessages
        self.complaint = complaint
        self.pack = pack
        self.rule = rule
        self.calendar = calendar
        self.asOf = asOf
        self.cutOff = cutOff
        self.label = label
    }

    /// A finding of this rule about this complaint; `message` is composed only when wanted.
    /// `hint` replaces the rule's hint; an empty one means none.
    package func finding(
        _ status: Finding.Status, _ message: @autoclosure () -> String, severity: Severity? = nil, anchor: Finding.AnchorRef? = nil,
        due: CivilDate? = nil, actual: CivilDate? = nil, taken: Int? = nil, late: Int? = nil,
        at location: SourceLocation? = nil, paragraph: String? = nil, hint: String? = nil
    ) -> Finding {
        let text = composesMessages ? (status == .notEvaluable ? message() : message() + caveat) + transitionCaveat : ""
        return finding(
            status, text: text, severity: severity, anchor: anchor, due: due, actual: actual, taken: taken, late: late, at: location,
            paragraph: paragraph, hint: hint)
    }

    /// As above, with the message composed as bytes (`MessageText`, for the checks that find the
    /// most): the notes are appended to it, and the string made once.
    package func finding(
        _ status: Finding.Status, _ message: @autoclosure () -> MessageText, severity: Severity? = nil,
        anchor: Finding.AnchorRef? = nil, due: CivilDate? = nil, actual: CivilDate? = nil, taken: Int? = nil, late: Int? = nil,
        at location: SourceLocation? = nil, paragraph: String? = nil, hint: String? = nil
    ) -> Finding {
        var text = ""
        if composesMessages {
            var composed = message()
            if status != .notEvaluable { composed.append(caveat) }
            if transition != nil { composed.append(transitionCaveat) }
            text = composed.string
        }
        return finding(
            status, text: text, severity: severity, anchor: anchor, due: due, actual: actual, taken: taken, late: late, at: location,
            paragraph: paragraph, hint: hint)
    }

    private func finding(
        _ status: Finding.Status, text: String, severity: Severity?, anchor: Finding.AnchorRef?, due: CivilDate?, actual: CivilDate?,
        taken: Int?, late: Int?, at location: SourceLocation?, paragraph: String?, hint: String?
    ) -> Finding {
        let subject = rule.subject
        return Finding(
            complaint: complaint.id, rule: rule.id, pack: pack.id,
            check: .init(kind: rule.kind, event: subject.event?.rawValue, stage: subject.stage),
            severity: severity ?? rule.severity, status: status, message: text,
            anchor: anchor, due: due, actual: actual, workingDaysTaken: taken, workingDaysLate: late,
            citation: .init(paragraph: paragraph ?? rule.paragraph, summary: rule.summary, url: rule.url, source: rule.confidence.rawValue),
            location: location ?? complaint.location, hint: hint == "" ? nil : hint ?? rule.hint, transition: transition)
    }

    /// The transition note, in a message.
    private var transitionCaveat: String { transition.map { " [transition: \($0)]" } ?? "" }

    /// What a reader must know about how sure the rule is, in words about its source: the Code,
    /// or (for a hazard pack) the Regulations. Six texts, made once (every finding has one).
    private var caveat: String {
        let isHazard = pack.cases == .hazard
        switch rule.confidence {
        case .confirmed: return ""
        case .secondary: return isHazard ? Self.caveats.secondaryRegulations : Self.caveats.secondaryCode
        case .unconfirmed: return isHazard ? Self.caveats.unconfirmedRegulations : Self.caveats.unconfirmedCode
        }
    }

    private static let caveats = {
        func secondary(_ source: String) -> String { " [source: secondary — not read in full, with its number, in \(source)]" }
        func unconfirmed(_ source: String) -> String { " [source: unconfirmed — not read in \(source); review before relying on it]" }
        let (code, regulations) = ("the Code's own text", "the Regulations' own text")
        return (
            secondaryCode: secondary(code), secondaryRegulations: secondary(regulations), unconfirmedCode: unconfirmed(code),
            unconfirmedRegulations: unconfirmed(regulations)
        )
    }()

    package func evaluation(_ outcome: Outcome, _ findings: [Finding] = [], open: OpenDeadline? = nil, timing: DeadlineTiming? = nil)
        -> RuleEvaluation
    {
        RuleEvaluation(rule: rule, pack: pack.id, outcome: outcome, findings: findings, openDeadline: open, timing: timing)
    }

    /// Whether the complaint came from a CSV or Excel export rather than a YAML timeline: a hint
    /// about a missing field then names the column to fill, not the YAML key to add.
    var isFromExport: Bool {
        let file = complaint.location.file.lowercased()
        return file.hasSuffix(".csv") || file.hasSuffix(".xlsx")
    }

    /// `stage 1 ` or empty.
    func stageLabel(_ stage: Int?) -> String { stage.map { "stage \($0) " } ?? "" }
}

import CHCIngest
import CHCModel
import WorkingDays
import Yams

/// `deadline`: an event at a stage happens within a time of another event (the anchor), with
/// extensions, holds, the complaint's closure and overdue-as-of taken into account.
package final class DeadlineCheck: CheckKind {
    package static let name = "deadline"
    package static let summary = "An event at a stage happens within a time of an earlier event; extensions and agreed holds move the date."
    package static let example = """
        { event: response, stage: 1, from: { event: acknowledged, stage: 1 }, within: 10 working-days, extension: { max: 10 working-days, paragraph: "6.4" } }
        """

    /// The terms as plain values: judging a complaint copies them without counting a reference.
    let terms: DeadlineTerms
    /// The paragraph that sets the extension limit, cited in extension findings.
    let extensionParagraph: String?

    package init(event: EventType, stage: Int, anchor: Anchor, within: Span, extensionLimit: ExtensionLimit? = nil) {
        terms = DeadlineTerms(event: event, stage: stage, anchor: anchor, within: within, extensionMax: extensionLimit?.max)
        extensionParagraph = extensionLimit?.paragraph
    }

    package var subject: CheckSubject { CheckSubject(event: terms.event, stage: terms.stage) }

    package var parameters: String {
        var text = "\(terms.event.rawValue) at stage \(terms.stage) within \(terms.within) of \(terms.anchor)"
        if let max = terms.extensionMax { text += "; extension up to \(max) without good reason" }
        return text
    }

    package func evaluate(in context: EvaluationContext) throws(CalendarError) -> RuleEvaluation {
        try DeadlineJudgement(terms: terms, context: context).evaluate()
    }

    /// The extensions of the deadline with `terms`, judged for the context's rule (an
    /// `extension-limit` rule): walked exactly as the deadline walks them, so both agree on the
    /// due date each extension was notified against.
    static func judgeExtensions(of terms: DeadlineTerms, in context: EvaluationContext) throws(CalendarError) -> RuleEvaluation {
        try DeadlineJudgement(terms: terms, context: context, judgesExtensions: true).evaluate()
    }

    // MARK: Reading

    package static func read(_ node: Node, reader: YAMLReader) -> DeadlineCheck? {
        guard let fields = reader.fields(node, "`deadline`", allowed: ["event", "stage", "from", "within", "extension"]) else { return nil }
        for required in ["event", "stage", "from", "within"] where !fields.has(required) {
            reader.report(node, "`deadline` needs `\(required)`")
        }
        guard let eventName = reader.choice(fields["event"], "event type", among: EventType.names),
            let event = EventType(rawValue: eventName),
            let stage = requiredStage(fields, reader: reader),
            let anchor = anchor(fields["from"], reader: reader),
            let within = reader.span(fields["within"], "`within`")
        else { return nil }
        var limit: ExtensionLimit?
        if let extensionFields = reader.fields(fields["extension"], "`extension`", allowed: ["max", "paragraph"]) {
            guard let max = reader.span(extensionFields["max"], "`extension.max`") else {
                if !extensionFields.has("max") {
                    reader.report(fields["extension"], "`extension` needs `max` (e.g. `max: 10 working-days`)")
                }
                return nil
            }
            guard max.unit == .workingDays else {
                reader.report(
                    extensionFields["max"],
                    "`extension.max` should be in working days (an extension's `days` are working days), found `\(max)`")
                return nil
            }
            limit = ExtensionLimit(max: max, paragraph: extensionFields["paragraph"].flatMap { reader.string($0, "`extension.paragraph`") })
        }
        if anchor.event == event, anchor.stage == stage {
            reader.report(fields["from"], "a deadline cannot run from the event it is about")
            return nil
        }
        return DeadlineCheck(event: event, stage: stage, anchor: anchor, within: within, extensionLimit: limit)
    }

    private static func anchor(_ node: Node?, reader: YAMLReader) -> Anchor? {
        guard let node else { return nil }
        if case .scalar = node {
            guard let name = reader.choice(node, "anchor event", among: EventType.names), let event = EventType(rawValue: name) else {
                return nil
            }
            return Anchor(event: event, stage: nil)
        }
        guard let fields = reader.fields(node, "`from`", allowed: ["event", "stage"]),
            let name = reader.choice(fields["event"], "anchor event", among: EventType.names),
            let event = EventType(rawValue: name)
        else { return nil }
        return Anchor(event: event, stage: fields["stage"].flatMap { reader.int($0, "`from.stage`") })
    }

    // MARK: Linting a complaints process

    package func lintRules(for rule: Rule, in pack: RulePack) -> [LintRule] {
        let stage = terms.stage
        let within = terms.within
        let anchorNoun = terms.anchor.event.noun
        switch terms.event {
        case .acknowledged:
            return [
                LintRule(for: rule, requirement: "Acknowledge at stage \(stage) within \(within) of \(anchorNoun).") { config in
                    let settings = stage == 1 ? config.stage1 : config.stage2
                    guard let ack = settings.acknowledge else { return .notStated(add: ["stage\(stage).acknowledge"]) }
                    guard ack.unit == within.unit else {
                        return .notMet(
                            LintProblem(
                                key: "stage\(stage).acknowledge", says: "acknowledge: \(ack)",
                                why: "the Code counts \(within); a target in \(ack.unit.rawValue) cannot be shown to comply"))
                    }
                    guard ack.amount <= within.amount else {
                        return .notMet(
                            LintProblem(
                                key: "stage\(stage).acknowledge", says: "acknowledge: \(ack)",
                                why: "longer than the Code's \(within) of \(anchorNoun)"))
                    }
                    return .met(evidence: "stage\(stage).acknowledge")
                }
            ]
        case .response:
            let codeAck = pack.deadline(on: .acknowledged, stage: stage)?.within.amount
            let codeFrom: TimescaleComparison.Anchor = terms.anchor.event == .acknowledged ? .acknowledgement : .receipt
            let receiptWord = stage == 1 ? "receipt" : "the escalation request"
            var rules = [
                LintRule(for: rule, requirement: "Respond at stage \(stage) within \(within) of \(terms.anchor.event.noun).") { config in
                    let settings = stage == 1 ? config.stage1 : config.stage2
                    guard let respond = settings.respond else {
                        return .notStated(add: ["stage\(stage).respond", "stage\(stage).respond-from"])
                    }
                    let from = settings.respondFrom ?? .acknowledged
                    guard respond.unit == .workingDays, within.unit == .workingDays else {
                        return .notMet(
                            LintProblem(
                                key: "stage\(stage).respond", says: "respond: \(respond)",
                                why: "the Code counts \(within); a target in \(respond.unit.rawValue) cannot be shown to comply"))
                    }
                    let policyFrom: TimescaleComparison.Anchor = from == .acknowledged ? .acknowledgement : .receipt
                    let latestAck = min(settings.acknowledge?.amount ?? Int.max, codeAck ?? 5)
                    let fromWords = policyFrom == .acknowledgement ? "acknowledgement" : receiptWord
                    if let why = TimescaleComparison.excess(
                        policy: respond.amount, policyFrom: policyFrom, code: within.amount, codeFrom: codeFrom,
                        latestAcknowledgement: latestAck,
                        policyWords: "\(respond.amount) working days from \(fromWords)",
                        codeWords: "\(within) from \(codeFrom == .acknowledgement ? "acknowledgement" : receiptWord)")
                    {
                        return .notMet(
                            LintProblem(key: "stage\(stage).respond", says: "respond: \(respond), respond-from: \(from.rawValue)", why: why)
                        )
                    }
                    return .met(evidence: "stage\(stage).respond")
                }
            ]
            if let max = terms.extensionMax {
                let limit = ExtensionLimit(max: max, paragraph: extensionParagraph)
                rules.append(
                    LintRule(
                        id: "lint/\(rule.id)-extension", paragraph: limit.paragraph ?? rule.paragraph,
                        requirement: "Extend a stage \(stage) response by at most \(limit.max) without good reason.",
                        confidence: rule.confidence, url: rule.url, severity: rule.severity
                    ) { config in
                        let settings = stage == 1 ? config.stage1 : config.stage2
                        guard let max = settings.extensionMax else {
                            return .notStated(add: ["stage\(stage).extension-max: \(limit.max.amount) \(limit.max.unit.rawValue)"])
                        }
                        guard max.unit == limit.max.unit, max.amount <= limit.max.amount else {
                            return .notMet(
                                LintProblem(
                                    key: "stage\(stage).extension-max", says: "extension-max: \(max)",
                                    why: "longer than the \(limit.max) the Code allows without good reason"))
                        }
                        return .met(evidence: "stage\(stage).extension-max")
                    })
            }
            return rules
        default:
            return []
        }
    }
}

/// A deadline rule's terms as plain values (no reference counted when a check copies them).
package struct DeadlineTerms: Sendable {
    package let event: EventType
    package let stage: Int
    package let anchor: Anchor
    package let within: Span
    /// How far a response deadline may be extended without good reason, when the rule limits it.
    package let extensionMax: Span?
}

/// Where a deadline runs from: an event (at a stage).
package struct Anchor: Sendable, Hashable, CustomStringConvertible {
    package let event: EventType
    package let stage: Int?

    package init(event: EventType, stage: Int?) {
        self.event = event
        self.stage = stage
    }

    package var description: String { stage.map { "stage \($0) \(event.rawValue)" } ?? event.rawValue }
}

/// How far a stage's response deadline may be extended without good reason.
package struct ExtensionLimit: Sendable {
    package let max: Span
    /// The paragraph that sets the limit, cited in extension findings.
    package let paragraph: String?

    package init(max: Span, paragraph: String?) {
        self.max = max
        self.paragraph = paragraph
    }
}

/// One deadline rule judging one complaint.
private struct DeadlineJudgement {
    let terms: DeadlineTerms
    let context: EvaluationContext
    /// Judge the deadline's extensions (for an `extension-limit` rule) instead of the deadline.
    /// Each has its own rule, so a finding sits under the paragraph it breaches: an extension
    /// beyond the limit is not a late response.
    var judgesExtensions = false

    /// The date counting starts from, and how it was found.
    struct ResolvedAnchor {
        let start: CivilDate
        /// The anchor event; nil when it never happened.
        let event: EventRef?
        let anchor: Anchor
        /// When the anchor event never happened: the earliest day it could have (the day its own
        /// deadline ran from, such as the receipt) and that day's event. The Ombudsman counts
        /// from there; `start`, the last day allowed, is the reading kindest to the landlord.
        var earliest: (start: CivilDate, event: EventType)? = nil
        /// The anchor event never happened: its own due date stands in.
        var derived: Bool { event == nil }
    }

    // Events are found by the complaint's queries (`firstEvent`, `hasEvent`), which compare
    // plain values; an event object is fetched (`complaint[ref]`) only for a finding's place.

    /// Where the anchor's event was written, or where the complaint starts when there was none.
    private func location(of anchor: ResolvedAnchor) -> SourceLocation {
        anchor.event.map { context.complaint[$0].location } ?? context.complaint.location
    }

    func evaluate() throws(CalendarError) -> RuleEvaluation {
        let complaint = context.complaint
        let calendar = context.calendar
        guard let anchor = try resolve(terms.anchor, depth: 0) else { return context.evaluation(.notApplicable) }
        var due = try calendar.dueDate(after: anchor.start, terms.within)
        let originalDue = due
        var findings: [Finding] = []
        var onHold = false
        let stage = terms.stage
        // Most complaints have no hold or extension at the stage: then there is nothing to walk.
        let extendable = terms.event == .response
        let movesDeadline = { (key: EventKey) in key.stage == stage && (key.type == .hold || (key.type == .extension && extendable)) }
        let clockEvents = complaint.hasEvent(where: movesDeadline) ? complaint.events : []
        let stageEvents = clockEvents.lazy.filter { $0.details.stage == stage }  // lazily: no array for each rule

        // Holds and extensions at this stage, in date order (most complaints have none).
        var extensionUsed = 0
        var sawExtension = false
        var heldDays = 0  // working days added by agreed holds
        var extendedDays = 0  // working days added by extensions
        for event in stageEvents where event.type == .hold || (event.type == .extension && terms.event == .response) {
            if event.type == .hold {
                guard event.date <= due else { continue }
                guard event.details.agreed == true else {
                    if judgesExtensions { continue }
                    findings.append(
                        context.finding(
                            .breach,
                            "\(context.stageLabel(terms.stage))clock not stopped: the hold on \(event.date.longDescription) is not recorded as agreed with the resident, so the working days it covers still count",
                            severity: .warning, due: due, actual: event.date, at: event.location,
                            hint: "Record `agreed: true` on the hold if the resident agreed to it."))
                    continue
                }
                let resume = stageEvents.first { $0.type == .resume && $0.date >= event.date }
                let end = min(resume?.date ?? context.asOf, max(context.asOf, event.date))
                if resume == nil { onHold = true }
                let inside =
                    end > event.date ? try calendar.workingDays(from: event.date, to: end) - (try calendar.isWorkingDay(end) ? 1 : 0) : 0
                if inside > 0 {
                    due = try calendar.workingDay(inside, after: due)
                    heldDays += inside
                }
                continue
            }
            // An extension of the response deadline.
            guard let maxExtension = terms.extensionMax else { continue }
            sawExtension = true
            if event.date > due {
                if judgesExtensions {
                    findings.append(
                        context.finding(
                            .breach,
                            "\(context.stageLabel(terms.stage))extension notified on \(event.date.longDescription), after the response was already due on \(due.longDescription): it does not cure the late response",
                            anchor: anchorRef(anchor), due: due, actual: event.date, at: event.location,
                            hint: "Tell the resident about an extension before the response is due."))
                }
                continue
            }
            let requested: Int
            if let to = event.details.extendedTo {
                requested = max(0, try calendar.workingDays(from: due, to: to))
            } else {
                requested = event.details.extensionDays ?? 0
            }
            var granted = requested
            if event.details.goodReason != true, maxExtension.unit == .workingDays {
                let allowance = max(0, maxExtension.amount - extensionUsed)
                if requested > allowance {
                    granted = allowance
                    if judgesExtensions {
                        findings.append(
                            context.finding(
                                .breach,
                                "\(context.stageLabel(terms.stage))extension of \(requested) working days on \(event.date.longDescription) goes beyond the \(maxExtension) allowed without good reason; only \(allowance) counted",
                                due: due, actual: event.date, at: event.location,
                                hint:
                                    "Record `good-reason: true` and the reason if there was one; otherwise keep extensions within the limit."
                            )
                        )
                    }
                }
            }
            extensionUsed += granted
            if let to = event.details.extendedTo, granted == requested, to > due {
                extendedDays += try calendar.workingDays(from: due, to: to)
                due = to  // the date promised, within the limit (even a day the office is shut)
            } else if granted > 0 {
                due = try calendar.workingDay(granted, after: due)
                extendedDays += granted
            }
        }
        if judgesExtensions {
            guard sawExtension else { return context.evaluation(.notApplicable) }
            return context.evaluation(findings.isEmpty ? .compliant : .breach, findings)
        }

        // The event itself: the first at the stage. An acknowledgement is also given by a
        // response sent within the acknowledgement period.
        var actual = complaint.firstEvent(terms.event, stage: terms.stage)
        if actual == nil, terms.event == .acknowledged, let response = complaint.firstEvent(.response, stage: terms.stage),
            response.date <= due
        {
            actual = response
        }
        let actualDate = actual?.date
        // What moved the due date, said in the message: the resident should see which it was.
        let movedBy = Moves(extendedDays: extendedDays, heldDays: heldDays)
        let taken = actualDate.map { try? calendar.workingDays(from: anchor.start, to: $0) } ?? nil

        let timing = DeadlineTiming(anchor: anchor.start, due: due, actual: actualDate, workingDaysTaken: taken)
        // With no anchor recorded the deadline counts from the last day the anchor was allowed;
        // counted from the earliest day it could have been (as the Ombudsman counts), it falls
        // earlier. Between the two, the event is a possible breach: a warning giving both counts.
        let strictDue: CivilDate?
        if let earliest = anchor.earliest {
            let extra = due > originalDue ? try calendar.workingDays(from: originalDue, to: due) : 0
            strictDue = try calendar.workingDay(extra, after: try calendar.dueDate(after: earliest.start, terms.within))
        } else {
            strictDue = nil
        }
        func possibly(_ status: Finding.Status, on date: CivilDate, at location: SourceLocation) throws(CalendarError) -> Finding? {
            guard let strictDue, let earliest = anchor.earliest, date > strictDue else { return nil }
            let late = try calendar.lateness(due: strictDue, actual: date, unit: terms.within.unit)
            let taken = try calendar.workingDays(from: earliest.start, to: date)
            return context.finding(
                status,
                possibleMessage(
                    anchor: anchor, earliest: earliest, strictDue: strictDue, due: due, date: date, taken: taken, status: status),
                severity: .warning, anchor: Finding.AnchorRef(event: earliest.event.rawValue, date: earliest.start, derived: false),
                due: strictDue, actual: status == .breach ? date : nil, taken: taken, late: late, at: location,
                hint: "Record the \(anchor.anchor.event.noun) and its date: the count runs from it.")
        }
        if let actual, let actualDate {
            guard actualDate > due else {
                if let finding = try possibly(.breach, on: actualDate, at: complaint[actual].location) { findings.append(finding) }
                return context.evaluation(.compliant, findings, timing: timing)
            }
            let late = try calendar.lateness(due: due, actual: actualDate, unit: terms.within.unit)
            findings.append(
                context.finding(
                    .breach, message(anchor: anchor, due: due, originalDue: originalDue, movedBy: movedBy, actual: actualDate, late: late),
                    anchor: anchorRef(anchor), due: due, actual: actualDate, taken: taken, late: late,
                    at: complaint[actual].location))
            return context.evaluation(.breach, findings, timing: timing)
        }

        // Nothing happened yet: closed, pending or overdue.
        let stop = stopDate()
        if let stop, stop <= due {
            return context.evaluation(.notApplicable, findings, timing: timing)
        }
        // The complaint moved on without it (a response with no acknowledgement, an escalation
        // with no stage 1 response): the event will never come, so it is judged missed as of then.
        if let movedOn = movedOn(), stop.map({ movedOn.date < $0 }) ?? true {
            guard movedOn.date > due else { return context.evaluation(.notApplicable, findings, timing: timing) }
            let late = try calendar.lateness(due: due, actual: movedOn.date, unit: terms.within.unit)
            findings.append(
                context.finding(
                    .breach,
                    message(
                        anchor: anchor, due: due, originalDue: originalDue, movedBy: movedBy, actual: nil, late: late, movedOn: movedOn),
                    anchor: anchorRef(anchor), due: due, actual: nil, late: late, at: location(of: anchor)))
            return context.evaluation(.breach, findings, timing: timing)
        }
        let judgedOn = stop.map { min($0, context.asOf) } ?? context.asOf
        let left =
            due >= context.asOf
            ? try calendar.workingDays(from: context.asOf, to: due) : -(try calendar.workingDays(from: due, to: context.asOf))
        let open = OpenDeadline(
            event: terms.event, stage: terms.stage, due: due, onHold: onHold, workingDaysLeft: left, earliestDue: strictDue)
        if onHold || judgedOn <= due {
            let outcome: Outcome = findings.isEmpty ? .pending : .breach
            if !onHold, let finding = try possibly(.overdue, on: judgedOn, at: location(of: anchor)) { findings.append(finding) }
            return context.evaluation(outcome, findings, open: stop == nil ? open : nil, timing: timing)
        }
        let late = try calendar.lateness(due: due, actual: judgedOn, unit: terms.within.unit)
        let location = location(of: anchor)
        findings.append(
            context.finding(
                .overdue,
                message(anchor: anchor, due: due, originalDue: originalDue, movedBy: movedBy, actual: nil, late: late, closedOn: stop),
                anchor: anchorRef(anchor), due: due, actual: nil,
                taken: try calendar.workingDays(from: anchor.start, to: judgedOn), late: late, at: location))
        return context.evaluation(.breach, findings, open: stop == nil ? open : nil, timing: timing)
    }

    /// The later event that makes the awaited one moot: for an acknowledgement, the stage's
    /// first response; for a response, an escalation to (or any event at) a later stage, or a
    /// referral to the Ombudsman.
    func movedOn() -> EventRef? {
        let complaint = context.complaint
        let stage = terms.stage
        switch terms.event {
        case .acknowledged:
            return complaint.firstEvent(.response, stage: stage)
        case .response:
            return complaint.firstEvent {
                ($0.type == .escalationRequested && stage == 1) || $0.type == .referredToOmbudsman
                    || ($0.type.isStaged && ($0.stage ?? 0) > stage)
            }
        default:
            return nil
        }
    }

    /// The anchor's date; when the anchor event never happened, the due date of the pack's
    /// deadline for that event (so the landlord is held to the latest date it could have had).
    func resolve(_ anchor: Anchor, depth: Int) throws(CalendarError) -> ResolvedAnchor? {
        let complaint = context.complaint
        let stageFilter = (anchor.event == .complaintReceived || anchor.event == .escalationRequested) ? nil : anchor.stage
        if let found = complaint.firstEvent(anchor.event, stage: stageFilter) {
            let isReceipt = anchor.event == .complaintReceived || anchor.event == .escalationRequested
            // A cut-off time needs the event's time of day; otherwise its date is enough.
            let start =
                if isReceipt, let cutOff = context.cutOff {
                    try context.calendar.effectiveStart(of: complaint[found].moment, cutOff: cutOff)
                } else {
                    try context.calendar.workingDay(onOrAfter: found.date)
                }
            return ResolvedAnchor(start: start, event: found, anchor: anchor)
        }
        guard depth < 4, let other = context.pack.deadline(on: anchor.event, stage: anchor.stage),
            let upstream = try DeadlineJudgement(terms: other, context: context).resolve(other.anchor, depth: depth + 1)
        else { return nil }
        return ResolvedAnchor(
            start: try context.calendar.dueDate(after: upstream.start, other.within), event: nil, anchor: anchor,
            earliest: upstream.earliest ?? (upstream.start, upstream.anchor.event))
    }

    /// The date from which no deadline at this stage runs: withdrawal, exclusion, or (stage 2
    /// and later) a refused escalation.
    func stopDate() -> CivilDate? {
        let stage = terms.stage
        return context.complaint.firstEvent {
            $0.type == .withdrawn || $0.type == .excluded || ($0.type == .escalationRefused && stage >= 2)
        }?.date
    }

    /// A possible breach, with both counts: from the earliest day the anchor could have been,
    /// and from the last day it was allowed (which the record does not show).
    func possibleMessage(
        anchor: ResolvedAnchor, earliest: (start: CivilDate, event: EventType), strictDue: CivilDate, due: CivilDate, date: CivilDate,
        taken: Int, status: Finding.Status
    ) -> MessageText {
        let stage = context.stageLabel(terms.stage)
        let label = context.label.map { ", \($0)" } ?? ""
        let unit = terms.within.unit == .workingDays ? "working day" : "day"
        let what: MessageText =
            status == .breach ? "\(stage)\(terms.event.noun) possibly late" : "\(stage)\(terms.event.noun) possibly overdue"
        let when: MessageText = status == .breach ? "sent \(date.longDescription)" : "none recorded as of \(date.longDescription)"
        var text: MessageText =
            "\(what): \(when), \(taken) \(unit)\(taken == 1 ? "" : "s") after \(earliest.event.noun) (\(earliest.start.longDescription)); "
        text += "due \(strictDue.longDescription) counted from then (\(terms.within) from \(terms.anchor.event.noun)\(label)), "
        text +=
            "or \(due.longDescription) only if the \(anchor.anchor.event.noun) was sent on the last day allowed, \(anchor.start.longDescription), "
        text += "which is not recorded"
        return text
    }

    func anchorRef(_ anchor: ResolvedAnchor) -> Finding.AnchorRef {
        Finding.AnchorRef(event: anchor.anchor.event.rawValue, date: anchor.start, derived: anchor.derived)
    }

    /// The working days extensions and holds added to a deadline, for its message.
    struct Moves {
        let extendedDays: Int
        let heldDays: Int

        /// "an extension of 5 working days and a hold of 2 working days"; "an extension" when
        /// the date moved to a named day without adding working days.
        var text: MessageText {
            switch (extendedDays > 0, heldDays > 0) {
            case (true, true):
                "an extension of \(Span(extendedDays, .workingDays)) and a hold of \(Span(heldDays, .workingDays))"
            case (true, false): "an extension of \(Span(extendedDays, .workingDays))"
            case (false, true): "a hold of \(Span(heldDays, .workingDays))"
            case (false, false): "an extension"
            }
        }
    }

    func message(
        anchor: ResolvedAnchor, due: CivilDate, originalDue: CivilDate, movedBy: Moves, actual: CivilDate?, late: Int,
        closedOn: CivilDate? = nil, movedOn: EventRef? = nil
    ) -> MessageText {
        let stage = context.stageLabel(terms.stage)
        let what: MessageText =
            terms.event == .acknowledged
            ? "\(stage)complaint not acknowledged\(actual == nil && movedOn != nil ? "" : " in time")"
            : "\(stage)\(terms.event.noun) \(actual == nil && movedOn != nil ? "not sent" : "late")"
        var anchorText: MessageText
        if let event = anchor.event {
            anchorText =
                "\(anchor.anchor.event == .complaintReceived ? "received" : anchor.anchor.event.noun) \(long: event.date)"
            if anchor.start != event.date { anchorText += " (counted from \(long: anchor.start))" }
        } else {
            anchorText = "no \(anchor.anchor.event.noun) recorded, so counted from the day it was due, \(long: anchor.start)"
        }
        let label = context.label.map { ", \($0)" } ?? ""
        var text: MessageText =
            "\(what): \(anchorText); due \(long: due) (\(terms.within) from \(terms.anchor.event.noun)\(label)"
        // An extension to a named day that is not a working day adds no working days, yet moves the date.
        if due != originalDue { text += ", moved from \(long: originalDue) by \(movedBy.text)" }
        text += ")"
        let unit = terms.within.unit == .workingDays ? "working day" : "day"
        if let actual {
            text += "; sent \(long: actual), \(late) \(unit)\(late == 1 ? "" : "s") late"
        } else if let movedOn {
            let what: MessageText =
                movedOn.type == .response
                ? "the \(context.stageLabel(movedOn.stage))response" : "the \(context.stageLabel(movedOn.stage))\(movedOn.type.noun)"
            text +=
                "; none recorded before \(what) on \(long: movedOn.date), \(late) \(unit)\(late == 1 ? "" : "s") after it was due"
        } else if let closedOn {
            text +=
                "; none recorded before the complaint was closed on \(long: closedOn), \(late) \(unit)\(late == 1 ? "" : "s") after the due date"
        } else {
            text +=
                "; no \(terms.event.noun) recorded as of \(long: context.asOf), \(late) \(unit)\(late == 1 ? "" : "s") overdue"
        }
        return text
    }
}

import CHCIngest
import CHCModel
import WorkingDays
import Yams

/// `hazard-deadline`: a hazard case's time limit under Awaab's Law — something the landlord
/// must do within a time of an earlier step (becoming aware of the hazard, the investigation
/// concluding), for hazards of one risk whose kind the pack covers on the day the landlord
/// became aware.
///
/// Hours run through nights, weekends and bank holidays, from the time the landlord became
/// aware; when a time is not recorded, only a step that is late whatever the times were is a
/// breach. A delay the resident caused does not stop the clock (the Regulations have no
/// pause), but a late step after one is a warning to review, not an error: the landlord may
/// show it took all reasonable steps.
package final class HazardDeadlineCheck: CheckKind {
    package static let name = "hazard-deadline"
    package static let summary =
        "For a hazard case of one risk: an event (or any of several) within a time of an earlier one — hours through weekends, or working days."
    package static let example =
        "{ risk: emergency, event: [made-safe, alternative-accommodation-accepted], from: became-aware, within: 24 hours }"

    /// `emergency` or `significant`.
    package let risk: String
    /// What must happen; the first of them to happen meets the limit.
    package let events: [EventType]
    /// What the time runs from.
    package let from: EventType
    package let within: Span
    /// Applies only when the investigation found a hazard (or did not say it found none).
    package let onlyIfHazardFound: Bool
    /// Judges the event only when it is recorded: for work the timeline cannot tell is needed.
    package let onlyWhenRecorded: Bool

    package init(risk: String, events: [EventType], from: EventType, within: Span, onlyIfHazardFound: Bool, onlyWhenRecorded: Bool) {
        self.risk = risk
        self.events = events
        self.from = from
        self.within = within
        self.onlyIfHazardFound = onlyIfHazardFound
        self.onlyWhenRecorded = onlyWhenRecorded
    }

    package static func read(_ node: Node, reader: YAMLReader) -> HazardDeadlineCheck? {
        guard
            let fields = reader.fields(node, "`\(name)`", allowed: ["risk", "event", "from", "within", "if-hazard-found", "when-recorded"])
        else {
            return nil
        }
        for required in ["risk", "event", "from", "within"] where !fields.has(required) {
            reader.report(node, "`\(name)` needs `\(required)`")
        }
        let hazardEvents = EventType.allCases.filter(\.isHazardEvent).map(\.rawValue)
        let risk = reader.choice(fields["risk"], "risk", among: TimelineYAML.risks)
        let eventNames: [String]? =
            if case .sequence = fields["event"] { reader.stringList(fields["event"], "`event`") } else {
                reader.string(fields["event"], "`event`").map { [$0] }
            }
        var events: [EventType] = []
        for name in eventNames ?? [] {
            guard let type = EventType(rawValue: name), type.isHazardEvent else {
                reader.report(fields["event"], "unknown hazard event `\(name)`" + didYouMean(name, among: hazardEvents))
                continue
            }
            events.append(type)
        }
        let from = reader.choice(fields["from"], "hazard event", among: hazardEvents).flatMap(EventType.init(rawValue:))
        let within = reader.span(fields["within"], "`within`")
        let onlyIfHazardFound = fields["if-hazard-found"].flatMap { reader.bool($0, "`if-hazard-found`") } ?? false
        let onlyWhenRecorded = fields["when-recorded"].flatMap { reader.bool($0, "`when-recorded`") } ?? false
        guard let risk, !events.isEmpty, events.count == eventNames?.count, let from, let within else { return nil }
        return HazardDeadlineCheck(
            risk: risk, events: events, from: from, within: within, onlyIfHazardFound: onlyIfHazardFound, onlyWhenRecorded: onlyWhenRecorded
        )
    }

    package var subject: CheckSubject { CheckSubject(event: events[0], stage: nil) }
    package var parameters: String {
        "\(risk) hazards: \(events.map(\.rawValue).joined(separator: " or ")) within \(within) of \(from.rawValue)"
            + (onlyIfHazardFound ? ", if the investigation found a hazard" : "") + (onlyWhenRecorded ? ", judged when recorded" : "")
    }

    package func evaluate(in context: EvaluationContext) throws(CalendarError) -> RuleEvaluation {
        let hazardCase = context.complaint
        guard hazardCase.isHazardCase else { return context.evaluation(.notApplicable) }
        // The risk as last assessed: at awareness, or as the investigation found it.
        guard let (caseRisk, _) = hazardCase.hazardRisk else {
            return context.evaluation(
                .notEvaluable,
                [
                    context.finding(
                        .notEvaluable, "cannot tell which time limits apply: the case records no `risk` (emergency or significant)",
                        severity: .note, hint: "Record `risk: emergency` or `risk: significant` on the became-aware event.")
                ])
        }
        // The emergency limit applies once any assessment (the report, or the investigation)
        // found an emergency, and runs from it; the others apply to the risk as last assessed.
        let emergencyFound = hazardCase.events.first {
            ($0.type == .becameAware || $0.type == .investigationConcluded) && $0.details.risk == "emergency"
        }
        if risk == "emergency" {
            guard emergencyFound != nil else { return context.evaluation(.notApplicable) }
        } else {
            guard caseRisk == risk else { return context.evaluation(.notApplicable) }
        }
        guard let aware = hazardCase.firstEvent(.becameAware) else { return context.evaluation(.notApplicable) }
        if let gap = coverageGap(kind: hazardCase.category, on: aware.date, pack: context.pack) {
            // Not covered (yet): nothing to judge. A kind not recorded, or not known: cannot tell.
            return context.evaluation(
                gap.known ? .notApplicable : .notEvaluable, [context.finding(.notEvaluable, gap.text, severity: .note, hint: "")])
        }
        if onlyIfHazardFound, hazardCase.events.contains(where: { $0.type == .investigationConcluded && $0.details.hazardFound == false }) {
            return context.evaluation(.notApplicable)
        }
        guard let anchorRef = hazardCase.firstEvent(from) else { return context.evaluation(.notApplicable) }
        // An emergency first found by the investigation is known to be one from then: the 24
        // hours run from that finding, not from the report.
        let anchor = risk == "emergency" && from == .becameAware ? emergencyFound ?? hazardCase[anchorRef] : hazardCase[anchorRef]
        let calendar = context.calendar
        // The first of the awaited events, by time where the timeline gives one (the same day's
        // events are otherwise in the order written).
        let target = hazardCase.events.filter { events.contains($0.type) && $0.date >= anchor.date }
            .min { ($0.date, $0.moment.ukInstant ?? 0) < ($1.date, $1.moment.ukInstant ?? 0) }
        if target == nil, onlyWhenRecorded { return context.evaluation(.notApplicable) }
        let delay = hazardCase.events.first {
            $0.type == .residentDelay && $0.date >= anchor.date && $0.date <= (target?.date ?? context.asOf)
        }
        let due = try calendar.dueDate(after: anchor.date, within)
        let what = "\(risk) hazard: \(events[0].awaited)"
        let ref = Finding.AnchorRef(event: anchor.type.rawValue, date: anchor.date, derived: false)

        if within.unit == .hours {
            return try judgeHours(context, anchor: anchor, target: target, delay: delay, what: what, ref: ref)
        }
        let taken = try target.map { event throws(CalendarError) in try calendar.workingDays(from: anchor.date, to: event.date) }
        let timing = DeadlineTiming(anchor: anchor.date, due: due, actual: target?.date, workingDaysTaken: taken)
        if let target {
            guard target.date > due else { return context.evaluation(.compliant, timing: timing) }
            let late = try calendar.lateness(due: due, actual: target.date, unit: within.unit)
            return context.evaluation(
                .breach,
                [
                    lateFinding(
                        context,
                        "\(what) late: \(anchor.type.happened) \(anchor.moment.longDescription); due \(due.longDescription) (\(within)); "
                            + "\(target.type.happened) \(target.moment.longDescription), \(late) \(unitName(late)) late",
                        delay: delay, ref: ref, due: due, actual: target.date, taken: taken, late: workingDaysOnly(late),
                        at: target.location)
                ], timing: timing)
        }
        let left =
            due >= context.asOf
            ? try calendar.workingDays(from: context.asOf, to: due) : -(try calendar.workingDays(from: due, to: context.asOf))
        let open = OpenDeadline(event: events[0], stage: 0, due: due, onHold: false, workingDaysLeft: left)
        guard context.asOf > due else { return context.evaluation(.pending, open: open, timing: timing) }
        let late = try calendar.lateness(due: due, actual: context.asOf, unit: within.unit)
        return context.evaluation(
            .breach,
            [
                lateFinding(
                    context,
                    "\(what) overdue: \(anchor.type.happened) \(anchor.moment.longDescription); due \(due.longDescription) (\(within)); "
                        + "none recorded as of \(context.asOf.longDescription), \(late) \(unitName(late)) overdue",
                    status: .overdue, delay: delay, ref: ref, due: due, actual: nil, taken: nil, late: workingDaysOnly(late),
                    at: anchor.location)
            ], open: open, timing: timing)
    }

    /// An hours-long limit, counted between instants. With a date and no time, a step is late
    /// only if it is late whatever the times were (the reading that favours the landlord).
    private func judgeHours(
        _ context: EvaluationContext, anchor: TimelineEvent, target: TimelineEvent?, delay: TimelineEvent?, what: String,
        ref: Finding.AnchorRef
    ) throws(CalendarError) -> RuleEvaluation {
        let limit = within.amount * 3_600
        // The earliest and latest instant each could have been (a whole day when no time is given).
        func range(_ moment: Moment) -> (Int, Int) {
            if let instant = moment.ukInstant { return (instant, instant) }
            // A day is 23 or 25 hours long when the clocks change: up to the next midnight.
            let start = Moment(date: moment.date, secondsOfDay: 0).ukInstant!
            let next = Moment(date: moment.date.adding(days: 1), secondsOfDay: 0).ukInstant!
            return (start, next - 1)
        }
        let (awareEarliest, awareLatest) = range(anchor.moment)
        let dueAt = Moment(ukClockAt: awareLatest + limit)
        let dueText = anchor.moment.secondsOfDay == nil ? "by the end of \(dueAt.date.longDescription)" : dueAt.longDescription
        let timing = DeadlineTiming(anchor: anchor.date, due: dueAt.date, actual: target?.date, workingDaysTaken: nil)
        let howLong = "\(within), through nights, weekends and bank holidays"
        if let target {
            let (doneEarliest, doneLatest) = range(target.moment)
            if doneLatest - awareEarliest <= limit { return context.evaluation(.compliant, timing: timing) }
            guard doneEarliest - awareLatest > limit else {
                return context.evaluation(
                    .notEvaluable,
                    [
                        context.finding(
                            .notEvaluable,
                            "cannot tell whether the \(events[0].awaited) was within \(within): \(anchor.type.happened) \(anchor.moment.longDescription), \(target.type.happened) \(target.moment.longDescription), and the times are not both recorded",
                            severity: .note, at: target.location, hint: "Record the time of each step (e.g. `2025-11-07T17:30`).")
                    ], timing: timing)
            }
            let late = doneEarliest - awareLatest - limit
            // With a date and no time, the least it can have been late by.
            let exact = anchor.moment.secondsOfDay != nil && target.moment.secondsOfDay != nil
            return context.evaluation(
                .breach,
                [
                    lateFinding(
                        context,
                        "\(what) late: \(anchor.type.happened) \(anchor.moment.longDescription); due \(dueText) (\(howLong)); "
                            + "\(target.type.happened) \(target.moment.longDescription), \(exact ? "" : "at least ")\(hoursAndMinutes(late)) late",
                        delay: delay, ref: ref, due: dueAt.date, actual: target.date, taken: nil, late: nil, at: target.location)
                ], timing: timing)
        }
        // Not done yet: overdue once the limit ran out before the run's day — one running out that
        // day is due that day, as a working-day deadline is (`chc due` counts its hours left).
        let open = OpenDeadline(
            event: events[0], stage: 0, due: dueAt.date, onHold: false,
            workingDaysLeft: dueAt.date >= context.asOf ? 0 : -1, dueAt: dueAt)
        guard dueAt.date < context.asOf else { return context.evaluation(.pending, open: open, timing: timing) }
        return context.evaluation(
            .breach,
            [
                lateFinding(
                    context,
                    "\(what) overdue: \(anchor.type.happened) \(anchor.moment.longDescription); due \(dueText) (\(howLong)); "
                        + "none recorded as of \(context.asOf.longDescription)",
                    status: .overdue, delay: delay, ref: ref, due: dueAt.date, actual: nil, taken: nil, late: nil, at: anchor.location)
            ], open: open, timing: timing)
    }

    /// A late or overdue step: an error, or a warning to review when the resident caused a delay.
    private func lateFinding(
        _ context: EvaluationContext, _ message: String, status: Finding.Status = .breach, delay: TimelineEvent?,
        ref: Finding.AnchorRef, due: CivilDate, actual: CivilDate?, taken: Int?, late: Int?, at location: SourceLocation
    ) -> Finding {
        guard let delay else {
            return context.finding(status, message, anchor: ref, due: due, actual: actual, taken: taken, late: late, at: location)
        }
        let reason = delay.details.reason.map { " (\($0))" } ?? ""
        return context.finding(
            status,
            message + "; a delay caused by the resident is recorded on \(delay.date.longDescription)\(reason): the time limit still ran, "
                + "but the landlord may show it took all reasonable steps",
            severity: .warning, anchor: ref, due: due, actual: actual, taken: taken, late: late, at: location,
            hint: "Keep the record of each attempt (dates, letters, calls): it is what shows the reasonable steps taken.")
    }

    /// Why the pack's limits do not reach a hazard of this kind at this risk, noticed on `date`,
    /// and whether that is known (not covered) or not (the kind missing or unknown); nil when
    /// they do reach it.
    private func coverageGap(kind: String?, on date: CivilDate, pack: RulePack) -> (text: String, known: Bool)? {
        let covered = { (coverage: HazardCoverage?) -> Bool in
            if case .from(let start)? = coverage { return start <= date }
            return false
        }
        guard let kind else {
            // No kind recorded: judged only when every kind the pack ever covers at this risk
            // (crowding and space never is) is covered on the day.
            if pack.hazards.values.allSatisfy({ $0[risk] == nil || covered($0[risk]) }) { return nil }
            return (
                "cannot tell whether \(risk) hazards of this kind were covered on \(date.longDescription): the case records no `category` (the kind of hazard)",
                false
            )
        }
        guard let coverage = pack.hazards[kind] else {
            return ("`\(kind)` is not a kind of hazard \(pack.id) knows" + didYouMean(kind, among: pack.hazards.keys.sorted()), false)
        }
        switch coverage[risk] {
        case .from(let start)? where start <= date: return nil
        case .from(let start)?:
            return ("\(risk) hazards of \(kind) are covered from \(start.longDescription), after this one was reported", true)
        case .announced(let when)?: return ("\(risk) hazards of \(kind) are not covered yet (\(when))", true)
        case nil: return ("\(risk) hazards of \(kind) are not covered by \(pack.id)", true)
        }
    }

    /// `late` for a finding's working-days field: nil when the limit is not in working days.
    private func workingDaysOnly(_ late: Int) -> Int? { within.unit == .workingDays ? late : nil }

    private func unitName(_ n: Int) -> String {
        (within.unit == .workingDays ? "working day" : "day") + (n == 1 ? "" : "s")
    }

    private func hoursAndMinutes(_ seconds: Int) -> String {
        let minutes = (seconds + 59) / 60
        let h = minutes / 60
        let m = minutes % 60
        return (h > 0 ? "\(h) hour\(h == 1 ? "" : "s")" : "") + (h > 0 && m > 0 ? " " : "")
            + (m > 0 || h == 0 ? "\(m) minute\(m == 1 ? "" : "s")" : "")
    }
}

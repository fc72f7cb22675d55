import CHCChecks
import CHCIngest
import CHCModel
import Foundation
import WorkingDays

/// The board's picture of complaint handling over a reporting period: how often each rule was
/// met, the Regulator of Social Housing's Tenant Satisfaction Measures CH01 and CH02, the
/// monthly trend, categories, and how long open complaints have waited.
package struct PerformanceReport: Sendable, Encodable {
    package struct RuleRate: Sendable, Encodable {
        package let rule: String
        package let pack: String
        package let paragraph: String
        package let summary: String
        /// Complaints for which the rule could be judged (met or breached).
        package let evaluated: Int
        package let compliant: Int
        package let breached: Int
        package let notEvaluable: Int
        package let pending: Int
        /// compliant ÷ evaluated, or nil when nothing could be evaluated.
        let rate: Double?
    }

    package struct TSM: Sendable, Encodable {
        let stage1Complaints: Int
        let stage2Complaints: Int
        package let homes: Int?
        /// CH01: complaints received per 1,000 homes (nil without --homes).
        let ch01Stage1: Double?
        let ch01Stage2: Double?
        /// CH02: share of complaints responded to within the Code's timescales.
        let stage1Responded: Int
        let stage1RespondedInTime: Int
        let ch02Stage1: Double?
        let stage2Responded: Int
        let stage2RespondedInTime: Int
        let ch02Stage2: Double?
        package let definition: String
    }

    package struct Month: Sendable, Encodable {
        package let month: String
        package let received: Int
        package let escalated: Int
        let stage1Responded: Int
        let stage1InTime: Int
        let stage2Responded: Int
        let stage2InTime: Int
        package let breaches: Int
    }

    package struct Category: Sendable, Encodable {
        package let category: String
        package let complaints: Int
        let withBreach: Int
        package let breaches: Int
    }

    package struct Ageing: Sendable, Encodable {
        package let bucket: String
        package let open: Int
    }

    package let from: CivilDate
    package let to: CivilDate
    package let asOf: CivilDate
    /// The landlord: the policy's, or the one every complaint in the period that names a landlord
    /// names (nil when none does, or when they name different ones).
    package let landlord: String?
    package let complaints: Int
    /// In the Code's paragraph order (`paragraphOrder`), the Code's rules before a policy's.
    package let rules: [RuleRate]
    let tsm: TSM
    package let months: [Month]
    package let categories: [Category]
    let openAgeing: [Ageing]
    package let inputErrors: Int
    /// Events dated after the as-of date, left out as if the export had been taken then.
    package let eventsAfterAsOf: Int
    /// Hazard cases (Awaab's Law), apart from the complaints: nil when the run had none.
    package var hazards: Hazards? = nil
    /// Cases read but received (or reported) outside the period, so not in its figures: said,
    /// so that a report of an export's wrong year is not taken for a quiet one.
    package var outsidePeriod = 0

    /// Hazard cases the landlord became aware of in the period, each time limit's on-time rate,
    /// and open cases by working days since the landlord became aware (as of the run).
    package struct Hazards: Sendable, Encodable {
        package let cases: Int
        package let emergency: Int
        package let significant: Int
        package let rules: [RuleRate]
        package let openAgeing: [Ageing]
    }

    /// The financial year (1 April – 31 March) containing `date`.
    package static func financialYear(containing date: CivilDate) -> (from: CivilDate, to: CivilDate) {
        let (y, m, _) = date.parts
        let start = m >= 4 ? y : y - 1
        return (CivilDate(year: start, month: 4, day: 1)!, CivilDate(year: start + 1, month: 3, day: 31)!)
    }

    /// Builds the report from a collected run (see `Accumulator` for a streamed one).
    package init(
        report: CheckReport, from: CivilDate, to: CivilDate, homes: Int?,
        calendar: @escaping @Sendable (ComplaintResult) -> WorkingDayCalendar
    ) {
        var accumulator = Accumulator(from: from, to: to, asOf: report.asOf, homes: homes, calendar: calendar)
        for (_, result) in report.results { accumulator.add(result) }
        self = accumulator.finish(inputErrors: report.summary.inputErrors)
    }

    package init(
        from: CivilDate, to: CivilDate, asOf: CivilDate, landlord: String? = nil, complaints: Int, rules: [RuleRate], tsm: TSM,
        months: [Month], categories: [Category], openAgeing: [Ageing], inputErrors: Int, eventsAfterAsOf: Int = 0
    ) {
        self.from = from
        self.to = to
        self.asOf = asOf
        self.landlord = landlord
        self.complaints = complaints
        self.rules = rules
        self.tsm = tsm
        self.months = months
        self.categories = categories
        self.openAgeing = openAgeing
        self.inputErrors = inputErrors
        self.eventsAfterAsOf = eventsAfterAsOf
    }

    package static let definition =
        "CH01: stage 1 complaints received in the period (and stage 2 escalations requested in it) per 1,000 homes. CH02: of the complaints received (stage 1) or escalated (stage 2) in the period that have been responded to, the share whose response met the Code's response deadline for that stage, counted from the acknowledgement, with extensions inside the Code's limits counted as in time. The Regulator's Technical Requirements were not read: the wording is inferred from the measures' names and landlords' published reports."

    /// Adds complaints one at a time (complaints received between `from` and `to`, inclusive;
    /// stage 2 counts use escalation requests in the period), keeping only totals.
    package struct Accumulator: Sendable {
        package let from: CivilDate, to: CivilDate, asOf: CivilDate, homes: Int?
        package let calendar: @Sendable (ComplaintResult) -> WorkingDayCalendar
        package var complaints = 0, escalated = 0
        /// Every complaint read, whenever received (a run that read none is an error).
        package private(set) var found = 0
        /// Events dated after the as-of date, left out.
        var eventsAfterAsOf = 0
        /// The first landlord named by a complaint in the period, and whether another was named.
        var landlord: String?
        var severalLandlords = false
        /// Each rule's tally, in order of first appearance: a rule is found by comparing pointers,
        /// first at the place its evaluation had (a pack's rules come in the same order for every
        /// complaint), with no hashing.
        var tallyList: [Tally] = []
        package typealias Tally = (rule: Rule, pack: String, compliant: Int, breached: Int, notEvaluable: Int, pending: Int)
        var s1 = 0, s1InTime = 0, s2 = 0, s2InTime = 0
        /// By month, from the month of `from` on (`monthKey` − `firstMonth`): every month of the
        /// period is reported, so the list is made whole at the start and nothing is hashed.
        package var monthly: [MonthTally]
        let firstMonth: Int
        package typealias MonthTally = (received: Int, escalated: Int, s1: Int, s1InTime: Int, s2: Int, s2InTime: Int, breaches: Int)
        static let noMonth: MonthTally = (0, 0, 0, 0, 0, 0, 0)
        var byCategory: [String: (Int, Int, Int)] = [:]
        package static let buckets = [(0, 10, "0–10"), (11, 20, "11–20"), (21, 40, "21–40"), (41, 60, "41–60"), (61, Int.max, "over 60")]
        package var ageing = [Int](repeating: 0, count: buckets.count)
        /// Hazard cases, counted apart: in the period (by the day the landlord became aware), by
        /// risk, each time limit's tally, and the open ones by age.
        var hazardCases = 0, emergencyHazards = 0, significantHazards = 0, hazardsSeen = 0
        var hazardTallyList: [Tally] = []
        var hazardAgeing = [Int](repeating: 0, count: buckets.count)

        package init(
            from: CivilDate, to: CivilDate, asOf: CivilDate, homes: Int?,
            calendar: @escaping @Sendable (ComplaintResult) -> WorkingDayCalendar
        ) {
            self.from = from
            self.to = to
            self.asOf = asOf
            self.homes = homes
            self.calendar = calendar
            firstMonth = Self.monthKey(from)
            monthly = Array(repeating: Self.noMonth, count: max(0, Self.monthKey(to) - firstMonth + 1))
        }

        func inPeriod(_ date: CivilDate?) -> Bool { date.map { $0 >= from && $0 <= to } ?? false }
        package static func month(_ date: CivilDate) -> String { String(date.description.prefix(7)) }
        static func monthKey(_ date: CivilDate) -> Int {
            let (year, month, _) = date.parts
            return year * 12 + month - 1
        }

        /// Where in the evaluations the Code pack's response deadline for the stage is (CH02 uses it).
        static func responseEvaluation(_ evaluations: [RuleEvaluation], stage: Int) -> Int? {
            evaluations.indices.first { evaluations[$0].rule.codeResponseStage == stage }
        }

        /// Adds one complaint's result to the totals.
        package mutating func add(_ result: ComplaintResult) {
            found += 1
            eventsAfterAsOf += result.eventsAfterAsOf
            guard result.isJudged else { return }  // received after the as-of date
            let complaint = result.complaint
            let evaluations = result.evaluations
            if complaint.isHazardCase { return addHazard(result) }
            if let receivedOn = complaint.receivedDate, inPeriod(receivedOn) {
                complaints += 1
                if let named = complaint.landlord, !named.isEmpty { noteLandlord(named) }
                var breaches = 0
                // By index, reading fields in place: copying each evaluation counted references
                // to its rule, pack and findings.
                for i in evaluations.indices where evaluations[i].outcome != .notApplicable {
                    // Each finding's two fields read in place (`reduce`, or even `isBreach` on an
                    // element, copied the finding, strings and all).
                    var count = 0
                    for j in evaluations[i].findings.indices {
                        let status = evaluations[i].findings[j].status
                        let severity = evaluations[i].findings[j].severity
                        if Finding.isBreach(status: status, severity: severity) { count += 1 }
                    }
                    breaches += count
                    Self.tally(
                        &tallyList, evaluations[i].rule, pack: evaluations[i].pack, evaluations[i].outcome, breached: count > 0, hint: i)
                }
                let month = Self.monthKey(receivedOn) - firstMonth
                var m = monthly[month]
                m.received += 1
                m.breaches += breaches
                if let i = Self.responseEvaluation(evaluations, stage: 1), evaluations[i].timing?.actual != nil {
                    s1 += 1
                    m.s1 += 1
                    if evaluations[i].outcome == .compliant {
                        s1InTime += 1
                        m.s1InTime += 1
                    }
                }
                monthly[month] = m
                // Changed in place: the name is hashed once.
                func count(_ category: inout (Int, Int, Int)) {
                    category.0 += 1
                    category.1 += breaches > 0 ? 1 : 0
                    category.2 += breaches
                }
                count(&byCategory[complaint.category ?? "(none)", default: (0, 0, 0)])
            }
            if let escalation = complaint.first(.escalationRequested)?.date, inPeriod(escalation) {
                escalated += 1
                let month = Self.monthKey(escalation) - firstMonth
                var m = monthly[month]
                m.escalated += 1
                if let i = Self.responseEvaluation(evaluations, stage: 2), evaluations[i].timing?.actual != nil {
                    s2 += 1
                    m.s2 += 1
                    if evaluations[i].outcome == .compliant {
                        s2InTime += 1
                        m.s2InTime += 1
                    }
                }
                monthly[month] = m
            }
            // Open complaints (any open deadline) by working days since receipt, as of the run.
            if evaluations.indices.contains(where: { evaluations[$0].openDeadline != nil }), let receivedOn = complaint.receivedDate,
                let age = try? calendar(result).workingDays(from: receivedOn, to: asOf),
                let bucket = Self.buckets.firstIndex(where: { age >= $0.0 && age <= $0.1 })
            {
                ageing[bucket] += 1
            }
        }

        private mutating func noteLandlord(_ named: String) {
            if let landlord {
                if !severalLandlords && named != landlord { severalLandlords = true }
            } else {
                landlord = named
            }
        }

        /// Adds one hazard case: counted apart from complaints, by the day the landlord became aware.
        private mutating func addHazard(_ result: ComplaintResult) {
            let hazard = result.complaint
            let evaluations = result.evaluations
            hazardsSeen += 1
            if let aware = hazard.receivedDate, inPeriod(aware) {
                hazardCases += 1
                let risk = hazard.hazardRisk?.risk
                if risk == "emergency" { emergencyHazards += 1 } else if risk == "significant" { significantHazards += 1 }
                for i in evaluations.indices where evaluations[i].outcome != .notApplicable {
                    let breached = evaluations[i].findings.contains { $0.isBreach }
                    Self.tally(
                        &hazardTallyList, evaluations[i].rule, pack: evaluations[i].pack, evaluations[i].outcome, breached: breached,
                        hint: i)
                }
            }
            if evaluations.contains(where: { $0.openDeadline != nil }), let aware = hazard.receivedDate,
                let age = try? calendar(result).workingDays(from: aware, to: asOf),
                let bucket = Self.buckets.firstIndex(where: { age >= $0.0 && age <= $0.1 })
            {
                hazardAgeing[bucket] += 1
            }
        }

        /// Counts one rule's outcome in `list` (a breach only when it has a breach finding).
        private static func tally(_ tallyList: inout [Tally], _ rule: Rule, pack: String, _ outcome: Outcome, breached: Bool, hint: Int) {
            let slot: Int
            if hint < tallyList.count, tallyList[hint].rule === rule {
                slot = hint
            } else if let known = tallyList.firstIndex(where: { $0.rule === rule }) {
                slot = known
            } else {
                slot = tallyList.count
                tallyList.append((rule, pack, 0, 0, 0, 0))
            }
            switch outcome {
            case .compliant: tallyList[slot].compliant += 1
            case .breach:
                if breached { tallyList[slot].breached += 1 } else { tallyList[slot].compliant += 1 }
            case .notEvaluable: tallyList[slot].notEvaluable += 1
            case .pending: tallyList[slot].pending += 1
            case .notApplicable: break
            }
        }

        /// Adds another accumulator's totals (one checking thread's share; same settings).
        package mutating func merge(_ other: Accumulator) {
            found += other.found
            complaints += other.complaints
            eventsAfterAsOf += other.eventsAfterAsOf
            if let named = other.landlord { noteLandlord(named) }
            severalLandlords = severalLandlords || other.severalLandlords
            escalated += other.escalated
            s1 += other.s1
            s1InTime += other.s1InTime
            s2 += other.s2
            s2InTime += other.s2InTime
            // A rule in both lists is counted together by `finish`, which merges tallies by id.
            tallyList += other.tallyList
            for (key, m) in other.monthly.enumerated() {
                var sum = monthly[key]
                sum.received += m.received
                sum.escalated += m.escalated
                sum.s1 += m.s1
                sum.s1InTime += m.s1InTime
                sum.s2 += m.s2
                sum.s2InTime += m.s2InTime
                sum.breaches += m.breaches
                monthly[key] = sum
            }
            for (key, c) in other.byCategory {
                let sum = byCategory[key] ?? (0, 0, 0)
                byCategory[key] = (sum.0 + c.0, sum.1 + c.1, sum.2 + c.2)
            }
            for bucket in ageing.indices { ageing[bucket] += other.ageing[bucket] }
            hazardsSeen += other.hazardsSeen
            hazardCases += other.hazardCases
            emergencyHazards += other.emergencyHazards
            significantHazards += other.significantHazards
            hazardTallyList += other.hazardTallyList
            for bucket in hazardAgeing.indices { hazardAgeing[bucket] += other.hazardAgeing[bucket] }
        }

        /// Each rule's rate, tallies of the same id counted together (the same rule loaded twice,
        /// or a checking thread's own copy of it, `Checker.replica`); the Code's rules in
        /// paragraph order, then a policy's.
        static func rates(_ tallyList: [Tally]) -> [RuleRate] {
            var tallies: [String: Tally] = [:]
            for t in tallyList {
                let id = t.rule.id
                if let old = tallies[id] {
                    tallies[id] = (
                        old.rule, old.pack, old.compliant + t.compliant, old.breached + t.breached,
                        old.notEvaluable + t.notEvaluable, old.pending + t.pending
                    )
                } else {
                    tallies[id] = t
                }
            }
            let ordered = tallies.values.sorted { a, b in
                a.rule.isPolicy != b.rule.isPolicy ? !a.rule.isPolicy : PerformanceReport.paragraphOrder(a.rule.id, b.rule.id)
            }
            return ordered.map { t in
                let evaluated = t.compliant + t.breached
                return RuleRate(
                    rule: t.rule.id, pack: t.pack, paragraph: t.rule.paragraph, summary: t.rule.summary, evaluated: evaluated,
                    compliant: t.compliant, breached: t.breached, notEvaluable: t.notEvaluable, pending: t.pending,
                    rate: evaluated == 0 ? nil : Double(t.compliant) / Double(evaluated))
            }
        }

        /// The report; `landlord` (a policy's) names the landlord instead of the complaints.
        package func finish(inputErrors: Int, landlord policyLandlord: String? = nil) -> PerformanceReport {
            let rules = Self.rates(tallyList)
            func perThousand(_ n: Int) -> Double? { homes.map { $0 > 0 ? Double(n) / Double($0) * 1000 : 0 } }
            let tsm = TSM(
                stage1Complaints: complaints, stage2Complaints: escalated, homes: homes,
                ch01Stage1: perThousand(complaints), ch01Stage2: perThousand(escalated),
                stage1Responded: s1, stage1RespondedInTime: s1InTime, ch02Stage1: s1 == 0 ? nil : Double(s1InTime) / Double(s1),
                stage2Responded: s2, stage2RespondedInTime: s2InTime, ch02Stage2: s2 == 0 ? nil : Double(s2InTime) / Double(s2),
                definition: PerformanceReport.definition)
            var months: [Month] = []
            var cursor = CivilDate(year: from.parts.year, month: from.parts.month, day: 1)!
            while cursor <= to {
                let k = Self.month(cursor)
                let m = monthly[Self.monthKey(cursor) - firstMonth]
                months.append(
                    Month(
                        month: k, received: m.received, escalated: m.escalated, stage1Responded: m.s1, stage1InTime: m.s1InTime,
                        stage2Responded: m.s2, stage2InTime: m.s2InTime, breaches: m.breaches))
                let (y, mo, _) = cursor.parts
                cursor = CivilDate(year: mo == 12 ? y + 1 : y, month: mo == 12 ? 1 : mo + 1, day: 1)!
            }
            let categories = byCategory.map {
                Category(category: $0.key, complaints: $0.value.0, withBreach: $0.value.1, breaches: $0.value.2)
            }
            .sorted { ($1.complaints, $0.category) < ($0.complaints, $1.category) }
            let openAgeing = zip(Self.buckets, ageing).map { Ageing(bucket: "\($0.0.2) working days", open: $0.1) }
            let named = (policyLandlord ?? (severalLandlords ? nil : landlord))?.trimmingCharacters(in: .whitespacesAndNewlines)
            var report = PerformanceReport(
                from: from, to: to, asOf: asOf, landlord: named?.isEmpty == false ? named : nil, complaints: complaints, rules: rules,
                tsm: tsm, months: months, categories: categories, openAgeing: openAgeing, inputErrors: inputErrors,
                eventsAfterAsOf: eventsAfterAsOf)
            report.outsidePeriod = max(0, found - complaints - hazardCases)
            if hazardsSeen > 0 {
                report.hazards = Hazards(
                    cases: hazardCases, emergency: emergencyHazards, significant: significantHazards, rules: Self.rates(hazardTallyList),
                    openAgeing: zip(Self.buckets, hazardAgeing).map { Ageing(bucket: "\($0.0.2) working days", open: $0.1) })
            }
            return report
        }
    }
}

extension PerformanceReport {
    /// Orders rule ids and paragraph numbers as the Code numbers its paragraphs: runs of digits
    /// compared as numbers, so `6.2` comes before `6.10` and `HOS2024-6.7` before
    /// `HOS2024-6.7-stage2` before `HOS2024-6.9` (a string sort puts 6.10 before 6.2). The rest
    /// compared byte by byte; ids equal but for leading zeros fall back to a string comparison.
    package static func paragraphOrder(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        var i = 0
        var j = 0
        while i < x.count && j < y.count {
            if isDigit(x[i]) && isDigit(y[j]) {
                var endX = i
                var endY = j
                while endX < x.count && isDigit(x[endX]) { endX += 1 }
                while endY < y.count && isDigit(y[endY]) { endY += 1 }
                // Leading zeros do not count: the longer number (of significant digits) is larger.
                while i < endX - 1 && x[i] == UInt8(ascii: "0") { i += 1 }
                while j < endY - 1 && y[j] == UInt8(ascii: "0") { j += 1 }
                if endX - i != endY - j { return endX - i < endY - j }
                if x[i..<endX] != y[j..<endY] { return x[i..<endX].lexicographicallyPrecedes(y[j..<endY]) }
                i = endX
                j = endY
            } else {
                if x[i] != y[j] { return x[i] < y[j] }
                i += 1
                j += 1
            }
        }
        if i < x.count || j < y.count { return j < y.count }  // the one that ended first comes first
        return a < b
    }

    /// A rate as a percentage with one decimal, or a dash when there is nothing to divide.
    static func percent(_ value: Double?) -> String {
        guard let value else { return "—" }
        return String(format: "%.1f%%", value * 100)
    }

    /// A figure with one decimal, or a dash.
    package static func number(_ value: Double?) -> String {
        guard let value else { return "—" }
        return String(format: "%.1f", value)
    }
}

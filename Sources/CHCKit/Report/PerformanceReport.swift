import WorkingDays

/// The board's picture of complaint handling over a reporting period: how often each rule was
/// met, the Regulator of Social Housing's Tenant Satisfaction Measures CH01 and CH02, the
/// monthly trend, categories, and how long open complaints have waited.
public struct PerformanceReport: Sendable, Encodable {
    public struct RuleRate: Sendable, Encodable {
        public let rule: String
        public let pack: String
        public let paragraph: String
        public let summary: String
        /// Complaints for which the rule could be judged (met or breached).
        public let evaluated: Int
        public let compliant: Int
        public let breached: Int
        public let notEvaluable: Int
        public let pending: Int
        /// compliant ÷ evaluated, or nil when nothing could be evaluated.
        public let rate: Double?
    }

    public struct TSM: Sendable, Encodable {
        public let stage1Complaints: Int
        public let stage2Complaints: Int
        public let homes: Int?
        /// CH01: complaints received per 1,000 homes (nil without --homes).
        public let ch01Stage1: Double?
        public let ch01Stage2: Double?
        /// CH02: share of complaints responded to within the Code's timescales.
        public let stage1Responded: Int
        public let stage1RespondedInTime: Int
        public let ch02Stage1: Double?
        public let stage2Responded: Int
        public let stage2RespondedInTime: Int
        public let ch02Stage2: Double?
        public let definition: String
    }

    public struct Month: Sendable, Encodable {
        public let month: String
        public let received: Int
        public let escalated: Int
        public let stage1Responded: Int
        public let stage1InTime: Int
        public let stage2Responded: Int
        public let stage2InTime: Int
        public let breaches: Int
    }

    public struct Category: Sendable, Encodable {
        public let category: String
        public let complaints: Int
        public let withBreach: Int
        public let breaches: Int
    }

    public struct Ageing: Sendable, Encodable {
        public let bucket: String
        public let open: Int
    }

    public let from: CivilDate
    public let to: CivilDate
    public let asOf: CivilDate
    public let complaints: Int
    public let rules: [RuleRate]
    public let tsm: TSM
    public let months: [Month]
    public let categories: [Category]
    public let openAgeing: [Ageing]
    public let inputErrors: Int

    /// The financial year (1 April – 31 March) containing `date`.
    public static func financialYear(containing date: CivilDate) -> (CivilDate, CivilDate) {
        let (y, m, _) = date.parts
        let start = m >= 4 ? y : y - 1
        return (CivilDate(year: start, month: 4, day: 1)!, CivilDate(year: start + 1, month: 3, day: 31)!)
    }

    /// Builds the report from checked complaints received between `from` and `to` (inclusive);
    /// stage 2 counts use escalation requests in the period.
    public init(report: CheckReport, from: CivilDate, to: CivilDate, homes: Int?, calendar: (ComplaintResult) -> WorkingDayCalendar) {
        self.from = from
        self.to = to
        asOf = report.asOf
        inputErrors = report.summary.inputErrors
        func inPeriod(_ date: CivilDate?) -> Bool { date.map { $0 >= from && $0 <= to } ?? false }
        let received = report.results.map(\.result).filter { inPeriod($0.complaint.receivedDate) }
        let escalated = report.results.map(\.result).filter { inPeriod($0.complaint.first(.escalationRequested)?.date) }
        complaints = received.count

        // Per rule, over complaints received in the period.
        var order: [String] = []
        var tallies: [String: (rule: Rule, pack: String, compliant: Int, breached: Int, notEvaluable: Int, pending: Int)] = [:]
        for result in received {
            for evaluation in result.evaluations where evaluation.outcome != .notApplicable {
                let id = evaluation.rule.id
                if tallies[id] == nil { order.append(id); tallies[id] = (evaluation.rule, evaluation.pack, 0, 0, 0, 0) }
                switch evaluation.outcome {
                case .compliant: tallies[id]!.compliant += 1
                case .breach:
                    if evaluation.findings.contains(where: \.isBreach) { tallies[id]!.breached += 1 } else { tallies[id]!.compliant += 1 }
                case .notEvaluable: tallies[id]!.notEvaluable += 1
                case .pending: tallies[id]!.pending += 1
                case .notApplicable: break
                }
            }
        }
        rules = order.sorted().map { id in
            let t = tallies[id]!
            let evaluated = t.compliant + t.breached
            return RuleRate(rule: id, pack: t.pack, paragraph: t.rule.paragraph, summary: t.rule.summary, evaluated: evaluated,
                            compliant: t.compliant, breached: t.breached, notEvaluable: t.notEvaluable, pending: t.pending,
                            rate: evaluated == 0 ? nil : Double(t.compliant) / Double(evaluated))
        }

        // CH02 uses the Code pack's response deadline for the stage: responded = the response
        // happened (or was judged missed); in time = that deadline was met.
        func responseEvaluation(_ result: ComplaintResult, stage: Int) -> RuleEvaluation? {
            result.evaluations.first {
                if case let .deadline(spec) = $0.rule.check, spec.event == .response, spec.stage == stage, !$0.rule.id.contains("/") { return true }
                return false
            }
        }
        func responded(_ results: [ComplaintResult], stage: Int) -> (Int, Int) {
            var total = 0, inTime = 0
            for result in results {
                guard let evaluation = responseEvaluation(result, stage: stage), evaluation.timing?.actual != nil else { continue }
                total += 1
                if evaluation.outcome == .compliant { inTime += 1 }
            }
            return (total, inTime)
        }
        let (s1, s1InTime) = responded(received, stage: 1)
        let (s2, s2InTime) = responded(escalated, stage: 2)
        func perThousand(_ n: Int) -> Double? { homes.map { $0 > 0 ? Double(n) / Double($0) * 1000 : 0 } }
        tsm = TSM(stage1Complaints: received.count, stage2Complaints: escalated.count, homes: homes,
                  ch01Stage1: perThousand(received.count), ch01Stage2: perThousand(escalated.count),
                  stage1Responded: s1, stage1RespondedInTime: s1InTime, ch02Stage1: s1 == 0 ? nil : Double(s1InTime) / Double(s1),
                  stage2Responded: s2, stage2RespondedInTime: s2InTime, ch02Stage2: s2 == 0 ? nil : Double(s2InTime) / Double(s2),
                  definition: "CH01: stage 1 complaints received in the period (and stage 2 escalations requested in it) per 1,000 homes. CH02: of the complaints received (stage 1) or escalated (stage 2) in the period that have been responded to, the share whose response met the Code's response deadline for that stage, counted from the acknowledgement, with extensions inside the Code's limits counted as in time. The Regulator's Technical Requirements were not read: the wording is inferred from the measures' names and landlords' reports (see ../shared/reference/codes.md §6).")

        // Monthly trend by month of receipt (stage 2 by month of escalation).
        var monthly: [String: (Int, Int, Int, Int, Int, Int, Int)] = [:]
        func key(_ date: CivilDate) -> String { String(date.description.prefix(7)) }
        for result in received {
            var m = monthly[key(result.complaint.receivedDate!)] ?? (0, 0, 0, 0, 0, 0, 0)
            m.0 += 1
            if let evaluation = responseEvaluation(result, stage: 1), evaluation.timing?.actual != nil {
                m.2 += 1
                if evaluation.outcome == .compliant { m.3 += 1 }
            }
            m.6 += result.findings.filter(\.isBreach).count
            monthly[key(result.complaint.receivedDate!)] = m
        }
        for result in escalated {
            let k = key(result.complaint.first(.escalationRequested)!.date)
            var m = monthly[k] ?? (0, 0, 0, 0, 0, 0, 0)
            m.1 += 1
            if let evaluation = responseEvaluation(result, stage: 2), evaluation.timing?.actual != nil {
                m.4 += 1
                if evaluation.outcome == .compliant { m.5 += 1 }
            }
            monthly[k] = m
        }
        var months: [Month] = []
        var cursor = CivilDate(year: from.parts.year, month: from.parts.month, day: 1)!
        while cursor <= to {
            let k = key(cursor)
            let m = monthly[k] ?? (0, 0, 0, 0, 0, 0, 0)
            months.append(Month(month: k, received: m.0, escalated: m.1, stage1Responded: m.2, stage1InTime: m.3,
                                stage2Responded: m.4, stage2InTime: m.5, breaches: m.6))
            let (y, mo, _) = cursor.parts
            cursor = CivilDate(year: mo == 12 ? y + 1 : y, month: mo == 12 ? 1 : mo + 1, day: 1)!
        }
        self.months = months

        var byCategory: [String: (Int, Int, Int)] = [:]
        for result in received {
            let name = result.complaint.category ?? "(none)"
            let breaches = result.findings.filter(\.isBreach).count
            var c = byCategory[name] ?? (0, 0, 0)
            c.0 += 1
            c.1 += breaches > 0 ? 1 : 0
            c.2 += breaches
            byCategory[name] = c
        }
        categories = byCategory.map { Category(category: $0.key, complaints: $0.value.0, withBreach: $0.value.1, breaches: $0.value.2) }
            .sorted { ($1.complaints, $0.category) < ($0.complaints, $1.category) }

        // Open complaints (any open deadline) by working days since receipt, as of the run.
        let buckets = [(0, 10, "0–10"), (11, 20, "11–20"), (21, 40, "21–40"), (41, 60, "41–60"), (61, Int.max, "over 60")]
        var counts = [Int](repeating: 0, count: buckets.count)
        for (_, result) in report.results where result.evaluations.contains(where: { $0.openDeadline != nil }) {
            guard let receivedOn = result.complaint.receivedDate,
                  let age = try? calendar(result).workingDays(from: receivedOn, to: report.asOf) else { continue }
            if let i = buckets.firstIndex(where: { age >= $0.0 && age <= $0.1 }) { counts[i] += 1 }
        }
        openAgeing = zip(buckets, counts).map { Ageing(bucket: "\($0.0.2) working days", open: $0.1) }
    }
}

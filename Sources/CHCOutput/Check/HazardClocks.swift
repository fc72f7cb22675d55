import CHCChecks
import CHCModel
import WorkingDays

/// One case's deadlines in words — due, done, and whether in time — for showing a complaint
/// about a hazard beside the hazard's own clocks (the Complaint Handling Code's and Awaab's Law's).
package struct CaseClock: Sendable {
    package let id: String
    package let isHazard: Bool
    /// For a complaint: the hazard case it is about.
    package let hazard: String?
    package let lines: [String]

    /// The clock of a hazard case, or of a complaint about one; nil for any other complaint.
    package init?(_ result: ComplaintResult) {
        let complaint = result.complaint
        guard complaint.isHazardCase || complaint.hazard != nil else { return nil }
        let isHazard = complaint.isHazardCase
        id = complaint.id
        self.isHazard = isHazard
        hazard = complaint.hazard
        lines = result.evaluations.compactMap { evaluation in
            guard let timing = evaluation.timing, evaluation.outcome != .notApplicable else { return nil }
            let subject = evaluation.rule.subject
            let what =
                isHazard
                ? subject.event?.awaited ?? evaluation.rule.id
                : (subject.stage.map { "stage \($0) " } ?? "") + (subject.event?.noun ?? evaluation.rule.id)
            let verdict =
                switch evaluation.outcome {
                case .compliant: "in time"
                case .breach: "late"
                case .pending: "open"
                case .notEvaluable: "cannot tell"
                case .notApplicable: ""
                }
            // Dates without the weekday: two clocks share a line.
            func short(_ date: CivilDate) -> String { String(date.longDescription.drop { $0 != " " }.dropFirst()) }
            let done = timing.actual.map { ", done \(short($0))" } ?? ""
            return "\(what): due \(short(timing.due))\(done) — \(verdict)"
        }
    }
}

/// Pairs complaints with the hazard cases they are about as a run's cases arrive, either one
/// first. Holds at most `limit` clocks, so a run of millions of cases stays bounded: past it,
/// it says how many were not paired.
package struct HazardClockBook: Sendable {
    package static let limit = 100_000
    private var hazards: [String: CaseClock] = [:]
    private var complaints: [CaseClock] = []
    package private(set) var leftOut = 0

    package init() {}

    package mutating func add(_ clock: CaseClock) {
        guard hazards.count + complaints.count < Self.limit else {
            leftOut += 1
            return
        }
        if clock.isHazard { hazards[clock.id] = clock } else { complaints.append(clock) }
    }

    /// Each complaint about a hazard, with the hazard's clock when the run had it.
    package var pairs: [(complaint: CaseClock, hazard: CaseClock?)] {
        complaints.map { ($0, $0.hazard.flatMap { hazards[$0] }) }
    }
}

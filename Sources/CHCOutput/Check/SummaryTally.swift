import CHCChecks
import CHCIngest
import CHCModel
import WorkingDays

/// Running totals for a report's summary line, added to one complaint at a time.
package struct SummaryTally: Sendable {
    package private(set) var complaints = 0
    /// Hazard cases (Awaab's Law), counted apart from complaints.
    package private(set) var hazardCases = 0
    package private(set) var breaches = 0
    package private(set) var errors = 0
    package private(set) var warnings = 0
    package private(set) var notes = 0
    package private(set) var notEvaluable = 0
    package private(set) var suppressed = 0
    /// Events dated after the as-of date, left out.
    package private(set) var eventsAfterAsOf = 0
    /// The most severe breach seen.
    package private(set) var worst: Severity?

    package init() {}

    /// Findings reported: breaches, notes and rules that could not be evaluated.
    package var findings: Int { breaches + notes + notEvaluable }

    /// Counts the events of a complaint dated after the as-of date, which were left out (a
    /// complaint received after it is counted here only).
    package mutating func ignore(eventsAfterAsOf count: Int) { eventsAfterAsOf += count }

    /// Counts one complaint's reported findings (and how many the baseline hid).
    package mutating func add(_ findings: [Finding], suppressed hidden: Int, hazard: Bool = false) {
        if hazard { hazardCases += 1 } else { complaints += 1 }
        suppressed += hidden
        // Only two fields of each are read: by index, not by copying each finding (a copy
        // retains every one of its strings).
        for index in findings.indices {
            if findings[index].status == .notEvaluable {
                notEvaluable += 1
                continue
            }
            let severity = findings[index].severity
            if severity == .note {
                notes += 1
                continue
            }
            breaches += 1
            if severity == .error { errors += 1 } else { warnings += 1 }
            if worst.map({ severity > $0 }) ?? true { worst = severity }
        }
    }

    /// Adds another tally's counts (one made on a checking thread, say, so that a complaint's
    /// findings are counted and freed by the thread that made them).
    package mutating func add(_ other: SummaryTally) {
        complaints += other.complaints
        hazardCases += other.hazardCases
        breaches += other.breaches
        errors += other.errors
        warnings += other.warnings
        notes += other.notes
        notEvaluable += other.notEvaluable
        suppressed += other.suppressed
        eventsAfterAsOf += other.eventsAfterAsOf
        if let theirs = other.worst, worst.map({ theirs > $0 }) ?? true { worst = theirs }
    }

    package func summary(inputErrors: [InputError]) -> CheckReport.Summary {
        CheckReport.Summary(
            complaints: complaints, hazardCases: hazardCases == 0 ? nil : hazardCases, breaches: breaches, errors: errors,
            warnings: warnings, notes: notes,
            notEvaluable: notEvaluable, inputErrors: inputErrors.reduce(0) { $0 + $1.problems.count },
            suppressedByBaseline: suppressed, eventsAfterAsOf: eventsAfterAsOf)
    }

    /// 2 when any input was bad, 1 when a breach is at or above `failOn`, else 0.
    package func exitCode(failOn: Severity?, inputErrors: [InputError]) -> Int32 {
        if !inputErrors.isEmpty { return 2 }
        guard let failOn, let worst else { return 0 }
        return worst >= failOn ? 1 : 0
    }
}

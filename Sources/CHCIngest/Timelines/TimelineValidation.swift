import CHCModel
import WorkingDays

/// The checks that span a complaint's events, shared by the YAML and CSV readers
/// (docs/timelines.md): one receipt, nothing before it, no stage 2 before an escalation request,
/// points that exist, holds before resumes.
package enum TimelineValidation {
    /// Checks what spans events — receipt, order, stages, points — and infers missing stages.
    /// Returns the complaint (nil when it cannot be checked) and the problems found.
    package static func validate(_ input: Complaint) -> (Complaint?, [InputProblem]) {
        if input.keys.contains(where: { $0.type.isHazardEvent }) { return validateHazard(input) }
        var problems: [InputProblem] = []
        var complaint = input
        guard let receipt = complaint.receipt else {
            problems.append(
                InputProblem(
                    complaint.location,
                    "complaint `\(complaint.id)` has no `complaint-received` event; a timeline starts with the date the landlord received the complaint"
                ))
            return (nil, problems)
        }
        // A second receipt is rare: only then is a list of them made.
        let receiptCount = complaint.keys.lazy.filter { $0.type == .complaintReceived }.count
        for extra in receiptCount < 2 ? [] : complaint.events(.complaintReceived).dropFirst() {
            problems.append(
                InputProblem(
                    extra.location,
                    "complaint `\(complaint.id)` is received twice (first on \(receipt.date) at line \(receipt.location.line)); log a new complaint as its own timeline"
                ))
        }
        let declared = complaint.points.map(\.id)
        // The point ids a response may name: a handful, so an array (without repeats), not a set.
        var known: [String] = []
        for id in declared where !known.contains(id) { known.append(id) }
        // Each event is looked at through its key (type, stage, date); the event object only for
        // its point lists, or for its place when there is a problem to report.
        let keys = complaint.keys
        let events = complaint.events
        if declared.isEmpty {
            for index in keys.indices where keys[index].type == .complaintReceived || keys[index].type == .escalationRequested {
                guard let points = events[index].details.points else { continue }
                // Usually one list with no repeats: then it is shared, not copied.
                if known.isEmpty, points.indices.allSatisfy({ !points[..<$0].contains(points[$0]) }) {
                    known = points
                    continue
                }
                for id in points where !known.contains(id) { known.append(id) }
            }
        }
        let checksPoints = !known.isEmpty || !declared.isEmpty
        func checkPoints(_ list: [String]?, _ name: String, of index: Int) {
            // By index: a for-in loop copied each point's text out of the list.
            guard let list else { return }
            for i in list.indices where !known.contains(list[i]) {
                problems.append(
                    InputProblem(
                        events[index].location,
                        "`\(name)` names unknown point `\(list[i])`" + didYouMean(list[i], among: known.sorted())
                            + " (points: \(known.sorted().joined(separator: ", ")))"))
            }
        }
        var escalated = false
        var openHolds: Set<Int> = []
        // Filled-in stages go into a copy of the events, made at the first and set on the
        // complaint once at the end.
        var filled: [TimelineEvent] = []
        for index in keys.indices {
            let key = keys[index]
            if key.date < receipt.date {
                problems.append(
                    InputProblem(
                        events[index].location,
                        "\(key.type.rawValue) on \(key.date) is dated before the complaint was received (\(receipt.date))"))
            }
            if key.type == .escalationRequested { escalated = true }
            var stage = key.stage
            if key.type.isStaged, stage == nil {
                let implied = escalated ? 2 : 1
                if filled.isEmpty { filled = events }
                filled[index] = events[index].atStage(implied)
                stage = implied
            }
            if stage == 2, key.type.isStaged, !escalated {
                problems.append(
                    InputProblem(
                        events[index].location, "stage 2 \(key.type.rawValue) on \(key.date) has no `escalation-requested` before it"))
            }
            if checksPoints {
                checkPoints(events[index].details.addresses, "addresses", of: index)
                checkPoints(events[index].details.points, "points", of: index)
            }
            if key.type == .hold { openHolds.insert(stage ?? 1) }
            if key.type == .resume, openHolds.remove(stage ?? 1) == nil {
                problems.append(
                    InputProblem(events[index].location, "`resume` at stage \(stage ?? 1) on \(key.date) has no `hold` before it"))
            }
        }
        if !filled.isEmpty { complaint.events = filled }
        return (problems.isEmpty ? complaint : nil, problems)
    }

    /// A hazard case: one `became-aware` first, and only a hazard case's events (and notes)
    /// after it. A complaint about the hazard is a timeline of its own naming it (`hazard:`).
    static func validateHazard(_ hazard: Complaint) -> (Complaint?, [InputProblem]) {
        var problems: [InputProblem] = []
        let keys = hazard.keys
        let events = hazard.events
        guard let aware = keys.firstIndex(where: { $0.type == .becameAware }) else {
            let first = keys.firstIndex { $0.type.isHazardEvent } ?? 0
            return (
                nil,
                [
                    InputProblem(
                        events[first].location,
                        "hazard case `\(hazard.id)` has no `became-aware` event; a hazard case starts when the landlord became aware of the hazard"
                    )
                ]
            )
        }
        for index in keys.indices {
            let key = keys[index]
            if key.type == .becameAware, index != aware {
                problems.append(
                    InputProblem(
                        events[index].location,
                        "hazard case `\(hazard.id)` has a second `became-aware` (first on \(keys[aware].date) at line \(events[aware].location.line)); record a new hazard as its own case"
                    ))
            } else if !key.type.isHazardEvent, key.type != .note {
                problems.append(
                    InputProblem(
                        events[index].location,
                        "`\(key.type.rawValue)` is a complaint's event, not a hazard case's; a complaint about the hazard is its own timeline naming it (`hazard: \(hazard.id)`)"
                    ))
            } else if key.date < keys[aware].date {
                problems.append(
                    InputProblem(
                        events[index].location,
                        "\(key.type.rawValue) on \(key.date) is dated before the landlord became aware of the hazard (\(keys[aware].date))")
                )
            }
        }
        return (problems.isEmpty ? hazard : nil, problems)
    }
}

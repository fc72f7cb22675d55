import WorkingDays

/// The checks that span a complaint's events, shared by the YAML and CSV readers
/// (`timeline.md`): one receipt, nothing before it, no stage 2 before an escalation request,
/// points that exist, holds before resumes.
enum TimelineValidation {
    /// Checks what spans events — receipt, order, stages, points — and infers missing stages.
    /// Returns the complaint (nil when it cannot be checked) and the problems found.
    static func validate(_ input: Complaint) -> (Complaint?, [InputProblem]) {
        var problems: [InputProblem] = []
        var complaint = input
        guard let receipt = complaint.receipt else {
            problems.append(InputProblem(complaint.location, "complaint `\(complaint.id)` has no `complaint-received` event; a timeline starts with the date the landlord received the complaint"))
            return (nil, problems)
        }
        // A second receipt is rare: only then is a list of them made.
        let receiptCount = complaint.keys.lazy.filter { $0.type == .complaintReceived }.count
        for extra in receiptCount < 2 ? [] : complaint.events(.complaintReceived).dropFirst() {
            problems.append(InputProblem(extra.location, "complaint `\(complaint.id)` is received twice (first on \(receipt.date) at line \(receipt.location.line)); log a new complaint as its own timeline"))
        }
        let declared = complaint.points.map(\.id)
        // The point ids a response may name: a handful, so an array (without repeats), not a set.
        var known: [String] = []
        for id in declared where !known.contains(id) { known.append(id) }
        if declared.isEmpty {
            for event in complaint.events where event.type == .complaintReceived || event.type == .escalationRequested {
                guard let points = event.points else { continue }
                // Usually one list with no repeats: then it is shared, not copied.
                if known.isEmpty, points.indices.allSatisfy({ !points[..<$0].contains(points[$0]) }) { known = points; continue }
                for id in points where !known.contains(id) { known.append(id) }
            }
        }
        func checkPoints(_ list: [String]?, _ name: String, of event: TimelineEvent) {
            guard !known.isEmpty || !declared.isEmpty else { return }
            for point in list ?? [] where !known.contains(point) {
                problems.append(InputProblem(event.location, "`\(name)` names unknown point `\(point)`" + didYouMean(point, among: known.sorted())
                    + " (points: \(known.sorted().joined(separator: ", ")))"))
            }
        }
        var escalated = false
        var openHolds: [Int: TimelineEvent] = [:]
        // Filled-in stages are written to a copy, set on the complaint once at the end.
        var events = complaint.events, filledIn = false
        for index in events.indices {
            var event = events[index]
            if event.date < receipt.date {
                problems.append(InputProblem(event.location, "\(event.type.rawValue) on \(event.date) is dated before the complaint was received (\(receipt.date))"))
            }
            if event.type == .escalationRequested { escalated = true }
            if event.type.isStaged, event.stage == nil {
                event = event.atStage(escalated ? 2 : 1)
                events[index] = event
                filledIn = true
            }
            if let stage = event.stage, stage >= 2, event.type.isStaged, !escalated, stage == 2 {
                problems.append(InputProblem(event.location, "stage 2 \(event.type.rawValue) on \(event.date) has no `escalation-requested` before it"))
            }
            checkPoints(event.addresses, "addresses", of: event)
            checkPoints(event.points, "points", of: event)
            if event.type == .hold { openHolds[event.stage ?? 1] = event }
            if event.type == .resume {
                if openHolds.removeValue(forKey: event.stage ?? 1) == nil {
                    problems.append(InputProblem(event.location, "`resume` at stage \(event.stage ?? 1) on \(event.date) has no `hold` before it"))
                }
            }
        }
        if filledIn { complaint.events = events }
        return (problems.isEmpty ? complaint : nil, problems)
    }
}

import WorkingDays

/// What a timeline is about, and so which rule packs judge it: a complaint (the Complaint
/// Handling Code) or a hazard case (Awaab's Law).
package enum CaseKind: String, Sendable, CaseIterable {
    case complaint
    case hazard
}

extension Complaint {
    package var caseKind: CaseKind { isHazardCase ? .hazard : .complaint }

    /// A hazard case's risk as last assessed — when the landlord became aware, or as the
    /// investigation found it — with the event that assessed it; nil when none records one.
    package var hazardRisk: (risk: String, assessedBy: TimelineEvent)? {
        guard let event = events.last(where: { ($0.type == .becameAware || $0.type == .investigationConcluded) && $0.details.risk != nil }),
            let risk = event.details.risk
        else { return nil }
        return (risk, event)
    }
}

/// When a kind of hazard at one risk comes under a hazard pack's time limits: from a date, or
/// not yet (announced, with no date confirmed).
package enum HazardCoverage: Sendable, Equatable {
    case from(CivilDate)
    case announced(String)
}

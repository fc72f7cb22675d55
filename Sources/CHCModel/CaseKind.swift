import WorkingDays

/// What a timeline is about, and so which rule packs judge it: a complaint (the Complaint
/// Handling Code) or a hazard case (Awaab's Law).
package enum CaseKind: String, Sendable, CaseIterable {
    case complaint
    case hazard
}

extension Complaint {
    package var caseKind: CaseKind { isHazardCase ? .hazard : .complaint }
}

/// When a kind of hazard at one risk comes under a hazard pack's time limits: from a date, or
/// not yet (announced, with no date confirmed).
package enum HazardCoverage: Sendable, Equatable {
    case from(CivilDate)
    case announced(String)
}

/// The yes/no fields an event can carry, as a rule names them (`forbidden-event`'s `unless`).
package enum EventFlag: String, CaseIterable, Sendable {
    case ombudsmanRightsExplained = "ombudsman-rights-explained"
    case agreed
    case goodReason = "good-reason"
    case ombudsmanDetails = "ombudsman-details"
    /// At a stage beyond a process's last: the resident could skip it.
    case optional

    /// The flag's value on `event`: nil when the timeline does not record it.
    package func value(of event: TimelineEvent) -> Bool? {
        switch self {
        case .ombudsmanRightsExplained: event.details.ombudsmanRightsExplained
        case .agreed: event.details.agreed
        case .goodReason: event.details.goodReason
        case .ombudsmanDetails: event.details.ombudsmanDetails
        case .optional: event.details.optionalStage
        }
    }

    /// What the flag being false means, in words.
    package var whenFalse: String {
        switch self {
        case .ombudsmanRightsExplained: "the resident was not told the reasons in writing and that they can take it to the Ombudsman"
        case .agreed: "the resident did not agree"
        case .goodReason: "no good reason was recorded"
        case .ombudsmanDetails: "the Ombudsman's contact details were not given"
        case .optional: "the resident had to go through the stage before they could go to the Ombudsman"
        }
    }
}

import WorkingDays

/// The fields an event may carry beyond its type and date (`timeline.md`), as a value that a
/// reader fills in before it makes the `TimelineEvent`.
package struct EventDetails: Sendable {
    /// The stage (1 or 2; higher stages are kept so `max-stages` can report them).
    package var stage: Int?
    /// Points raised (on a complaint or an escalation).
    package var points: [String]?
    /// Points a response addresses.
    package var addresses: [String]?
    /// What a response confirms in writing.
    package var includes: [String]?
    package var handler: String?
    package var isFinal: Bool?
    /// An extension's new due date, or the working days it adds.
    package var extendedTo: CivilDate?
    package var extensionDays: Int?
    package var reason: String?
    package var goodReason: Bool?
    package var ombudsmanDetails: Bool?
    /// Whether the resident agreed to a hold.
    package var agreed: Bool?
    package var channel: String?
    package var incidentDate: CivilDate?
    package var ombudsmanRightsExplained: Bool?
    /// For an event at a stage beyond a process's last: whether the resident could skip that stage.
    package var optionalStage: Bool?
    /// A note's text.
    package var text: String?

    package init(
        stage: Int? = nil, points: [String]? = nil, addresses: [String]? = nil, includes: [String]? = nil, handler: String? = nil,
        isFinal: Bool? = nil, extendedTo: CivilDate? = nil, extensionDays: Int? = nil, reason: String? = nil,
        goodReason: Bool? = nil, ombudsmanDetails: Bool? = nil, agreed: Bool? = nil, channel: String? = nil,
        incidentDate: CivilDate? = nil, ombudsmanRightsExplained: Bool? = nil, text: String? = nil,
        optionalStage: Bool? = nil
    ) {
        self.stage = stage
        self.points = points
        self.addresses = addresses
        self.includes = includes
        self.handler = handler
        self.isFinal = isFinal
        self.extendedTo = extendedTo
        self.extensionDays = extensionDays
        self.reason = reason
        self.goodReason = goodReason
        self.ombudsmanDetails = ombudsmanDetails
        self.agreed = agreed
        self.channel = channel
        self.incidentDate = incidentDate
        self.ombudsmanRightsExplained = ombudsmanRightsExplained
        self.optionalStage = optionalStage
        self.text = text
    }
}

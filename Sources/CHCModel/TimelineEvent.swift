import WorkingDays

/// One event in a complaint's timeline, with where it was written.
///
/// A class, because checks pass events around constantly and copying an eighteen-field struct
/// showed in profiles; immutable, because Swift checks every access to a class's `var`
/// properties for exclusivity at run time, which a profile put at a tenth of a check run.
/// The fields are stored in the object itself, each set straight from the reader's value: an
/// `EventDetails` struct inside it was built in a temporary and copied in (seven reference
/// counts up and down again for every row of a CSV log).
public final class TimelineEvent: Sendable {
    package let type: EventType
    @usableFromInline package let moment: Moment
    /// The stage (1 or 2; higher stages are kept so `max-stages` can report them).
    package let stage: Int?
    /// Points raised (on a complaint or an escalation).
    package let points: [String]?
    /// Points a response addresses.
    package let addresses: [String]?
    /// What a response confirms in writing.
    package let includes: [String]?
    package let handler: String?
    package let isFinal: Bool?
    /// An extension's new due date, or the working days it adds.
    package let extendedTo: CivilDate?
    package let extensionDays: Int?
    package let reason: String?
    package let goodReason: Bool?
    package let ombudsmanDetails: Bool?
    /// Whether the resident agreed to a hold.
    package let agreed: Bool?
    package let channel: String?
    package let incidentDate: CivilDate?
    package let ombudsmanRightsExplained: Bool?
    /// For an event at a stage beyond a process's last: whether the resident could skip that stage.
    package let optionalStage: Bool?
    /// A note's text.
    package let text: String?
    /// Where the event starts in its input file.
    package let location: SourceLocation
    /// Position in the input, to keep sorting by date stable.
    package let order: Int

    @inlinable public var date: CivilDate { moment.date }

    /// Everything but the type, date and place, as one value.
    package var details: EventDetails {
        EventDetails(
            stage: stage, points: points, addresses: addresses, includes: includes, handler: handler, isFinal: isFinal,
            extendedTo: extendedTo, extensionDays: extensionDays, reason: reason, goodReason: goodReason,
            ombudsmanDetails: ombudsmanDetails, agreed: agreed, channel: channel, incidentDate: incidentDate,
            ombudsmanRightsExplained: ombudsmanRightsExplained, text: text, optionalStage: optionalStage)
    }

    /// An event with the fields a reader filled in.
    package convenience init(type: EventType, moment: Moment, details: EventDetails = EventDetails(), location: SourceLocation, order: Int)
    {
        self.init(
            type: type, moment: moment, stage: details.stage, points: details.points, addresses: details.addresses,
            includes: details.includes, handler: details.handler, isFinal: details.isFinal, extendedTo: details.extendedTo,
            extensionDays: details.extensionDays, reason: details.reason, goodReason: details.goodReason,
            ombudsmanDetails: details.ombudsmanDetails, agreed: details.agreed, channel: details.channel,
            incidentDate: details.incidentDate, ombudsmanRightsExplained: details.ombudsmanRightsExplained, text: details.text,
            optionalStage: details.optionalStage,
            location: location, order: order)
    }

    /// An event from its fields one by one (the CSV reader's path: no `EventDetails` is made).
    package init(
        type: EventType, moment: Moment, stage: Int?, points: [String]? = nil, addresses: [String]? = nil, includes: [String]? = nil,
        handler: String? = nil, isFinal: Bool? = nil, extendedTo: CivilDate? = nil, extensionDays: Int? = nil, reason: String? = nil,
        goodReason: Bool? = nil, ombudsmanDetails: Bool? = nil, agreed: Bool? = nil, channel: String? = nil,
        incidentDate: CivilDate? = nil, ombudsmanRightsExplained: Bool? = nil, text: String? = nil, optionalStage: Bool? = nil,
        location: SourceLocation, order: Int
    ) {
        self.type = type
        self.moment = moment
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
        self.location = location
        self.order = order
    }

    /// The same event at `stage` (for an event whose stage the timeline left implicit).
    package func atStage(_ stage: Int) -> TimelineEvent {
        var details = details  // rare (a stage left implicit), so through the details value
        details.stage = stage
        return TimelineEvent(type: type, moment: moment, details: details, location: location, order: order)
    }
}

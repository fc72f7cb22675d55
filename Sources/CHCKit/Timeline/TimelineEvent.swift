import WorkingDays

/// One event in a complaint's timeline, with where it was written.
///
/// A class, because checks pass events around constantly and copying an eighteen-field struct
/// showed in profiles; immutable, because Swift checks every access to a class's `var`
/// properties for exclusivity at run time, which a profile put at a tenth of a check run.
/// Readers fill in an `EventDetails` and make the event from it once.
public final class TimelineEvent: Sendable {
    public let type: EventType
    public let moment: Moment
    /// The stage (1 or 2; higher stages are kept so `max-stages` can report them).
    public let stage: Int?
    public let points: [String]?
    public let addresses: [String]?
    public let includes: [String]?
    public let handler: String?
    public let isFinal: Bool?
    public let extendedTo: CivilDate?
    public let extensionDays: Int?
    public let reason: String?
    public let goodReason: Bool?
    public let ombudsmanDetails: Bool?
    public let agreed: Bool?
    public let channel: String?
    public let incidentDate: CivilDate?
    public let ombudsmanRightsExplained: Bool?
    public let text: String?
    /// Where the event starts in its input file.
    public let location: SourceLocation
    /// Position in the input, to keep sorting by date stable.
    public let order: Int

    public var date: CivilDate { moment.date }

    /// Everything but the type, date and place, as a value.
    public var details: EventDetails {
        EventDetails(stage: stage, points: points, addresses: addresses, includes: includes, handler: handler, isFinal: isFinal,
                     extendedTo: extendedTo, extensionDays: extensionDays, reason: reason, goodReason: goodReason,
                     ombudsmanDetails: ombudsmanDetails, agreed: agreed, channel: channel, incidentDate: incidentDate,
                     ombudsmanRightsExplained: ombudsmanRightsExplained, text: text)
    }

    public init(type: EventType, moment: Moment, details: EventDetails = EventDetails(), location: SourceLocation, order: Int) {
        self.type = type
        self.moment = moment
        stage = details.stage
        points = details.points
        addresses = details.addresses
        includes = details.includes
        handler = details.handler
        isFinal = details.isFinal
        extendedTo = details.extendedTo
        extensionDays = details.extensionDays
        reason = details.reason
        goodReason = details.goodReason
        ombudsmanDetails = details.ombudsmanDetails
        agreed = details.agreed
        channel = details.channel
        incidentDate = details.incidentDate
        ombudsmanRightsExplained = details.ombudsmanRightsExplained
        text = details.text
        self.location = location
        self.order = order
    }

    /// The same event at `stage` (for an event whose stage the timeline left implicit).
    public func atStage(_ stage: Int) -> TimelineEvent {
        var details = details
        details.stage = stage
        return TimelineEvent(type: type, moment: moment, details: details, location: location, order: order)
    }
}

import WorkingDays

/// A complaint and its events, sorted by date (stable), ready to be checked.
public struct Complaint: Sendable {
    public var id: String
    public var landlord: String?
    public var calendar: Region?
    public var category: String?
    /// The distinct issues raised, in the order given: id and description.
    public var points: [(id: String, text: String)]
    public var events: [TimelineEvent]
    /// Where the complaint starts in its input file (used for findings about missing events).
    public var location: SourceLocation

    public init(id: String, landlord: String? = nil, calendar: Region? = nil, category: String? = nil,
                points: [(id: String, text: String)] = [], events: [TimelineEvent], location: SourceLocation) {
        self.id = id
        self.landlord = landlord
        self.calendar = calendar
        self.category = category
        self.points = points
        self.events = events.sorted { ($0.date, $0.order) < ($1.date, $1.order) }
        self.location = location
    }

    /// The receipt event (validated to exist when loaded).
    public var receipt: TimelineEvent? { events.first { $0.type == .complaintReceived } }

    /// The date the complaint was received: which Code version applies.
    public var receivedDate: CivilDate? { receipt?.date }

    /// Events of `type` (at `stage`, when given), in date order.
    public func events(_ type: EventType, stage: Int? = nil) -> [TimelineEvent] {
        events.filter { $0.type == type && (stage == nil || $0.stage == stage) }
    }

    /// The first event of `type` (at `stage`, when given).
    public func first(_ type: EventType, stage: Int? = nil) -> TimelineEvent? {
        events.first { $0.type == type && (stage == nil || $0.stage == stage) }
    }

    /// The points raised at a stage: at stage 1 those on the receipt; at stage 2 those on the
    /// escalation request (all stage 1 points when it names none).
    public func pointsRaised(atStage stage: Int) -> [String] {
        let stageOne = receipt?.points ?? points.map(\.id)
        guard stage >= 2 else { return stageOne }
        let escalations = events(.escalationRequested)
        guard !escalations.isEmpty else { return [] }
        var raised: [String] = []
        for escalation in escalations {
            for point in escalation.points ?? stageOne where !raised.contains(point) { raised.append(point) }
        }
        return raised
    }

    /// The date the complaint stopped being live (withdrawn or excluded), if it did.
    public var closedDate: CivilDate? {
        events.first { $0.type == .withdrawn || $0.type == .excluded }?.date
    }
}

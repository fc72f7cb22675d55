import WorkingDays

/// A complaint and its events, sorted by date, ready to be checked. Events of the same day are
/// put in the order the process allows (receipt, stage 1 events, escalation, stage 2 events,
/// closure) and otherwise kept as written, so an export that lists a same-day escalation after
/// its acknowledgement still reads right.
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
        self.events = events.sorted {
            let a = $0.sameDayRank, b = $1.sameDayRank
            return ($0.date, a.stage, a.step, $0.order) < ($1.date, b.stage, b.step, $1.order)
        }
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

extension TimelineEvent {
    /// Where the event falls among events of the same day: by stage, then by step within it.
    var sameDayRank: (stage: Int, step: Int) {
        switch type {
        case .complaintReceived: (1, 0)
        case .escalationRequested: (2, 0)
        case .escalationRefused: (2, 1)
        case .acknowledged: (stage ?? 1, 2)
        case .extension: (stage ?? 1, 3)
        case .hold: (stage ?? 1, 4)
        case .resume: (stage ?? 1, 5)
        case .response: (stage ?? 1, 6)
        case .excluded, .withdrawn, .referredToOmbudsman: (99, 0)
        case .note: (0, 0)
        }
    }
}

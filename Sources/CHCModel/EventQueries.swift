import WorkingDays

/// An event a query found: its type, stage and date as plain values, and where it is among the
/// complaint's events. A check reads what it needs from the key and asks the complaint for the
/// event itself (`complaint[ref]`) only for what only the event has — a point list, its place in
/// the input — so judging a complaint counts no references to event objects.
public struct EventRef: Sendable {
    public let position: Int
    public let key: EventKey

    @inlinable public init(position: Int, key: EventKey) {
        self.position = position
        self.key = key
    }

    @inlinable public var type: EventType { key.type }
    @inlinable public var stage: Int? { key.stage }
    @inlinable public var date: CivilDate { key.date }
}

/// The events of one type (at one stage, when given) as `EventRef`s, found as they are
/// iterated: a value holding no closure, so asking makes no allocation.
public struct EventRefs: Sequence {
    public let places: EventIndices

    @inlinable public init(_ places: EventIndices) { self.places = places }

    /// The first one, if any.
    @inlinable public var first: EventRef? { places.first.map { EventRef(position: $0, key: places.keys[$0]) } }

    @inlinable public func makeIterator() -> Iterator { Iterator(places: places.makeIterator(), keys: places.keys) }

    public struct Iterator: IteratorProtocol {
        public var places: EventIndices.Iterator
        public let keys: [EventKey]

        @inlinable public init(places: EventIndices.Iterator, keys: [EventKey]) {
            self.places = places
            self.keys = keys
        }

        @inlinable public mutating func next() -> EventRef? { places.next().map { EventRef(position: $0, key: keys[$0]) } }
    }
}

extension Complaint {
    /// The first event of `type` (at `stage`, when given).
    @inlinable public func firstEvent(_ type: EventType, stage: Int? = nil) -> EventRef? { eventRefs(type, stage: stage).first }

    /// The first event whose type, stage and date satisfy `matches`.
    @inlinable public func firstEvent(where matches: (EventKey) -> Bool) -> EventRef? {
        let keys = storage.keys
        return keys.firstIndex(where: matches).map { EventRef(position: $0, key: keys[$0]) }
    }

    /// Whether any event's type, stage and date satisfy `matches`.
    @inlinable public func hasEvent(where matches: (EventKey) -> Bool) -> Bool { storage.keys.contains(where: matches) }

    /// The events of `type` (at `stage`, when given), in date order.
    @inlinable public func eventRefs(_ type: EventType, stage: Int? = nil) -> EventRefs { EventRefs(indices(type, stage: stage)) }

    /// The event a query found.
    @inlinable public subscript(ref: EventRef) -> TimelineEvent { storage.events[ref.position] }
}

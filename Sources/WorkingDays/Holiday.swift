/// One non-working day on a calendar, with where it came from.
public struct Holiday: Hashable, Sendable {
    /// Why the day is not a working day.
    public enum Origin: String, Sendable {
        /// A GOV.UK published bank holiday shipped with `chc`.
        case official
        /// A bank holiday projected from the standing rules (years after the published lists).
        case projected
        /// A bank holiday from a GOV.UK `bank-holidays.json` file the user loaded.
        case loaded
        /// A landlord's office closure day.
        case closure
    }

    public let date: CivilDate
    public let title: String
    public let origin: Origin

    public init(date: CivilDate, title: String, origin: Origin) {
        self.date = date
        self.title = title
        self.origin = origin
    }
}

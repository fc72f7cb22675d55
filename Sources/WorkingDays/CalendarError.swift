/// Why a working-day question could not be answered.
public enum CalendarError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The date lies in a year for which the calendar has neither a list nor a rule.
    case yearNotCovered(year: Int, region: Region, covered: String)
    /// A deadline or count that would run past the years the calendar covers.
    case outOfRange(String)

    public var description: String {
        switch self {
        case .yearNotCovered(let year, let region, let covered):
            "the \(region.rawValue) calendar does not cover \(year) (it covers \(covered)); "
                + "load a GOV.UK bank-holidays.json that lists \(year) with --holidays FILE"
        case .outOfRange(let message):
            message
        }
    }
}

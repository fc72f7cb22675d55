/// A region's bank holidays, year by year: the official GOV.UK lists shipped with `chc`,
/// projections from the standing rules after them, and any years a loaded file replaces.
public struct BankHolidayTable: Sendable {
    /// The last year the built-in table projects from the standing rules.
    public static let lastProjectedYear = 2040

    public let region: Region
    private var byYear: [Int: [Holiday]]

    /// The years this table can answer for. Asking about any other year is an error.
    public var coveredYears: Set<Int> { Set(byYear.keys) }

    /// The shipped table: official lists 2018–2028, standing rules 2029–2040.
    public static func builtIn(_ region: Region) -> BankHolidayTable {
        var byYear: [Int: [Holiday]] = [:]
        for (iso, title) in OfficialBankHolidays.list(for: region) {
            let date = try! CivilDate(iso: iso)
            byYear[date.year, default: []].append(Holiday(date: date, title: title, origin: .official))
        }
        let firstProjected = OfficialBankHolidays.years.upperBound + 1
        for year in firstProjected...lastProjectedYear {
            byYear[year] = StandingRules.holidays(in: year, region: region).map {
                Holiday(date: $0.0, title: $0.1, origin: .projected)
            }
        }
        return BankHolidayTable(region: region, byYear: byYear)
    }

    /// A table holding exactly the given holidays; each year that has at least one is covered.
    public init(region: Region, holidays: [Holiday]) {
        self.region = region
        byYear = Dictionary(grouping: holidays, by: \.date.year)
    }

    private init(region: Region, byYear: [Int: [Holiday]]) {
        self.region = region
        self.byYear = byYear
    }

    /// This table with every year that `other` covers replaced by `other`'s list for that year.
    public func overridden(by other: BankHolidayTable) -> BankHolidayTable {
        var merged = byYear
        for (year, list) in other.byYear { merged[year] = list }
        return BankHolidayTable(region: region, byYear: merged)
    }

    /// The bank holidays in `year` (weekend dates included if a loaded file lists them), or
    /// `nil` if the table does not cover that year.
    public func holidays(in year: Int) -> [Holiday]? { byYear[year]?.sorted { $0.date < $1.date } }
}

import CHCModel
import WorkingDays

/// Reads a GOV.UK `bank-holidays.json` file (`https://www.gov.uk/bank-holidays.json`):
/// `{ "england-and-wales": { "division": …, "events": [ { "title", "date", "notes", "bunting" } ] }, … }`.
///
/// Each year the file lists for a division replaces the shipped list for that year, so a
/// newly proclaimed holiday can be added without a new release of `chc`.
package enum GovUKHolidayFile {
    /// The holidays per region found in the file at `path` (JSON is read as YAML, which keeps
    /// line and column for every value).
    package static func load(_ path: String, limits: InputLimits = .standard) throws(InputError) -> [Region: BankHolidayTable] {
        let reader = try YAMLReader(path: path, limits: limits)
        guard let root = reader.root else { throw InputError(file: path, "is empty, expected a GOV.UK bank-holidays.json document") }
        var tables: [Region: BankHolidayTable] = [:]
        let top = reader.fields(root, "the bank-holidays file", allowed: Region.names + ["_note"])
        for region in Region.allCases {
            guard let division = top?[region.rawValue] else { continue }
            let fields = reader.fields(division, "`\(region.rawValue)`", allowed: ["division", "events"])
            var holidays: [Holiday] = []
            for event in reader.items(fields?["events"], "`\(region.rawValue).events`") ?? [] {
                let item = reader.fields(event, "a bank holiday", allowed: ["title", "date", "notes", "bunting"])
                guard let item else { continue }
                guard item.has("date") else {
                    reader.report(event, "a bank holiday is missing its `date`")
                    continue
                }
                guard let date = reader.date(item["date"], "`date`") else { continue }
                let title = reader.string(item["title"], "`title`") ?? "bank holiday"
                holidays.append(Holiday(date: date, title: title, origin: .loaded))
            }
            tables[region] = BankHolidayTable(region: region, holidays: holidays)
        }
        if tables.isEmpty, reader.problems.isEmpty {
            reader.report(root, "lists no division; expected at least one of \(Region.names.joined(separator: ", "))")
        }
        try reader.throwIfProblems()
        return tables
    }
}

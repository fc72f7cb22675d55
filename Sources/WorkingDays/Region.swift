/// The bank-holiday divisions of the United Kingdom, named as GOV.UK names them.
public enum Region: String, CaseIterable, Sendable, Codable {
    case englandAndWales = "england-and-wales"
    case scotland = "scotland"
    case northernIreland = "northern-ireland"

    /// The region a calendar uses when nothing says otherwise.
    public static let `default` = Region.englandAndWales

    /// Every region name, for messages and suggestions.
    public static var names: [String] { allCases.map(\.rawValue) }
}

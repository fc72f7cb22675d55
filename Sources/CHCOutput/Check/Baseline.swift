import CHCChecks
import CHCIngest
import CHCModel
import Foundation

/// Findings recorded in an earlier JSON run (`chc check --format json --output baseline.json`),
/// so a team can adopt `chc` without fixing history first: those findings are not reported
/// again, new ones are. Keyed on content (complaint, rule, status, dates), not line numbers.
package enum Baseline {
    package struct Document: Decodable {
        let schemaVersion: Int
        package let complaints: [Entry]
        package struct Entry: Decodable { let findings: [Finding] }
    }

    /// The fingerprints of every finding in the baseline file.
    /// The baseline is bounded by the run's file limit (`--max-file-mb`), as a YAML input is.
    package static func load(_ path: String, limits: InputLimits = .standard) throws(InputError) -> Set<String> {
        let text = try readTextFile(path, maxBytes: limits.maxYAMLBytes)
        do {
            let document = try JSONDecoder().decode(Document.self, from: Data(text.utf8))
            guard document.schemaVersion == JSONText.schemaVersion else {
                throw InputError(
                    file: path, "is a baseline of schemaVersion \(document.schemaVersion); this chc reads \(JSONText.schemaVersion)")
            }
            return Set(document.complaints.flatMap(\.findings).map(\.fingerprint))
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(file: path, "is not a chc JSON report (make one with `chc check --format json --output FILE`): \(error)")
        }
    }
}

import CHCModel
import Foundation

/// Findings recorded in an earlier run (`chc check --format json --output baseline.json`, or
/// `--format jsonl`), so a team can adopt `chc` without fixing history first: those findings are
/// not reported again, new ones are. Keyed on content (complaint, rule, status, dates), not
/// line numbers.
///
/// Read as a stream, a finding at a time: memory is the set of 8-byte fingerprints, not the
/// file, so a baseline of any size the limit allows can be used.
package enum Baseline {
    /// 8 GiB: a year of a large landlord's findings, as pretty JSON, is well under it.
    package static let standardMaxBytes = 8192 << 20

    /// The fields of a finding its fingerprint is made of, as the JSON formats write them.
    struct Recorded: Decodable {
        let complaint: String
        let rule: String
        let status: String
        let check: Check
        let due: String?
        let actual: String?
        let anchor: Anchor?
        struct Check: Decodable { let stage: Int? }
        struct Anchor: Decodable { let date: String }
    }

    /// The fingerprints of every finding in the baseline file: a JSON report (its
    /// `complaints[].findings[]`), or JSON Lines (`.jsonl`, `.ndjson`: a finding per line).
    package static func load(
        _ path: String, maxBytes: Int = standardMaxBytes, isJSONLines: Bool? = nil
    ) throws(InputError) -> Set<Fingerprint> {
        let isJSONLines = isJSONLines ?? (path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson"))
        let stream = JSONObjectStream(
            path: path, objectPath: isJSONLines ? [] : ["complaints", "findings"], maxFileBytes: maxBytes,
            fileLimitOption: "--max-baseline-mb")
        let decoder = JSONDecoder()
        var fingerprints = Set<Fingerprint>()
        let topLevel = try stream.read { (bytes, location) throws(InputError) in
            let recorded: Recorded
            do {
                recorded = try bytes.withUnsafeBufferPointer { try decoder.decode(Recorded.self, from: Data(buffer: $0)) }
            } catch {
                throw InputError(
                    location, "is not a finding chc wrote (\(describe(error))): a baseline is a `chc check --format json` or `jsonl` output"
                )
            }
            fingerprints.insert(
                Fingerprint(
                    complaint: recorded.complaint, rule: recorded.rule, status: recorded.status, stage: recorded.check.stage,
                    due: recorded.due, actual: recorded.actual, anchorDate: recorded.anchor?.date))
        }
        guard !isJSONLines else { return fingerprints }
        guard let version = topLevel["schemaVersion"] else {
            throw InputError(
                file: path, "is not a chc JSON report (it has no `schemaVersion`; make one with `chc check --format json --output FILE`)")
        }
        guard version == String(Finding.schemaVersion) else {
            throw InputError(file: path, "is a baseline of schemaVersion \(version); this chc reads \(Finding.schemaVersion)")
        }
        return fingerprints
    }

    /// A decoding error in a sentence, without Swift's type names.
    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "no `\(key.stringValue)`"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "`\(context.codingPath.map(\.stringValue).joined(separator: "."))` is not what chc writes there"
        case DecodingError.dataCorrupted: "not valid JSON"
        default: "unreadable"
        }
    }
}

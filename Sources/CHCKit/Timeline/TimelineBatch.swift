import Foundation

/// The complaints found under the paths of one run, and the files that could not be used.
public struct TimelineBatch: Sendable {
    public struct Entry: Sendable {
        public let file: String
        public let complaint: Complaint
    }

    public var entries: [Entry] = []
    public var errors: [InputError] = []
    /// YAML files found while walking a folder that are not timelines (a policy config, a column
    /// map, a CI workflow), with what they look like. Files named directly are never skipped.
    public var skipped: [(file: String, reason: String)] = []

    /// Loads every timeline file named (YAML or CSV event log) or found in a named folder (`*.yaml`, `*.yml`, walked
    /// recursively in name order). One bad file is reported and the rest are still loaded;
    /// a complaint id used twice in the batch is an error at its second appearance.
    public static func load(paths: [String], map: ColumnMap = ColumnMap(), limits: InputLimits = .standard) -> TimelineBatch {
        var batch = TimelineBatch()
        var seen: [String: SourceLocation] = [:]
        for (file, walked) in expand(paths, errors: &batch.errors) {
            var complaints: [Complaint] = []
            if file.lowercased().hasSuffix(".csv") {
                let (read, errors) = EventLogCSV.load(file, map: map, limits: limits)
                complaints = read
                batch.errors += errors
            } else {
                do {
                    let reader = try YAMLReader(path: file, limits: limits)
                    if walked, let reason = TimelineYAML.notATimeline(reader.root) {
                        batch.skipped.append((file, reason))
                        continue
                    }
                    complaints = TimelineYAML.read(reader)
                    try reader.throwIfProblems()
                } catch {
                    batch.errors.append(error)
                }
            }
            for complaint in complaints {
                if let first = seen[complaint.id] {
                    batch.errors.append(InputError(complaint.location, "complaint id `\(complaint.id)` is used twice in this batch (first at \(first))"))
                    continue
                }
                seen[complaint.id] = complaint.location
                batch.entries.append(Entry(file: file, complaint: complaint))
            }
        }
        return batch
    }

    /// Files named directly (any kind), and YAML files inside named folders (`walked`).
    static func expand(_ paths: [String], errors: inout [InputError]) -> [(file: String, walked: Bool)] {
        let fm = FileManager.default
        var files: [(file: String, walked: Bool)] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                errors.append(InputError(file: path, "no such file or folder"))
                continue
            }
            guard isDirectory.boolValue else {
                files.append((path, false))
                continue
            }
            let found = (fm.enumerator(atPath: path)?.allObjects as? [String] ?? [])
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
                .filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
                .sorted()
            files += found.map { ((path as NSString).appendingPathComponent($0), true) }
        }
        return files
    }
}

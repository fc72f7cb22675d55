import Foundation

/// The complaints found under the paths of one run, and the files that could not be used.
public struct TimelineBatch: Sendable {
    public struct Entry: Sendable {
        public let file: String
        public let complaint: Complaint
    }

    public var entries: [Entry] = []
    public var errors: [InputError] = []

    /// Loads every timeline file named or found in a named folder (`*.yaml`, `*.yml`, `*.csv`, walked
    /// recursively in name order). One bad file is reported and the rest are still loaded;
    /// a complaint id used twice in the batch is an error at its second appearance.
    public static func load(paths: [String], map: ColumnMap = ColumnMap(), limits: InputLimits = .standard) -> TimelineBatch {
        var batch = TimelineBatch()
        var seen: [String: SourceLocation] = [:]
        for file in expand(paths, errors: &batch.errors) {
            var complaints: [Complaint] = []
            if file.lowercased().hasSuffix(".csv") {
                let (read, errors) = EventLogCSV.load(file, map: map, limits: limits)
                complaints = read
                batch.errors += errors
            } else {
                do { complaints = try TimelineYAML.load(file, limits: limits) } catch { batch.errors.append(error) }
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

    /// Files named directly, and timeline files inside named folders.
    static func expand(_ paths: [String], errors: inout [InputError]) -> [String] {
        let fm = FileManager.default
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                errors.append(InputError(file: path, "no such file or folder"))
                continue
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let found = (fm.enumerator(atPath: path)?.allObjects as? [String] ?? [])
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.lowercased().hasSuffix(".csv") }
                .filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
                .sorted()
            files += found.map { (path as NSString).appendingPathComponent($0) }
        }
        return files
    }
}

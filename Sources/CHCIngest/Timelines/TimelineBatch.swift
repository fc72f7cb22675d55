import CHCModel
import Foundation

/// The complaints found under the paths of one run, and the files that could not be used.
package struct TimelineBatch: Sendable {
    package struct Entry: Sendable {
        package let file: String
        package let complaint: Complaint
    }

    package var entries: [Entry] = []
    package var errors: [InputError] = []
    /// YAML files found while walking a folder that are not timelines (a policy config, a column
    /// map, a CI workflow), with what they look like. Files named directly are never skipped.
    package var skipped: [(file: String, reason: String)] = []

    /// Loads every timeline file named (YAML or CSV event log) or found in a named folder
    /// (`*.yaml`, `*.yml`, walked recursively in name order). One bad file is reported and the
    /// rest are still loaded; a complaint id used twice in the batch is an error at its second
    /// appearance.
    package static func load(paths: [String], map: ColumnMap = ColumnMap(), limits: InputLimits = .standard) -> TimelineBatch {
        var batch = TimelineBatch()
        (batch.errors, batch.skipped) = forEachComplaint(paths: paths, map: map, limits: limits) { file, complaint in
            batch.entries.append(Entry(file: file, complaint: complaint))
        }
        return batch
    }

    /// Reads the paths one complaint at a time, without holding them all: a YAML file's
    /// complaints in id order, a CSV event log's as each complaint's last row is read.
    static func forEachComplaint(
        paths: [String], map: ColumnMap = ColumnMap(), limits: InputLimits = .standard,
        _ body: (String, Complaint) -> Void
    ) -> (errors: [InputError], skipped: [(file: String, reason: String)]) {
        var errors: [InputError] = []
        var skipped: [(file: String, reason: String)] = []
        var seen: [String: SourceLocation] = [:]
        let files = expand(paths, errors: &errors)
        // One CSV log on its own cannot repeat an id (its rows are grouped by id), so a
        // million-complaint export needs no table of the ids it has delivered.
        let trackIDs = loneEventLog(files) == nil
        func deliver(_ file: String, _ complaint: Complaint) {
            if trackIDs {
                if let first = seen[complaint.id] {
                    errors.append(
                        InputError(complaint.location, "complaint id `\(complaint.id)` is used twice in this batch (first at \(first))"))
                    return
                }
                seen[complaint.id] = complaint.location
            }
            body(file, complaint)
        }
        for (file, walked) in files {
            if WorkbookEventLog.isWorkbook(file) {
                let read = WorkbookEventLog.stream(file, map: map, limits: limits, walked: walked) { deliver(file, $0) }
                errors += read.errors
                if let reason = read.skipped { skipped.append((file, reason)) }
                continue
            }
            if isEventLog(file) {
                if walked, let reason = EventLogCSV.notAnEventLog(file, map: map, limits: limits) {
                    skipped.append((file, reason))
                    continue
                }
                errors += EventLogCSV.stream(file, map: map, limits: limits) { deliver(file, $0) }
                continue
            }
            do {
                let reader = try YAMLReader(path: file, limits: limits)
                if walked, let reason = TimelineYAML.notATimeline(reader.root) {
                    skipped.append((file, reason))
                    continue
                }
                let complaints = TimelineYAML.read(reader)
                try reader.throwIfProblems()
                for complaint in complaints.sorted(by: { $0.id < $1.id }) { deliver(file, complaint) }
            } catch {
                errors.append(error)
            }
        }
        return (errors, skipped)
    }

    /// Whether a file is read as a CSV event log (by its name), not as YAML.
    static func isEventLog(_ file: String) -> Bool { file.lowercased().hasSuffix(".csv") }

    /// The file, when the batch is one CSV event log and nothing else.
    static func loneEventLog(_ files: [(file: String, walked: Bool)]) -> String? {
        files.count == 1 && isEventLog(files[0].file) ? files[0].file : nil
    }

    /// Files named directly (any kind), and the YAML timelines, CSV event logs and Excel
    /// workbooks inside named folders (`walked`).
    /// A file met twice (named, and found in a named folder; or named twice) is read once, where
    /// it first comes, as named if it was named.
    package static func expand(_ paths: [String], errors: inout [InputError]) -> [(file: String, walked: Bool)] {
        let fm = FileManager.default
        var files: [(file: String, walked: Bool)] = []
        var seen: [FileIdentity: Int] = [:]
        func add(_ file: String, walked: Bool) {
            var status = stat()
            guard stat(file, &status) == 0 else {
                files.append((file, walked))
                return
            }
            let identity = FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
            if let index = seen[identity] {
                files[index].walked = files[index].walked && walked
                return
            }
            seen[identity] = files.count
            files.append((file, walked))
        }
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                errors.append(InputError(file: path, "no such file or folder"))
                continue
            }
            guard isDirectory.boolValue else {
                if let error = notARegularFile(path) { errors.append(error) } else { add(path, walked: false) }
                continue
            }
            let found = (fm.enumerator(atPath: path)?.allObjects as? [String] ?? [])
                .filter { name in [".yaml", ".yml", ".csv", ".xlsx"].contains { name.lowercased().hasSuffix($0) } }
                .filter { !($0 as NSString).lastPathComponent.hasPrefix("~$") }  // Excel's lock file of an open workbook
                .filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
                .sorted()
            for name in found {
                let file = (path as NSString).appendingPathComponent(name)
                if let error = notARegularFile(file) { errors.append(error) } else { add(file, walked: true) }
            }
        }
        return files
    }
}

/// A file by its device and inode: the same file whatever path reached it.
private struct FileIdentity: Hashable {
    let device: UInt64
    let inode: UInt64
}

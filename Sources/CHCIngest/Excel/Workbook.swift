import CHCModel
import Foundation
import WorkingDays
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Why a cell could not be read.
struct CellProblem: Error {
    let reason: String
}

/// An Excel workbook (`.xlsx`: a zip of XML parts, ECMA-376), opened to read one sheet's rows as
/// an event log. The zip is read by ZIPFoundation; the parts by Foundation's `XMLParser`. The
/// small parts (the workbook, its relationships, the shared strings, the styles) are read whole;
/// the sheet is unzipped to an unlinked temporary file and parsed as a stream, a row at a time.
/// Everything unzipped counts against `maxBytes`, whatever the zip claims, so a zip bomb stops
/// at the limit.
package struct Workbook {
    let path: String
    /// The sheet's rows' text, read from this temporary file (already unlinked).
    let sheetFile: FileHandle
    package let sheetName: String
    let sharedStrings: [String]
    /// For each cell style (`s="…"`): whether its number format is a date or time.
    let dateStyles: [Bool]
    /// Dates counted from 1904 rather than 1900 (`<workbookPr date1904="1"/>`).
    let date1904: Bool

    /// Opens `path` and picks `sheet` (by name), or the first sheet.
    package init(path: String, sheet: String?, maxBytes: Int) throws(InputError) {
        self.path = path
        if let error = notARegularFile(path) { throw error }
        guard FileManager.default.fileExists(atPath: path) else { throw InputError(file: path, "no such file") }
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw InputError(file: path, "is not an Excel workbook (.xlsx): it is not a zip file")
        }
        var budget = maxBytes
        func part(_ name: String) throws(InputError) -> Data? {
            guard let entry = archive[name] else { return nil }
            return try Self.unzip(entry, from: archive, path: path, budget: &budget, maxBytes: maxBytes)
        }
        guard let workbookXML = try part("xl/workbook.xml") else {
            throw InputError(file: path, "is not an Excel workbook (.xlsx): it has no xl/workbook.xml")
        }
        let workbook = WorkbookPart(workbookXML)
        let relationships = RelationshipsPart(try part("xl/_rels/workbook.xml.rels") ?? Data())
        let shared = SharedStringsPart(try part("xl/sharedStrings.xml") ?? Data())
        let styles = StylesPart(try part("xl/styles.xml") ?? Data())
        for (name, reader) in [("workbook", workbook), ("relationships", relationships), ("shared strings", shared), ("styles", styles)]
        where !reader.wellFormed {
            throw InputError(file: path, "is not an Excel workbook chc can read: its \(name) part is not well-formed XML")
        }
        guard !workbook.sheets.isEmpty else { throw InputError(file: path, "has no sheets") }
        let chosen: (name: String, id: String)
        if let sheet {
            guard let found = workbook.sheets.first(where: { $0.name == sheet }) else {
                throw InputError(
                    file: path,
                    "has no sheet `\(sheet)` (its sheets: \(workbook.sheets.map { "`\($0.name)`" }.joined(separator: ", ")))")
            }
            chosen = found
        } else {
            chosen = workbook.sheets[0]
        }
        sheetName = chosen.name
        date1904 = workbook.date1904
        guard let target = relationships.targets[chosen.id] else {
            throw InputError(file: path, "is not a workbook chc can read: sheet `\(chosen.name)` has no part")
        }
        let sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        guard let sheetEntry = archive[sheetPath] else {
            throw InputError(file: path, "is not a workbook chc can read: its part \(sheetPath) is missing")
        }
        sharedStrings = shared.strings
        dateStyles = styles.dateStyles
        // The sheet goes to a temporary file, unlinked at once: it is read twice, a row at a time.
        var template = Array((NSTemporaryDirectory() + "/chc-sheet-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw InputError(file: path, "cannot be read: no temporary file (\(String(cString: strerror(errno))))")
        }
        unlink(String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self))
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        _ = try Self.unzip(sheetEntry, from: archive, path: path, budget: &budget, maxBytes: maxBytes, into: descriptor)
        sheetFile = handle
    }

    /// Unzips `entry`, chunk by chunk, counting every byte against the budget: into memory, or
    /// onto a file descriptor (a copy the unzipping thread owns).
    ///
    /// ZIPFoundation 0.9.20 loops for ever on a deflate stream cut short at the end of the file
    /// (it reads on past the entry, gets nothing, and asks again), so the unzip runs on a thread
    /// of its own, watched: no output for five seconds is a damaged workbook, reported, and the
    /// stuck thread is left to the end of the run (it writes only to its own copy of the file).
    static func unzip(
        _ entry: Entry, from archive: Archive, path: String, budget: inout Int, maxBytes: Int, into descriptor: Int32? = nil
    ) throws(InputError) -> Data {
        guard entry.type == .file else { return Data() }
        let job = UnzipJob(archive: archive, entry: entry, budget: budget, descriptor: descriptor.map { dup($0) })
        let thread = Thread { job.run() }
        thread.stackSize = 1 << 20
        thread.start()
        var lastProgress = 0
        var stalledSince = Date()
        while job.finished.wait(timeout: .now() + .milliseconds(100)) == .timedOut {
            let progress = job.progress
            if progress != lastProgress {
                lastProgress = progress
                stalledSince = Date()
            } else if Date().timeIntervalSince(stalledSince) > 5 {
                throw InputError(
                    file: path, "is not an Excel workbook chc can read: \(entry.path) is damaged (its compressed data is cut short)")
            }
        }
        switch job.outcome {
        case .success(let (data, left)):
            budget = left
            return data
        case .failure(.overBudget):
            throw InputError(
                file: path,
                "unzips to more than the \(maxBytes >> 20) MiB limit for a workbook (a zip bomb?); raise it with --max-unzipped-mb")
        case .failure(.write(let code)):
            throw InputError(file: path, "cannot be read: no room to unzip it (\(String(cString: strerror(code))))")
        case .failure(.unzip(let reason)):
            throw InputError(file: path, "is not an Excel workbook chc can read: \(entry.path) cannot be unzipped (\(reason))")
        case nil:
            throw InputError(file: path, "cannot be read: \(entry.path) was not unzipped")
        }
    }

    /// Calls `row` with each row of the sheet: its number and its cells' text by column (an
    /// empty string for a missing cell). Dates are written `YYYY-MM-DD` (`…THH:MM[:SS]` with a
    /// time), numbers as Excel stores them, booleans `true`/`false`, a formula as its last value.
    package func forEachRow(_ row: (Int, [String]) -> Bool) throws(InputError) {
        do {
            try sheetFile.seek(toOffset: 0)
        } catch {
            throw InputError(file: path, "cannot be read: \(error.localizedDescription)")
        }
        let stream = InputStream(fileAtPath: "/dev/fd/\(sheetFile.fileDescriptor)")
        guard let stream else { throw InputError(file: path, "cannot be read: its sheet cannot be opened") }
        let parser = XMLParser(stream: stream)
        parser.shouldResolveExternalEntities = false
        let (parsed, problem, lastRow) = withoutActuallyEscaping(row) { row in
            let reader = SheetReader(workbook: self, row: row)
            parser.delegate = reader
            let wellFormed = parser.parse()
            let parsed = reader.stopped || (wellFormed && reader.complete)
            parser.delegate = nil
            return (parsed, reader.problem, reader.rowNumber)
        }
        if let problem { throw InputError(SourceLocation(file: path, line: lastRow, column: 1), problem) }
        if !parsed {
            throw InputError(
                file: path,
                "is not an Excel workbook chc can read: sheet `\(sheetName)` is cut short or not well-formed XML (\(parser.parserError.map { "\($0)" } ?? "it ends before its rows do"))"
            )
        }
    }

    /// A cell's value as text, from its type (`t`), style (`s`) and stored value.
    func text(type: String?, style: Int?, value: String, inline: String) -> Result<String, CellProblem> {
        switch type {
        case "s":
            guard let index = Int(value), sharedStrings.indices.contains(index) else {
                return .failure(CellProblem(reason: "a cell names shared string \(value), which the workbook does not have"))
            }
            return .success(sharedStrings[index])
        case "inlineStr": return .success(inline)
        case "str", "e": return .success(value)
        case "b": return .success(value == "1" ? "true" : "false")
        default:  // a number, possibly a date
            guard let style, dateStyles.indices.contains(style), dateStyles[style], let serial = Double(value) else {
                return .success(value)
            }
            guard let date = Self.date(serial: serial, date1904: date1904) else {
                return .failure(CellProblem(reason: "`\(value)` is not a date Excel can hold"))
            }
            return .success(date)
        }
    }

    /// An Excel serial day number as `YYYY-MM-DD`, with `THH:MM` (and `:SS`) when it has a time.
    /// Day 1 is 1 January 1900 (Excel counts a 29 February 1900 that never was: from day 61 on,
    /// day 0 is 30 December 1899), or 2 January 1904 in the 1904 system.
    static func date(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }  // up to 9999-12-31
        let days = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(days)) * 86_400).rounded())
        var day = days
        if seconds >= 86_400 {
            day += 1
            seconds -= 86_400
        }
        let epoch = date1904 ? CivilDate(dayNumber: -24_107) : CivilDate(dayNumber: day >= 61 ? -25_569 : -25_568)
        let date = epoch.adding(days: day)
        guard seconds > 0 else { return date.description }
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let time = "\(two(seconds / 3600)):\(two(seconds % 3600 / 60))" + (seconds % 60 == 0 ? "" : ":\(two(seconds % 60))")
        return "\(date)T\(time)"
    }
}

/// One entry unzipped on a thread of its own (`Workbook.unzip`): what it has produced so far,
/// and its outcome. Everything it touches is its own, behind a lock.
private final class UnzipJob: @unchecked Sendable {
    enum Failure: Error {
        case overBudget
        case write(Int32)
        case unzip(String)
    }

    private let archive: Archive
    private let entry: Entry
    private let budget: Int
    /// A copy of the caller's descriptor, closed by this job: a job left stuck cannot write into
    /// a file the caller opens later under the same number.
    private let descriptor: Int32?
    let finished = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var produced = 0
    private var result: Result<(Data, Int), Failure>?

    init(archive: Archive, entry: Entry, budget: Int, descriptor: Int32?) {
        self.archive = archive
        self.entry = entry
        self.budget = budget
        self.descriptor = descriptor
    }

    var progress: Int { lock.withLock { produced } }
    var outcome: Result<(Data, Int), Failure>? { lock.withLock { result } }

    func run() {
        defer {
            if let descriptor { close(descriptor) }
            finished.signal()
        }
        var data = Data()
        var left = budget
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                left -= chunk.count
                if left < 0 { throw Failure.overBudget }
                if let descriptor {
                    let failed: Int32? = chunk.withUnsafeBytes { bytes in
                        var written = 0
                        while written < bytes.count {
                            let n = write(descriptor, bytes.baseAddress! + written, bytes.count - written)
                            if n < 0 {
                                if errno == EINTR { continue }
                                return errno
                            }
                            written += n
                        }
                        return nil
                    }
                    if let failed { throw Failure.write(failed) }
                } else {
                    data.append(chunk)
                }
                lock.withLock { produced += chunk.count + 1 }
            }
            lock.withLock { result = .success((data, left)) }
        } catch let failure as Failure {
            lock.withLock { result = .failure(failure) }
        } catch {
            lock.withLock { result = .failure(.unzip("\(error)")) }
        }
    }
}

import CHCModel

/// The second pass over an event log, for the complaints one reading thread owns: complaint
/// number `n` belongs to shard `n % count`, and rows without a complaint to shard 0. Each shard
/// reads the whole file but builds only its own rows (the others are skipped, found with
/// `memchr`), so the shards of a file share no complaint, no event and no allocation — each
/// thread builds, checks and frees its complaints itself.
package struct EventLogShard {
    /// What a shard hands over, at the row it belongs to.
    package enum Item {
        /// A row that cannot be used, or a complaint that fails validation.
        case problem(InputProblem)
        /// A complaint whose last row has been read, validated.
        case complaint(Complaint)
        /// A file-level problem (including a file that changed since pass 1): the last item;
        /// nothing from its row on is handed over.
        case failed(InputError)
    }

    package let index: EventLogIndex
    package let map: ColumnMap
    package let limits: InputLimits
    let shard: Int
    package let count: Int

    /// The shard's complaint numbers are `n % count == shard`; its open complaints are kept at `n / count`.
    private func owns(_ slot: Int) -> Bool { slot < 0 ? shard == 0 : slot % count == shard }

    /// Reads the file again and calls `body` with each item and the row (counted from 1) it
    /// belongs to, in row order, ending with `failed` if the file cannot be read to its end.
    /// `shouldStop` is asked now and then; when it says yes, reading ends early.
    package func read(shouldStop: () -> Bool = { false }, _ body: (Int, Item) -> Void) {
        var row = 0
        do throws(InputError) {
            try read(row: &row, shouldStop: shouldStop, body)
        } catch {
            body(row + 1, .failed(error))
        }
    }

    private func read(row: inout Int, shouldStop: () -> Bool, _ body: (Int, Item) -> Void) throws(InputError) {
        // Every event and finding holds the file's name: each shard gets its own copy of the
        // text, so that threads do not count references to one shared string (measured: 5%
        // more CPU time when they did).
        let path = String(decoding: Array(index.path.utf8), as: UTF8.self)
        let rowSlots = index.rowSlots
        let reader = try CSVRecordReader(path: path, maxFieldBytes: limits.maxFieldLength, maxFields: limits.maxFieldsPerRecord)
        _ = try reader.next()
        var reading = Reading(shard: self, path: path)
        while true {
            let slot = row < rowSlots.count ? Int(rowSlots[row]) : -2
            if slot >= -1, !owns(slot) {
                guard try reader.skip() else { break }
                row += 1
                continue
            }
            if row & 0xFFF == 0, shouldStop() { return }
            row += 1
            // A plain line is read in place; anything else is copied out as a record.
            if let taken = reader.withNextPlainLine({ reading.take($0, slot: slot, row: row, body) }) {
                if !taken, let failure = reading.failure { throw failure }
                continue
            }
            guard let record = try reader.next() else {
                row -= 1
                break
            }
            if !reading.take(record, slot: slot, row: row, body), let failure = reading.failure { throw failure }
        }
        guard row == rowSlots.count else { throw EventLogCSV.changedWhileRead(SourceLocation(file: path, line: 1, column: 1)) }
    }

    /// What a shard keeps while it reads: the complaints whose rows are still to come. A value
    /// of its own (not variables captured by a local function), so that changing it is checked
    /// when compiled rather than at every row.
    private struct Reading {
        let shard: EventLogShard
        package let path: String
        let slots: [Int], lastRow: [Int]
        let idColumn: Int
        package var open: [EventLogCSV.OpenComplaint?]
        var recent = [RecentLists](repeating: RecentLists(), count: EventLogCSV.Column.allCases.count)
        /// A file-level problem a row showed (the file changed since pass 1).
        package var failure: InputError?

        package init(shard: EventLogShard, path: String) {
            self.shard = shard
            self.path = path
            slots = shard.index.slots
            lastRow = shard.index.lastRow
            idColumn = slots[EventLogCSV.Column.complaintId.rawValue]
            open = [EventLogCSV.OpenComplaint?](repeating: nil, count: (lastRow.count + shard.count - 1 - shard.shard) / shard.count)
        }

        /// Takes in one row of the shard's; false when it shows a file-level problem (`failure`).
        package mutating func take(_ record: some CSVFields, slot: Int, row: Int, _ body: (Int, Item) -> Void) -> Bool {
            let slots = slots
            let path = path
            let index = shard.index
            func cell(_ name: EventLogCSV.Column) -> String? { EventLogCSV.cell(name, of: record, slots: slots) }
            var location: SourceLocation { SourceLocation(file: path, line: record.line, column: 1) }
            if record.count == 1, record.isEmpty(0) {  // a blank line
                if slot == -1 { return true }
                failure = EventLogCSV.changedWhileRead(location)
                return false
            }
            // The file must not have changed between the passes: a row given to the wrong
            // complaint would be a wrong finding. The id's bytes are compared, trimmed as pass 1
            // trimmed them (nil: the row has no id); its text is made once, for the complaint.
            let sameID: Bool? = record.withField(idColumn) {
                EventLogCSV.trimmed($0) { $0.isEmpty ? nil : slot >= 0 && index.ids.matches(slot, $0) }
            }
            guard slot == -1 ? sameID == nil : sameID == true else {
                failure = EventLogCSV.changedWhileRead(location)
                return false
            }
            guard slot >= 0 else {
                body(
                    row,
                    .problem(InputProblem(location, "row has no complaint id (column `\(CSVColumn.complaintId.header(in: shard.map))`)")))
                return true
            }
            let place = slot / shard.count
            var id: String { index.ids.id(slot) }
            // Taken out of its slot while it changes, so appending does not copy the array.
            var entry = open[place].take() ?? EventLogCSV.OpenComplaint()
            if let problem = record.problem {
                body(row, .problem(EventLogCSV.OpenComplaint.rowProblem(problem, complaint: id)))
                entry.bad = true
            } else {
                switch EventLogCSV.event(record: record, slots: slots, map: shard.map, file: path, order: row, recent: &recent) {
                case .success(let event):
                    // Most complaints have a few events: one allocation, not three.
                    if entry.events.isEmpty { entry.events.reserveCapacity(4) }
                    entry.events.append(event)
                    entry.category = entry.category ?? cell(.category)
                    entry.landlord = entry.landlord ?? cell(.landlord)
                case .failure(let problem):
                    body(row, .problem(EventLogCSV.OpenComplaint.rowProblem(problem, complaint: id)))
                    entry.bad = true
                }
            }
            guard lastRow[slot] == row else {
                open[place] = entry
                return true
            }
            let (validated, found) = entry.finish(id: id)
            for problem in found { body(row, .problem(problem)) }
            if let validated { body(row, .complaint(validated)) }
            return true
        }
    }
}

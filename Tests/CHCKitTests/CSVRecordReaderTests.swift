import Foundation
import TestSupport
import Testing

@testable import CHCChecks
@testable import CHCIngest
@testable import CHCModel
@testable import CHCOutput

/// The CSV reader against tables it should read back exactly: random fields (quoted and not,
/// with separators, quotes, newlines, CR and non-ASCII text), LF or CRLF line ends, read in
/// chunks of every small size so each record is cut by a chunk edge somewhere.
@Suite struct CSVRecordReaderTests {
    static let plain: [String] = ["a", "b", "z", "0", "7", " ", "-", ";", "é", "€", "x y", "'"]
    static let special: [String] = [",", "\"", "\n", "\r\n", "\r"]

    /// A random table and its CSV text.
    static func table(seed: UInt64) -> (rows: [[String]], text: String) {
        var random = SeededRandom(state: seed)
        var rows: [[String]] = []
        var text = ""
        let crlf = Bool.random(using: &random)
        let rowCount = Int.random(in: 1...12, using: &random)
        for r in 0..<rowCount {
            var fields: [String] = []
            var cells: [String] = []
            for _ in 0..<Int.random(in: 1...5, using: &random) {
                var value = ""
                let quoted = Int.random(in: 0..<3, using: &random) == 0
                for _ in 0..<Int.random(in: 0...6, using: &random) {
                    if quoted, Bool.random(using: &random) {
                        value += special.randomElement(using: &random)!
                    } else {
                        value += plain.randomElement(using: &random)!
                    }
                }
                fields.append(value)
                cells.append(quoted ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value)
            }
            rows.append(fields)
            text += cells.joined(separator: ",")
            // The last line may end without a line break (not when it is blank: that would be no row).
            let blank = cells == [""]
            if r < rowCount - 1 || blank || Bool.random(using: &random) { text += crlf ? "\r\n" : "\n" }
        }
        return (rows, text)
    }

    func read(_ text: String, chunkBytes: Int) throws -> [CSVRecord] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chc-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let reader = try CSVRecordReader(path: url.path, chunkBytes: chunkBytes)
        var records: [CSVRecord] = []
        while let record = try reader.next() { records.append(record) }
        return records
    }

    @Test(arguments: [1, 3, 8, 64, 1 << 20])
    func readsBackWhatWasWritten(chunkBytes: Int) throws {
        for seed in UInt64(0)..<80 {
            let (rows, text) = Self.table(seed: seed)
            let records = try read(text, chunkBytes: chunkBytes)
            #expect(records.map(\.fields) == rows, "seed \(seed), chunk \(chunkBytes): \(text.debugDescription)")
            // Each record starts on the line after the previous record's last line.
            var line = 1
            for (record, fields) in zip(records, rows) {
                #expect(record.line == line, "seed \(seed)")
                line += 1 + fields.reduce(0) { $0 + $1.filter { $0 == "\n" || $0 == "\r\n" }.count }
            }
            #expect(records.allSatisfy { $0.problem == nil })
        }
    }

    @Test(arguments: [1, 7, 64, 1 << 20])
    func oneFieldAtATimeReadsTheSameAsWholeRecords(chunkBytes: Int) throws {
        for seed in UInt64(0)..<80 {
            let (rows, text) = Self.table(seed: seed)
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("chc-\(UUID().uuidString).csv")
            try Data(text.utf8).write(to: url)
            defer { try? FileManager.default.removeItem(at: url) }
            let records = try read(text, chunkBytes: chunkBytes)
            for column in 0..<6 {
                let reader = try CSVRecordReader(path: url.path, chunkBytes: chunkBytes)
                var fields: [(line: Int, text: String)] = []
                while let field = try reader.nextField(column) { fields.append(field) }
                #expect(fields.map(\.text) == rows.map { column < $0.count ? $0[column] : "" }, "seed \(seed), column \(column)")
                #expect(fields.map(\.line) == records.map(\.line), "seed \(seed), column \(column)")
            }
        }
    }

    @Test(arguments: [1, 7, 64, 1 << 20])
    func linesReadInPlaceOrSkippedMatchWholeRecords(chunkBytes: Int) throws {
        // Random tables, plus a line wider than the reader's first field-bounds buffer (after a
        // header: the first line is always read as a record, when the first chunk is read).
        let wide = (0..<100).map { "f\($0)" }
        for seed in UInt64(0)..<81 {
            let (rows, text) =
                seed < 80 ? Self.table(seed: seed) : ([["h"], wide, ["x"], ["y"]], "h\n" + wide.joined(separator: ",") + "\nx\ny\n")
            let records = try read(text, chunkBytes: chunkBytes)
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("chc-\(UUID().uuidString).csv")
            try Data(text.utf8).write(to: url)
            defer { try? FileManager.default.removeItem(at: url) }
            let reader = try CSVRecordReader(path: url.path, chunkBytes: chunkBytes)
            var fields: [[String]] = []
            var lines: [Int] = []
            var inPlace = 0
            var index = 0
            while true {
                if index % 3 == 2 {  // every third record skipped
                    guard try reader.skip() else { break }
                    fields.append(records[index].fields)
                    lines.append(records[index].line)
                } else if let (line, got) = reader.withNextPlainLine({ line in (line.line, (0..<line.count).map(line.field)) }) {
                    inPlace += 1
                    fields.append(got)
                    lines.append(line)
                } else {
                    guard let record = try reader.next() else { break }
                    fields.append(record.fields)
                    lines.append(record.line)
                }
                index += 1
            }
            #expect(fields == rows, "seed \(seed), chunk \(chunkBytes): \(text.debugDescription)")
            #expect(lines == records.map(\.line), "seed \(seed)")
            if seed == 80, chunkBytes > 1000 { #expect(inPlace == 2) }  // the wide line and `y`
        }
    }

    @Test func aCarriageReturnInsideAnUnquotedFieldIsKept() throws {
        // Only a field's last CR (of a CRLF) is dropped; a line with another CR takes the full scan.
        for chunk in [1, 5, 1 << 20] {
            let records = try read("a\rb,c\r\nd,e\r,f\n", chunkBytes: chunk)
            #expect(records.map(\.fields) == [["a\rb", "c"], ["d", "e", "f"]], "chunk \(chunk)")
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("chc-\(UUID().uuidString).csv")
            try Data("a\rb,c\r\nd,e\r,f\n".utf8).write(to: url)
            defer { try? FileManager.default.removeItem(at: url) }
            let reader = try CSVRecordReader(path: url.path, chunkBytes: chunk)
            var second: [String] = []
            while let field = try reader.nextField(1) { second.append(field.text) }
            #expect(second == ["c", "e"], "chunk \(chunk)")
            // Skipping a line with a CR inside ends it where a full read does.
            let skipping = try CSVRecordReader(path: url.path, chunkBytes: chunk)
            #expect(try skipping.skip())
            let record = try skipping.next()
            #expect(record?.fields == ["d", "e", "f"] && record?.line == 2, "chunk \(chunk)")
            #expect(try !skipping.skip())
        }
    }

    @Test func errorsAreTheSameWhereverTheChunksEnd() throws {
        let cases = [
            ("a,b\n1,\"open\n", ":2:3: error: a quoted field is never closed"),
            ("a,b\n1,\"x\"y\n", ":2:6: error: unexpected `y` after a closing quote"),
            ("a\n\"two\nlines\"!\n", ":3:7: error: unexpected `!` after a closing quote"),
        ]
        for (text, expected) in cases {
            for chunk in [1, 2, 4, 1 << 20] {
                do {
                    _ = try read(text, chunkBytes: chunk)
                    Issue.record("no error for \(text.debugDescription)")
                } catch {
                    #expect("\(error)".contains(expected), "chunk \(chunk): \(error)")
                }
            }
        }
    }

    @Test func aFieldOverTheLimitIsStoppedWithoutReadingTheRestOfTheLine() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chc-\(UUID().uuidString).csv")
        try Data(("id,x\n1," + String(repeating: "y", count: 5_000)).utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let reader = try CSVRecordReader(path: url.path, maxFieldBytes: 1_000, chunkBytes: 256)
        _ = try reader.next()
        do {
            _ = try reader.next()
            Issue.record("no error for a 5,000-byte field")
        } catch {
            #expect("\(error)".contains(":2:3: error: field 2 is longer than the 1000-byte limit"), "\(error)")
        }
    }
}

import CHCIngest
import Foundation

/// One piece of a spooled format's output: a finding's SARIF result, a complaint's JUnit suite.
/// Its bytes are carved from the checking thread's blocks (`RenderScratch.handed`), so the
/// writing thread frees a block now and then rather than every record's bytes.
package struct SpoolRecord: Sendable {
    /// What `--max-results` keeps first: larger is kept before smaller.
    package let rank: UInt64
    package let bytes: HandedBytes

    package init(rank: UInt64 = 0, bytes: HandedBytes) {
        self.rank = rank
        self.bytes = bytes
    }
}

/// A complaint's records, in order. Most complaints have one (JUnit's suite) or none (SARIF with
/// no finding): held without an array of their own, since an array made on a checking thread
/// and freed on the writing thread (a million of them) contends for the allocator's lock.
package struct SpoolRecords: Sequence, Sendable {
    private let first: SpoolRecord?
    private let rest: [SpoolRecord]

    /// No record.
    package init() { (first, rest) = (nil, []) }

    /// One record.
    package init(_ record: SpoolRecord) { (first, rest) = (record, []) }

    /// Any number of records.
    package init(_ records: [SpoolRecord]) {
        if records.count == 1 { (first, rest) = (records[0], []) } else { (first, rest) = (nil, records) }
    }

    package func makeIterator() -> Iterator { Iterator(first: first, rest: rest.makeIterator()) }

    package struct Iterator: IteratorProtocol {
        var first: SpoolRecord?
        var rest: IndexingIterator<[SpoolRecord]>

        package mutating func next() -> SpoolRecord? {
            if let record = first {
                first = nil
                return record
            }
            return rest.next()
        }
    }
}

/// Records kept on disk while a run is checked, for a format whose document cannot be written
/// until the whole run is known (SARIF's rule list and `--max-results`, JUnit's totals): memory
/// holds the complaints in flight, not the run. The file is an unlinked temporary (`tmpfile`),
/// so nothing is left behind however the run ends.
package final class Spool {
    private let file: UnsafeMutablePointer<FILE>
    /// The file's buffer: 1 MiB, where the C library's own is 4 KiB. A million complaints' JUnit
    /// suites are 4 GB, a million system calls each way in pieces of 4 KiB (measured: more
    /// system time than all the checking).
    private let buffer: UnsafeMutableRawPointer
    static let bufferBytes = 1 << 20
    /// The first failure, reported by `replay` and by the run.
    package private(set) var failure: OutputError?

    package init() throws(OutputError) {
        guard let file = tmpfile() else { throw OutputError(path: "a temporary file", code: errno) }
        self.file = file
        buffer = .allocate(byteCount: Self.bufferBytes, alignment: 16)
        setvbuf(file, buffer.assumingMemoryBound(to: CChar.self), _IOFBF, Self.bufferBytes)
    }

    deinit {
        fclose(file)
        buffer.deallocate()  // after the file that uses it is closed
    }

    /// Appends a record: its rank, its length and its bytes.
    package func append(_ record: SpoolRecord) {
        guard failure == nil else { return }
        var header: (UInt64, UInt64) = (record.rank, UInt64(record.bytes.count))
        let ok =
            withUnsafeBytes(of: &header) { fwrite($0.baseAddress, 1, 16, file) == 16 }
            && record.bytes.withBytes { $0.isEmpty || fwrite($0.baseAddress, 1, $0.count, file) == $0.count }
        if !ok { failure = OutputError(path: "a temporary file", code: errno) }
    }

    /// Reads every record back in the order appended: its number, its rank and its bytes (valid
    /// during the call). May be called again.
    package func replay(_ body: (Int, UInt64, UnsafeRawBufferPointer) -> Void) throws(OutputError) {
        if let failure { throw failure }
        guard fflush(file) == 0 else { throw OutputError(path: "a temporary file", code: errno) }
        rewind(file)
        defer { fseek(file, 0, SEEK_END) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        var header: (UInt64, UInt64) = (0, 0)
        var index = 0
        while withUnsafeMutableBytes(of: &header, { fread($0.baseAddress, 1, 16, file) }) == 16 {
            let count = Int(header.1)
            if buffer.count < count { buffer = [UInt8](repeating: 0, count: count) }
            let read = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, count, file) }
            guard read == count else { throw OutputError(path: "a temporary file", code: ferror(file) != 0 ? errno : EIO) }
            buffer.withUnsafeBytes { body(index, header.0, UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            index += 1
        }
        if ferror(file) != 0 { throw OutputError(path: "a temporary file", code: errno) }
    }
}

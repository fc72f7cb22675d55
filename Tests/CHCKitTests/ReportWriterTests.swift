import Foundation
import TestSupport
import Testing

@testable import CHCOutput

/// `ReportWriter` writes a report file past the page cache where the system allows it, in whole
/// blocks, and the last part (shorter than a block) as usual; a byte lost or doubled at a block's
/// edge would be a broken report.
@Suite struct ReportWriterTests {
    func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("chc-writer-\(UUID().uuidString).out").path
    }

    @Test func aReportIsWrittenWhateverTheSizesOfItsPieces() throws {
        var random = SeededRandom(state: 42)
        let block = DirectWrites.block
        // Totals on each side of a block and of the 1 MiB buffer, and pieces of every size.
        for total in [0, 1, block - 1, block, block + 1, 1 << 20, (1 << 20) + 1, 3 * (1 << 20) + 17] {
            let path = temporaryPath()
            defer { try? FileManager.default.removeItem(atPath: path) }
            let expected = (0..<total).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let writer = try ReportWriter(path: path)
            if total == 0 && !writer.writesPastTheCache {
                print("note: this file system takes no direct writes; the ordinary path was tested")
            }
            var at = 0
            while at < total {
                let size = min(total - at, [1, 7, block, block + 3, 100_000, 1 << 20][Int(random.next() % 6)])
                writer.write(bytes: expected[at..<(at + size)])
                at += size
            }
            try writer.commit()
            let written = try #require(FileManager.default.contents(atPath: path))
            #expect(written.count == total)
            #expect(written == Data(expected), "\(total) bytes")  // Data: a failure prints sizes, not bytes
        }
    }

    /// JUnit to a file: its first line is written over at the end, after the direct writes —
    /// whether what came before it filled whole blocks or not (a report of one complaint is
    /// shorter than a block, and once lost its totals so).
    @Test(arguments: [10, DirectWrites.block - 1, DirectWrites.block, DirectWrites.block + 3, 3 * DirectWrites.block + 5])
    func theStartWrittenOverLastIsKept(bodySize: Int) throws {
        for offset in [0, 2, max(0, bodySize - 5)] {
            let path = temporaryPath()
            defer { try? FileManager.default.removeItem(atPath: path) }
            let writer = try ReportWriter(path: path)
            #expect(writer.canRewrite)
            let body = [UInt8](repeating: 120, count: bodySize)  // x
            writer.write(bytes: body)
            writer.rewrite(at: offset, with: Array("START".utf8))
            writer.write(bytes: Array("end".utf8))
            try writer.commit()
            let written = try #require(FileManager.default.contents(atPath: path))
            var expected = body
            expected.replaceSubrange(offset..<(offset + 5), with: Array("START".utf8))
            expected += Array("end".utf8)
            #expect(written == Data(expected), "\(bodySize) bytes, start written over at \(offset)")
        }
    }

    @Test func anExistingReportKeepsItsPermissions() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data("old".utf8), attributes: [.posixPermissions: 0o640]))
        let writer = try ReportWriter(path: path)
        writer.write(bytes: [UInt8](repeating: 65, count: 2 * DirectWrites.block + 1))
        try writer.commit()
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o640)
        #expect(try #require(FileManager.default.contents(atPath: path)).count == 2 * DirectWrites.block + 1)
    }
}

import Foundation
import TestSupport
import Testing

@testable import CHCIngest

/// `HandedBytes` carves many pieces from one block, written on one thread and read on another;
/// a piece that read another's bytes, or a block reused under a piece still held, would be a
/// wrong line in a report.
@Suite struct HandedBytesTests {
    @Test func piecesHoldWhatWasWrittenAcrossBlocksOfEverySize() {
        var random = SeededRandom(state: 15)
        for blockSize in [1, 7, 64, 1 << 16] {
            let maker = HandedBytes.Maker(blockSize: blockSize)
            var expected: [[UInt8]] = []
            var pieces: [HandedBytes] = []
            for _ in 0..<500 {
                let count = Int(random.next() % 200)  // some empty, some larger than a small block
                let bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
                expected.append(bytes)
                pieces.append(maker.piece { $0.append(contentsOf: bytes) })
            }
            // Every piece still reads its own bytes after all the later ones were written.
            for (piece, bytes) in zip(pieces, expected) {
                #expect(piece.count == bytes.count)
                #expect(piece.withBytes { Array($0) } == bytes, "block size \(blockSize)")
            }
        }
    }

    @Test func aPieceIsReadIntactOnAnotherThreadWhileLaterOnesAreWritten() {
        let queue = HandOff<[HandedBytes]>(capacity: 4)
        let producer = Thread {
            let maker = HandedBytes.Maker(blockSize: 4096)
            for batch in 0..<200 {
                queue.put((0..<50).map { n in maker.piece { $0.append(contentsOf: Self.text(batch * 50 + n).utf8) } })
            }
            queue.finish()
        }
        producer.start()
        var next = 0
        var intact = true
        while let batch = queue.take() {
            for piece in batch {
                intact = intact && piece.withBytes { String(decoding: $0, as: UTF8.self) } == Self.text(next)
                next += 1
            }
        }
        #expect(next == 10_000)
        #expect(intact)
    }

    static func text(_ n: Int) -> String { "complaint \(n): " + String(repeating: "x", count: n % 97) + "\r\n" }
}

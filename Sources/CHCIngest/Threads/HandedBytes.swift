/// Bytes made on a checking thread and written by another, carved from large blocks so that a
/// complaint's output costs no allocation of its own, and the writing thread frees one block of
/// 64 KiB where it freed a piece of every complaint. (Each complaint's output was an array of its
/// own, made on the checking thread and freed on the writing thread; freeing memory another
/// thread allocated takes that thread's allocator lock, and at a million complaints the two
/// threads spent a tenth of their time waiting for it or waking each other.)
///
/// A `HandedBytes.Maker` belongs to one thread and copies each piece into the free end of its
/// current block; the pieces already handed over lie below that end, and a block is never moved
/// or grown, so the writer reads them while the maker writes further on. The handover itself
/// (`HandOff`'s lock, or waiting for the checking threads to finish a chunk) orders the maker's
/// writes before the writer's reads. A block is freed when its last piece is.
package struct HandedBytes: Sendable {
    private let block: Block
    private let range: Range<Int>

    /// The bytes, for as long as `body` runs.
    package func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(rebasing: block.storage[range]))
    }

    package var count: Int { range.count }

    /// Memory written once, below `used`, by the maker that owns it, and then only read.
    private final class Block: @unchecked Sendable {
        let storage: UnsafeMutableRawBufferPointer
        var used = 0

        init(capacity: Int) {
            storage = .allocate(byteCount: capacity, alignment: 16)
        }

        deinit { storage.deallocate() }
    }

    /// Makes pieces on one thread. It is a class, and `@unchecked Sendable`, only so that a
    /// thread's renderer (a `@Sendable` closure made on that thread) can keep it: it must never
    /// be used by two threads.
    package final class Maker: @unchecked Sendable {
        private var block: Block?
        private let blockSize: Int
        /// Where a piece is written before it is copied into a block; kept, with its capacity.
        private var staging: [UInt8] = []

        /// `blockSize` is for tests; a piece larger than it gets a block of its own size.
        package init(blockSize: Int = 1 << 16) { self.blockSize = max(1, blockSize) }

        /// A piece holding a copy of `bytes`.
        package func piece(_ bytes: UnsafeRawBufferPointer) -> HandedBytes {
            if block.map({ $0.storage.count - $0.used < bytes.count }) ?? true {
                block = Block(capacity: max(blockSize, bytes.count))
            }
            let block = block!
            let start = block.used
            if let source = bytes.baseAddress, !bytes.isEmpty {
                (block.storage.baseAddress! + start).copyMemory(from: source, byteCount: bytes.count)
            }
            block.used += bytes.count
            return HandedBytes(block: block, range: start..<block.used)
        }

        /// A piece holding a copy of `bytes`.
        package func piece(_ bytes: [UInt8]) -> HandedBytes { bytes.withUnsafeBytes { piece($0) } }

        /// A piece holding what `write` appends to an empty buffer.
        package func piece(writing write: (inout [UInt8]) -> Void) -> HandedBytes {
            staging.removeAll(keepingCapacity: true)
            write(&staging)
            return staging.withUnsafeBytes { piece($0) }
        }
    }
}

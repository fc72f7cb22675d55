import CHCModel
import Dispatch
import Foundation

/// The complaint ids of an event log, numbered 0, 1, … in order of first appearance, looked up
/// by their UTF-8 bytes. An open-addressing hash table over one byte arena, for the first pass
/// over a log of millions of rows: a `[String: Int32]` dictionary made a `String` of every
/// row's id and hashed it with the seeded SipHash, and was most of that pass's time (see
/// Benchmarks/README.md).
package struct ComplaintIDTable {
    /// The ids' bytes, by number.
    package private(set) var ids = ComplaintIDs()
    private var hashes: [UInt64] = []
    /// Each bucket holds an id's number in its low 32 bits and its hash's high 32 bits above
    /// them (so a probe that meets another id moves on without looking up that id: those
    /// lookups missed the cache and were a third of this table's time), or -1 when empty; a
    /// power of two long, never more than half full.
    private var buckets = [Int64](repeating: -1, count: 1024)

    /// How many distinct ids have been seen.
    package var count: Int { ids.count }

    /// The number of the id with these bytes, given a new number when it is new. `nil` when the
    /// table is full (more ids than an `Int32` can number).
    package mutating func number(of id: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = Self.hash(id)
        if let found = lookUp(id, hash: hash) { return found }
        guard count < Int(Int32.max) else { return nil }
        let number = Int32(count)
        ids.append(id)
        hashes.append(hash)
        if count * 2 > buckets.count {
            grow()  // which places every id, this one too
            return number
        }
        var bucket = Int(truncatingIfNeeded: hash) & (buckets.count - 1)
        while buckets[bucket] >= 0 { bucket = (bucket + 1) & (buckets.count - 1) }
        buckets[bucket] = Self.tag(hash) << 32 | Int64(number)
        return number
    }

    /// The number of the id with these bytes and this hash, or nil when it is not here.
    private func lookUp(_ id: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32? {
        let mask = buckets.count - 1
        var bucket = Int(truncatingIfNeeded: hash) & mask
        let tag = Self.tag(hash)
        return buckets.withUnsafeBufferPointer { buckets in
            while true {
                let entry = buckets[bucket]
                if entry < 0 { return nil }
                let number = Int32(truncatingIfNeeded: entry)
                if entry >> 32 == tag, ids.matches(Int(number), id) { return number }
                bucket = (bucket + 1) & mask
            }
        }
    }

    /// These ids followed by those of `later` (the ids of the rows that follow) not among them,
    /// in `later`'s order: the ids one table reading both stretches would have numbered. With
    /// them, each of `later`'s numbers among them. `nil` when there are more than an `Int32`
    /// can number.
    ///
    /// Only the ids are joined, not the hash tables: the second pass reads ids by number and
    /// never looks one up. `later`'s ids are looked up here on two threads at once (nearly all
    /// of a time-ordered log's are new, so each look-up is a miss in a table too big for the
    /// cache), and the new ones appended in one go.
    package consuming func joined(with later: ComplaintIDTable) -> (ids: ComplaintIDs, numbers: [Int32])? {
        var numbers = lookUp(later)
        var joined = ids
        ids = ComplaintIDs()  // so that `joined` is the only reference, and appending copies nothing
        for number in numbers.indices where numbers[number] < 0 {
            guard joined.count < Int(Int32.max) else { return nil }
            numbers[number] = Int32(joined.count)
            later.ids.withID(number) { joined.append($0) }
        }
        return (joined, numbers)
    }

    /// The number here of each of `other`'s ids, -1 for those not here: the first half looked
    /// up on this thread, the second on another.
    private func lookUp(_ other: ComplaintIDTable) -> [Int32] {
        let count = other.count
        return [Int32](unsafeUninitializedCapacity: count) { numbers, initialized in
            let out = Numbers(base: numbers.baseAddress)
            DispatchQueue.concurrentPerform(iterations: 2) { half in
                for number in half == 0 ? 0..<count / 2 : count / 2..<count {
                    let found = other.ids.withID(number) { lookUp($0, hash: other.hashes[number]) }
                    out.base?[number] = found ?? -1
                }
            }
            initialized = count
        }
    }

    /// The array being filled by `lookUp(_:)`, each half by one thread.
    private struct Numbers: @unchecked Sendable {
        let base: UnsafeMutablePointer<Int32>?
    }

    /// The bits of a hash a bucket keeps beside the number: the high 31, so an entry is never negative.
    private static func tag(_ hash: UInt64) -> Int64 { Int64(hash >> 33) }

    /// Whether id `number` has exactly these bytes.
    func matches(_ number: Int, _ id: UnsafeBufferPointer<UInt8>) -> Bool { ids.matches(number, id) }

    /// Whether id `number` is this text.
    func matches(_ number: Int, _ id: String) -> Bool { ids.matches(number, id) }

    /// Id `number` as text.
    package func id(_ number: Int) -> String { ids.id(number) }

    /// Doubles the buckets and places every id again.
    private mutating func grow() {
        let size = buckets.count * 2
        let mask = size - 1
        var grown = [Int64](repeating: -1, count: size)
        for (number, hash) in hashes.enumerated() {
            var bucket = Int(truncatingIfNeeded: hash) & mask
            while grown[bucket] >= 0 { bucket = (bucket + 1) & mask }
            grown[bucket] = Self.tag(hash) << 32 | Int64(number)
        }
        buckets = grown
    }

    /// The bytes eight at a time (an id is one or two words), each word mixed in with a multiply,
    /// then a final mix so that the low bits (the bucket) depend on all of them. Byte-at-a-time
    /// FNV-1a was a chain of eleven dependent multiplies for a typical id.
    package static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= bytes.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0xff51_afd7_ed55_8ccd
            hash ^= hash >> 32
            index += 8
        }
        var tail: UInt64 = 0
        for byte in UnsafeBufferPointer(rebasing: bytes[index...]).reversed() { tail = tail << 8 | UInt64(byte) }
        hash = (hash ^ tail) &* 0xc4ce_b9fe_1a85_ec53
        hash ^= hash >> 33
        hash = hash &* 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        return hash
    }
}

/// Complaint ids by number: their bytes one after another, id `n` ending at `ends[n]`. What the
/// second pass over a log keeps of the first's table: it reads ids by number, never by bytes.
package struct ComplaintIDs: Sendable {
    private var arena: [UInt8] = []
    private var ends: [Int] = []

    /// How many ids there are.
    package var count: Int { ends.count }

    /// Adds an id, numbered `count`.
    mutating func append(_ id: UnsafeBufferPointer<UInt8>) {
        arena.append(contentsOf: id)
        ends.append(arena.count)
    }

    /// Whether id `number` has exactly these bytes.
    func matches(_ number: Int, _ id: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = number == 0 ? 0 : ends[number - 1]
        let end = ends[number]
        guard end - start == id.count else { return false }
        guard let base = id.baseAddress else { return true }
        return arena.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, base, id.count) == 0 }
    }

    /// Whether id `number` is this text.
    func matches(_ number: Int, _ id: String) -> Bool {
        var id = id
        return id.withUTF8 { matches(number, $0) }
    }

    /// Calls `body` with the bytes of id `number`.
    func withID<T>(_ number: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        let start = number == 0 ? 0 : ends[number - 1]
        return arena.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<ends[number]])) }
    }

    /// Id `number` as text.
    package func id(_ number: Int) -> String {
        withID(number) { String(decoding: $0, as: UTF8.self) }
    }
}

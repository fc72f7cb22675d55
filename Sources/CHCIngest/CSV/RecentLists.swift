import CHCModel
import Foundation

/// The last few `;` lists read from one column, by their bytes. An event log repeats a handful
/// of lists over and over (point ids `p1;p2`, the parts of a response), so a row whose cell
/// matches one of them shares its array instead of splitting and allocating a new one.
package struct RecentLists {
    private var bytes: [[UInt8]] = []
    private var lists: [[String]] = []
    private var next = 0
    /// How many distinct lists are kept (replaced oldest first).
    static let capacity = 8

    /// The list for `cell`'s bytes: a kept one when the bytes match, else `split(cell)` (kept
    /// for next time unless nil).
    package mutating func list(_ cell: UnsafeBufferPointer<UInt8>, split: (UnsafeBufferPointer<UInt8>) -> [String]?) -> [String]? {
        for index in bytes.indices where bytes[index].count == cell.count {
            // memcmp: the generic `elementsEqual` compared byte by byte and showed in profiles.
            let same = cell.isEmpty || bytes[index].withUnsafeBufferPointer { memcmp($0.baseAddress!, cell.baseAddress!, cell.count) == 0 }
            if same { return lists[index] }
        }
        guard let list = split(cell) else { return nil }
        if bytes.count < Self.capacity {
            bytes.append(Array(cell))
            lists.append(list)
        } else {
            bytes[next] = Array(cell)
            lists[next] = list
            next = (next + 1) % Self.capacity
        }
        return list
    }
}

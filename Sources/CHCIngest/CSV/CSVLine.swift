import CHCModel

/// What a reader of CSV rows needs of a row: its line, its fields as bytes or text, and a
/// problem confined to it. `CSVRecord` (an owned copy) and `CSVLine` (borrowed from the
/// reader's buffer) both have it, so one function reads either.
package protocol CSVFields {
    var line: Int { get }
    var count: Int { get }
    var problem: InputProblem? { get }
    func isEmpty(_ index: Int) -> Bool
    func field(_ index: Int) -> String
    func withField<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T
}

extension CSVRecord: CSVFields {}

/// A plain line of the file — ASCII, no quote, no carriage return but a final one, nearly every
/// line of an export — read in place: its fields are ranges of the reader's buffer, found in
/// one pass, and nothing is copied. Valid only inside `CSVRecordReader.withNextPlainLine`.
package struct CSVLine: CSVFields {
    package let line: Int
    package let bytes: UnsafeBufferPointer<UInt8>
    /// Start and end of each field in `bytes`, two entries a field.
    let bounds: UnsafeBufferPointer<Int>

    package var count: Int { bounds.count / 2 }
    /// An ASCII line with no quotes cannot have a problem of its own.
    package var problem: InputProblem? { nil }

    @inline(__always) func range(_ index: Int) -> Range<Int> {
        guard index < count else { return 0..<0 }
        return bounds[2 * index]..<bounds[2 * index + 1]
    }

    package func isEmpty(_ index: Int) -> Bool { range(index).isEmpty }

    package func field(_ index: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range(index)]), as: UTF8.self) }

    @inline(__always) package func withField<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        try body(UnsafeBufferPointer(rebasing: bytes[range(index)]))
    }
}

/// Bounds on what `chc` reads, so hostile or broken input cannot exhaust memory or time.
/// Each limit is named in the error that reports it, with the option that raises it.
package struct InputLimits: Sendable {
    /// Largest YAML file read, in bytes.
    package var maxYAMLBytes: Int = 64 << 20
    /// Deepest nesting of YAML collections.
    package var maxDepth: Int = 64
    /// Most YAML nodes visited in one file, counting every expansion of an alias.
    package var maxNodes: Int = 2_000_000
    /// Longest text value, in characters.
    package var maxFieldLength: Int = 100_000
    /// Most fields in one CSV record (a line of empty fields is otherwise unbounded).
    package var maxFieldsPerRecord: Int = 10_000
    /// Most bytes an Excel workbook may unzip to, all its parts together (the zip-bomb guard).
    package var maxUnzippedBytes: Int = 1024 << 20

    package init() {}

    package static let standard = InputLimits()
}

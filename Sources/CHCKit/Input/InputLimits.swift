/// Bounds on what `chc` reads, so hostile or broken input cannot exhaust memory or time.
/// Each limit is named in the error that reports it, with the option that raises it.
public struct InputLimits: Sendable {
    /// Largest YAML file read, in bytes.
    public var maxYAMLBytes: Int = 64 << 20
    /// Deepest nesting of YAML collections.
    public var maxDepth: Int = 64
    /// Most YAML nodes visited in one file, counting every expansion of an alias.
    public var maxNodes: Int = 2_000_000
    /// Longest text value, in characters.
    public var maxFieldLength: Int = 100_000

    public init() {}

    public static let standard = InputLimits()
}

/// One problem with an input file, located where a person can fix it.
public struct InputProblem: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    public let location: SourceLocation
    public let message: String

    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    /// `file:line:col: error: message`, the form editors and CI logs link to.
    public var description: String { "\(location): error: \(message)" }
}

/// A file that could not be used, with every problem found in it.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public let problems: [InputProblem]

    public init(_ problems: [InputProblem]) { self.problems = problems }
    public init(_ location: SourceLocation, _ message: String) { problems = [InputProblem(location, message)] }

    /// An error about a whole file (line 1, column 1).
    public init(file: String, _ message: String) { self.init(SourceLocation(file: file, line: 1, column: 1), message) }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// One problem with an input file, located where a person can fix it.
package struct InputProblem: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    package let location: SourceLocation
    package let message: String

    package init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    /// `file:line:col: error: message`, the form editors and CI logs link to.
    package var description: String { "\(location): error: \(message)" }
}

/// A file that could not be used, with every problem found in it.
package struct InputError: Error, Sendable, CustomStringConvertible {
    package let problems: [InputProblem]

    package init(_ problems: [InputProblem]) { self.problems = problems }
    package init(_ location: SourceLocation, _ message: String) { problems = [InputProblem(location, message)] }

    /// An error about a whole file (line 1, column 1).
    package init(file: String, _ message: String) { self.init(SourceLocation(file: file, line: 1, column: 1), message) }

    package var description: String { problems.map(\.description).joined(separator: "\n") }
}

import CHCModel
import WorkingDays
import Yams

/// A parsed YAML document that keeps every node's position, with typed readers that record a
/// located `InputProblem` (instead of throwing) so that one pass reports every mistake in a file.
package final class YAMLReader {
    package let file: String
    package let root: Node?
    package private(set) var problems: [InputProblem] = []
    package let limits: InputLimits
    /// Whether every text value read is given storage of its own (`String.unshared`), for
    /// objects one thread will use without sharing reference counts with another's.
    let unsharesStrings: Bool

    /// Parses `text`; a YAML syntax error or a breached limit throws at once.
    package init(file: String, text: String, limits: InputLimits = .standard) throws(InputError) {
        self.file = file
        self.limits = limits
        unsharesStrings = false
        try YAMLReader.checkNesting(text, file: file, limits: limits)
        do {
            // No implicit tags (int, bool, timestamp…): every value is read as text by the typed
            // readers below, and matching each scalar against Yams's patterns was a quarter of
            // start-up.
            root = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw YAMLReader.describe(error, file: file)
        } catch {
            throw InputError(file: file, "could not be read as YAML: \(error)")
        }
        if let root { try checkSize(root) }
    }

    /// Reads a document already parsed (and checked against the limits) by another reader,
    /// every text value in storage of its own: for a thread's own copy of what was read.
    package init(rereading document: YAMLReader) {
        file = document.file.unshared
        root = document.root
        limits = document.limits
        unsharesStrings = true
    }

    /// Reads and parses a YAML file.
    package convenience init(path: String, limits: InputLimits = .standard) throws(InputError) {
        let text = try readTextFile(path, maxBytes: limits.maxYAMLBytes)
        try self.init(file: path, text: text, limits: limits)
    }

    // MARK: Problems

    package func location(of node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(file: file, line: 1, column: 1) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    /// Records a problem at `node`.
    package func report(_ node: Node?, _ message: String) {
        problems.append(InputProblem(location(of: node), message))
    }

    /// Records a problem that already has its location.
    package func report(_ problem: InputProblem) { problems.append(problem) }

    /// Throws the recorded problems, if any.
    package func throwIfProblems() throws(InputError) {
        if !problems.isEmpty { throw InputError(problems.sorted { $0.location < $1.location }) }
    }

    // MARK: Typed readers

    /// The entries of a mapping, checking that every key is one of `allowed`.
    package func fields(_ node: Node?, _ what: String, allowed: [String]) -> Fields? {
        guard let node else { return nil }
        guard case .mapping(let mapping) = node else {
            report(node, "\(what) should be a mapping of `key: value` lines, found \(kindName(node))")
            return nil
        }
        var entries: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                report(key, "\(what): keys should be plain words, found \(kindName(key))")
                continue
            }
            let name = scalar.string
            if entries[name] != nil {
                report(key, "\(what): `\(name)` is given twice")
                continue
            }
            if !allowed.contains(name) {
                report(
                    key,
                    "unknown key `\(name)` in \(what)" + didYouMean(name, among: allowed)
                        + (closestMatch(to: name, among: allowed) == nil ? " (expected one of: \(allowed.joined(separator: ", ")))" : ""))
                continue
            }
            entries[name] = (key, value)
        }
        return Fields(node: node, entries: entries)
    }

    /// The items of a sequence.
    package func items(_ node: Node?, _ what: String) -> [Node]? {
        guard let node else { return nil }
        guard case .sequence(let sequence) = node else {
            report(node, "\(what) should be a list (lines starting with `- `), found \(kindName(node))")
            return nil
        }
        return Array(sequence)
    }

    /// A text value.
    package func string(_ node: Node?, _ what: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node else {
            report(node, "\(what) should be a single value, found \(kindName(node))")
            return nil
        }
        if scalar.string.count > limits.maxFieldLength {
            report(
                node, "\(what) is longer than the \(limits.maxFieldLength)-character limit for a field (raise it with --max-field-bytes)")
            return nil
        }
        return unsharesStrings ? scalar.string.unshared : scalar.string
    }

    /// A non-empty text value.
    package func identifier(_ node: Node?, _ what: String) -> String? {
        guard let value = string(node, what) else { return nil }
        let trimmed = value.trimmingWhitespace
        if trimmed.isEmpty {
            report(node, "\(what) should not be empty")
            return nil
        }
        return trimmed
    }

    /// A whole number.
    package func int(_ node: Node?, _ what: String) -> Int? {
        guard let text = string(node, what) else { return nil }
        guard let value = Int(text) else {
            report(node, "\(what) should be a whole number, found `\(text)`")
            return nil
        }
        return value
    }

    /// `true` or `false` (also `yes`/`no`).
    package func bool(_ node: Node?, _ what: String) -> Bool? {
        guard let text = string(node, what) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "y", "on": return true
        case "false", "no", "n", "off": return false
        default:
            report(node, "\(what) should be true or false, found `\(text)`")
            return nil
        }
    }

    /// A `YYYY-MM-DD` date.
    package func date(_ node: Node?, _ what: String) -> CivilDate? {
        guard let text = string(node, what) else { return nil }
        do {
            return try CivilDate(iso: text)
        } catch {
            report(node, "\(what): \(error)")
            return nil
        }
    }

    /// A date or ISO-8601 date-time.
    package func moment(_ node: Node?, _ what: String) -> Moment? {
        guard let text = string(node, what) else { return nil }
        do {
            return try Moment(iso: text)
        } catch {
            report(node, "\(what): \(error)")
            return nil
        }
    }

    /// A length such as `10 working-days`.
    package func span(_ node: Node?, _ what: String) -> Span? {
        guard let text = string(node, what) else { return nil }
        switch Span.parse(text) {
        case .success(let span): return span
        case .failure(let error):
            report(node, "\(what): \(error.message)")
            return nil
        }
    }

    /// A list of words; a single word is accepted as a one-item list.
    package func stringList(_ node: Node?, _ what: String) -> [String]? {
        guard let node else { return nil }
        if case .scalar = node { return string(node, what).map { [$0] } }
        guard let items = items(node, what) else { return nil }
        return items.compactMap { string($0, "each item of \(what)") }
    }

    /// One of a fixed set of words, with a suggestion when misspelt.
    package func choice(_ node: Node?, _ what: String, among options: [String]) -> String? {
        guard let text = string(node, what) else { return nil }
        guard options.contains(text) else {
            report(
                node,
                "unknown \(what) `\(text)`" + didYouMean(text, among: options)
                    + " (expected one of: \(options.joined(separator: ", ")))")
            return nil
        }
        return text
    }

    package func kindName(_ node: Node) -> String {
        switch node {
        case .scalar(let s): s.string.isEmpty ? "nothing" : "`\(s.string.prefix(40))`"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    // MARK: Limits and syntax errors

    /// Rejects documents nested deeper than the limit before the recursive composer sees them.
    static func checkNesting(_ text: String, file: String, limits: InputLimits) throws(InputError) {
        var depth = 0
        var line = 1
        var column = 0
        var inQuote: UInt8? = nil
        var atLineStart = true
        var indentDepth = 0
        // A lower bound on the values the text holds, counted as it is scanned: two for each
        // `key: ` (the key and its value), one for each `- ` item. Over the values limit, the
        // file is refused before it is parsed into memory (a 60 MB file took 1.3 GB and 22 s
        // to parse before the limit, checked on the parsed tree, refused it).
        var values = 0
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if inQuote == nil {
                if (byte == 32 || byte == 10) && previous == 58 { values += 2 }  // `: `
                if atLineStart && byte == 45 { values += 1 }  // `- `
                if values > limits.maxNodes {
                    throw InputError(
                        SourceLocation(file: file, line: line, column: 1),
                        "YAML with more than \(limits.maxNodes) values (the limit on values; raise it with --max-yaml-values)")
                }
            }
            previous = byte
            column += 1
            if byte == 10 {
                line += 1
                column = 0
                atLineStart = true
                indentDepth = 0
                continue
            }
            if atLineStart {
                if byte == 32 || byte == 45 {
                    indentDepth += 1
                    continue
                }  // spaces and "- " both nest
                atLineStart = false
                if indentDepth / 2 > limits.maxDepth * 2 {
                    throw InputError(
                        SourceLocation(file: file, line: line, column: column),
                        "YAML nested more than \(limits.maxDepth) levels deep (the limit on nesting; raise it with --max-depth)")
                }
            }
            if let quote = inQuote {
                if byte == quote { inQuote = nil }
                continue
            }
            switch byte {
            case 34, 39: inQuote = byte
            case 91, 123:
                depth += 1
                if depth > limits.maxDepth {
                    throw InputError(
                        SourceLocation(file: file, line: line, column: column),
                        "YAML nested more than \(limits.maxDepth) levels deep (the limit on nesting; raise it with --max-depth)")
                }
            case 93, 125: depth = max(0, depth - 1)
            default: break
            }
        }
    }

    /// Counts nodes with aliases expanded, so an alias bomb is refused rather than walked.
    private func checkSize(_ root: Node) throws(InputError) {
        var visited = 0
        var stack: [(Node, Int)] = [(root, 1)]
        while let (node, depth) = stack.popLast() {
            visited += 1
            if visited > limits.maxNodes {
                throw InputError(
                    location(of: node),
                    "YAML expands to more than \(limits.maxNodes) values (aliases counted each time they are used); this limit guards against alias bombs; raise it with --max-yaml-values"
                )
            }
            if depth > limits.maxDepth {
                throw InputError(
                    location(of: node),
                    "YAML nested more than \(limits.maxDepth) levels deep (the limit on nesting; raise it with --max-depth)")
            }
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping {
                    stack.append((key, depth + 1))
                    stack.append((value, depth + 1))
                }
            case .sequence(let sequence):
                for item in sequence { stack.append((item, depth + 1)) }
            case .scalar, .alias: break
            }
        }
    }

    package static func describe(_ error: YamlError, file: String) -> InputError {
        func at(_ mark: Mark, _ problem: String, _ context: YamlError.Context?) -> InputError {
            var message = "invalid YAML: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))" }
            return InputError(SourceLocation(file: file, line: mark.line, column: mark.column), message)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _): return at(mark, problem, context)
        case .parser(let context, let problem, let mark, _): return at(mark, problem, context)
        case .composer(let context, let problem, let mark, _): return at(mark, problem, context)
        case .reader(let problem, _, _, _): return InputError(file: file, "invalid YAML text: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return InputError(
                SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
                "a key is given twice in the same mapping: \(duplicates.map { "`\($0)`" }.joined(separator: ", "))")
        default: return InputError(file: file, "could not be read as YAML: \(error)")
        }
    }
}

/// A YAML mapping's entries by key, with the mapping node for locating what is missing.
package struct Fields {
    package let node: Node
    package let entries: [String: (key: Node, value: Node)]

    package subscript(_ key: String) -> Node? { entries[key]?.value }
    func keyNode(_ key: String) -> Node? { entries[key]?.key }
    package func has(_ key: String) -> Bool { entries[key] != nil }
    package var keys: [String] { Array(entries.keys) }
}

extension String {
    /// The string without leading and trailing white space. ASCII strings (nearly every cell of
    /// an export) take a fast path over bytes; others use Unicode's definition of white space.
    var trimmingWhitespace: String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return self }
        if first > 32, first < 128, last > 32, last < 128 { return self }  // nothing to trim (the common case)
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}

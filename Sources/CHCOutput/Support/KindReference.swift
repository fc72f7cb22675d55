import CHCChecks

/// The check kinds a rule pack may use, written from the registry (`chc rules kinds`, and
/// `docs/check-kinds.md`, which a test keeps equal to it).
package enum KindReference {
    package static func text(_ kinds: CheckKinds) -> String {
        kinds.all.map { "\($0.name): \($0.summary)\n  e.g. \($0.name): \($0.example)\n" }.joined()
    }

    package static func markdown(_ kinds: CheckKinds) -> String {
        var out = """
            # Check kinds

            Each rule in a rule pack makes one check, named by its key. This page is written from
            the list of kinds in `chc` itself (`chc rules kinds --markdown` prints it), so it names
            every kind a pack can use, and no other.


            """
        for kind in kinds.all {
            out += "## `\(kind.name)`\n\n\(kind.summary)\n\n```yaml\n\(kind.name): \(kind.example)\n```\n\n"
        }
        return out
    }
}

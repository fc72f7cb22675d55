import CHCChecks
import CHCIngest

/// What a format keeps from one complaint to the next on one checking thread: text that depends
/// only on a rule (JUnit's test case name, escaped), made the first time the rule is met instead
/// of for every complaint. Each checking thread has its own (`CheckRun` makes one per thread),
/// so nothing in it is shared or locked.
package final class RenderScratch: @unchecked Sendable {
    /// At each rule's `serial`: the pack it was evaluated in, and the text made for it.
    private var ruleText: [(pack: String, bytes: [UInt8])?] = []
    /// At each rule's `serial`, for a format that keeps two texts per rule: the second.
    private var ruleSecondText: [[UInt8]] = []

    /// The last file's text made by `fileText`.
    private var lastFile: (file: String, text: String)?

    /// This thread's blocks for records handed to the writing thread.
    private let pieces = HandedBytes.Maker()

    package init() {}

    /// `bytes` copied into this thread's blocks, to hand to the writing thread.
    func handed(_ bytes: [UInt8]) -> HandedBytes { pieces.piece(bytes) }

    /// What `write` appends to an empty buffer (one kept from piece to piece: no allocation),
    /// copied into this thread's blocks, to hand to the writing thread.
    func handed(writing write: (inout [UInt8]) -> Void) -> HandedBytes { pieces.piece(writing: write) }

    /// The text `make` makes from `file`, made again only when the file changes (a complaint's
    /// findings, and the next complaint's, are nearly always in the same file).
    func fileText(_ file: String, make: (String) -> String) -> String {
        if let lastFile, lastFile.file == file { return lastFile.text }
        let text = make(file)
        lastFile = (file, text)
        return text
    }

    /// The file the texts kept by `text(for:pack:file:make:)` hold.
    private var textFile: String?

    /// As `text(for:pack:make:)`, for text that holds the complaint's file too: kept while the
    /// file stays the same (nearly always, one file's complaints after another's).
    func text(for rule: Rule, pack: String, file: String, make: () -> [UInt8]) -> [UInt8] {
        if file != textFile {
            ruleText.removeAll(keepingCapacity: true)
            textFile = file
        }
        return text(for: rule, pack: pack, make: make)
    }

    /// The text `make` makes for `rule` evaluated in `pack`, made once per rule and pack. A format
    /// keeps one kind of text per rule.
    func text(for rule: Rule, pack: String, make: () -> [UInt8]) -> [UInt8] {
        let place = rule.serial
        if place < ruleText.count, let kept = ruleText[place], kept.pack == pack { return kept.bytes }
        let bytes = make()
        if place >= ruleText.count { ruleText += repeatElement(nil, count: place + 1 - ruleText.count) }
        ruleText[place] = (pack, bytes)
        return bytes
    }

    /// As `text(for:pack:make:)`, for a format that keeps two texts per rule and pack (the
    /// second kept beside the first, and made with it). Written out, not through
    /// `text(for:pack:make:)`: a closure that sets a variable while this object's arrays change
    /// had every call checked for exclusive access at run time.
    func texts(for rule: Rule, pack: String, make: () -> (first: [UInt8], second: [UInt8])) -> (first: [UInt8], second: [UInt8]) {
        let place = rule.serial
        if place < ruleText.count, place < ruleSecondText.count, let kept = ruleText[place], kept.pack == pack {
            return (kept.bytes, ruleSecondText[place])
        }
        let made = make()
        if place >= ruleText.count { ruleText += repeatElement(nil, count: place + 1 - ruleText.count) }
        if place >= ruleSecondText.count { ruleSecondText += repeatElement([], count: place + 1 - ruleSecondText.count) }
        ruleText[place] = (pack, made.first)
        ruleSecondText[place] = made.second
        return made
    }
}

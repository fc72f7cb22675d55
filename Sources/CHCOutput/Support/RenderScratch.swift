import CHCChecks
import CHCIngest
import CHCModel

/// What a format keeps from one complaint to the next on one checking thread: text that depends
/// only on a rule (JSON's members naming it, JUnit's test cases for it, CSV's cells from it),
/// made the first time the rule is met instead of for every complaint, and the buffer a record is
/// written in before it is handed to the writing thread. Each checking thread has its own
/// (`CheckRun` makes one per thread), so nothing in it is shared or locked.
package final class RenderScratch: @unchecked Sendable {
    /// At each rule's `serial` (a number no other rule of the process has, so no rule is hashed
    /// to find its text): the stamp of the text made for it (0 for none), the pack it was
    /// evaluated in, and the text. Three arrays, each read in place.
    private var ruleStamps: [Int] = []
    private var rulePacks: [String] = []
    private var ruleTexts: [[UInt8]] = []
    /// At each rule's `serial`, for a format that keeps two texts per rule: the second, with the
    /// stamp of the first it was made with.
    private var ruleSecondTexts: [[UInt8]] = []
    private var ruleSecondStamps: [Int] = []
    /// How many texts have been made: each is stamped with the count, so a second text is known
    /// to belong to its first.
    private var stamps = 0

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
        if let lastFile, sameBytes(lastFile.file, file) { return lastFile.text }
        let text = make(file)
        lastFile = (file, text)
        return text
    }

    // MARK: Texts kept for the current file

    /// The file given to `use(file:)`, which the file texts name.
    private var textFile: String?
    /// The texts kept for `textFile`, one after another in one array, so that a format appending
    /// part of one to nearly every record (JUnit's test cases, fifteen a complaint) reads it in
    /// place: texts kept as arrays of their own counted a reference to one each time.
    private var fileBytes: [UInt8] = []
    /// At each rule's `serial`: where its file text starts and ends in `fileBytes`, the pack it
    /// was evaluated in, and the file it was made for (a number counting files, `fileNumber`).
    private var fileTextStarts: [Int] = []
    private var fileTextEnds: [Int] = []
    private var fileTextPacks: [String] = []
    private var fileTextFiles: [Int] = []
    private var fileNumber = 1
    /// Beyond this many bytes of file texts, they are all made again (a rule evaluated in pack
    /// after pack, each time a new text, must not grow them without end).
    static let fileBytesLimit = 1 << 20

    /// Keeps file texts for `file` from here on: a format's test cases name the complaint's
    /// file, and are kept while the file stays the same (nearly always: one file's complaints
    /// after another's). A new file makes every file text stale at once. Called once a
    /// complaint, not for each of its texts.
    func use(file: String) {
        guard !sameBytes(textFile, file) else { return }
        textFile = file
        forgetFileTexts()
    }

    private func forgetFileTexts() {
        fileNumber += 1
        fileBytes.removeAll(keepingCapacity: true)
    }

    /// How long the file text kept for the rule with `serial`, evaluated in `pack`, is; nil
    /// when there is none (`keepFileText` keeps one).
    @inline(__always) func fileTextCount(serial: Int, pack: String) -> Int? {
        guard serial < fileTextFiles.count, fileTextFiles[serial] == fileNumber, sameBytes(fileTextPacks[serial], pack) else {
            return nil
        }
        return fileTextEnds[serial] - fileTextStarts[serial]
    }

    /// Keeps `text` as the file text of the rule with `serial`, evaluated in `pack`.
    func keepFileText(_ text: [UInt8], serial: Int, pack: String) {
        if fileBytes.count > Self.fileBytesLimit { forgetFileTexts() }
        if serial >= fileTextFiles.count {
            let more = serial + 1 - fileTextFiles.count
            fileTextStarts += repeatElement(0, count: more)
            fileTextEnds += repeatElement(0, count: more)
            fileTextPacks += repeatElement("", count: more)
            fileTextFiles += repeatElement(0, count: more)
        }
        fileTextStarts[serial] = fileBytes.count
        fileBytes += text
        (fileTextEnds[serial], fileTextPacks[serial], fileTextFiles[serial]) = (fileBytes.count, pack, fileNumber)
    }

    /// Calls `body` with the file texts, read in place (none may be kept meanwhile): a format
    /// appending part of one to nearly every record takes the bytes once a record, not once a
    /// text (each time counted a reference to them).
    func withFileTexts<Result>(_ body: (FileTexts) -> Result) -> Result {
        fileBytes.withUnsafeBufferPointer { body(FileTexts(bytes: $0, scratch: self)) }
    }

    /// The file texts during `withFileTexts`.
    struct FileTexts {
        let bytes: UnsafeBufferPointer<UInt8>
        let scratch: RenderScratch

        /// The file text kept for the rule with `serial`, evaluated in `pack`; nil when there is none.
        @inline(__always) func text(serial: Int, pack: String) -> UnsafeBufferPointer<UInt8>? {
            guard let count = scratch.fileTextCount(serial: serial, pack: pack) else { return nil }
            let start = scratch.fileTextStarts[serial]
            return UnsafeBufferPointer(rebasing: bytes[start..<(start + count)])
        }
    }

    /// How many bytes the file texts take (for tests).
    var fileTextBytes: Int { fileBytes.count }

    // MARK: Texts kept per rule

    /// The text `make` makes for `rule` evaluated in `pack`, made once per rule and pack. A format
    /// keeps one kind of text per rule.
    func text(for rule: Rule, pack: String, make: () -> [UInt8]) -> [UInt8] {
        let place = rule.serial
        if isKept(at: place, pack: pack) { return ruleTexts[place] }
        let bytes = make()
        keep(bytes, second: nil, at: place, pack: pack)
        return bytes
    }

    /// As `text(for:pack:make:)`, for a format that keeps two texts per rule and pack (the
    /// second kept beside the first, and made with it). Written out, not through
    /// `text(for:pack:make:)`: a closure that sets a variable while this object's arrays change
    /// had every call checked for exclusive access at run time.
    func texts(for rule: Rule, pack: String, make: () -> (first: [UInt8], second: [UInt8])) -> (first: [UInt8], second: [UInt8]) {
        let place = rule.serial
        if isKept(at: place, pack: pack), place < ruleSecondStamps.count, ruleSecondStamps[place] == ruleStamps[place] {
            return (ruleTexts[place], ruleSecondTexts[place])
        }
        let made = make()
        keep(made.first, second: made.second, at: place, pack: pack)
        return made
    }

    /// Whether a text made for the rule at `place`, evaluated in `pack`, is kept for this file.
    @inline(__always) private func isKept(at place: Int, pack: String) -> Bool {
        place < ruleStamps.count && ruleStamps[place] > 0 && sameBytes(rulePacks[place], pack)
    }

    private func keep(_ first: [UInt8], second: [UInt8]?, at place: Int, pack: String) {
        stamps += 1
        if place >= ruleStamps.count {
            let more = place + 1 - ruleStamps.count
            ruleStamps += repeatElement(0, count: more)
            rulePacks += repeatElement("", count: more)
            ruleTexts += repeatElement([], count: more)
        }
        (ruleStamps[place], rulePacks[place], ruleTexts[place]) = (stamps, pack, first)
        guard let second else { return }
        if place >= ruleSecondStamps.count {
            let more = place + 1 - ruleSecondStamps.count
            ruleSecondStamps += repeatElement(0, count: more)
            ruleSecondTexts += repeatElement([], count: more)
        }
        (ruleSecondStamps[place], ruleSecondTexts[place]) = (stamps, second)
    }
}

/// Whether two texts are the same bytes: at once when they are the same value bit for bit (the
/// same storage, or the same short text held inline: a finding's rule id is its rule's), byte by
/// byte otherwise. (`==` also equates texts that are canonically equivalent but written with
/// other bytes; a format that reuses text made for one value must only do so for its very bytes.)
@inline(__always) func sameBytes(_ a: String, _ b: String) -> Bool {
    if unsafeBitCast(a, to: (UInt64, UInt64).self) == unsafeBitCast(b, to: (UInt64, UInt64).self) { return true }
    return a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8)
}

/// As `sameBytes` for texts that may be absent: both absent, or both the same bytes.
func sameBytes(_ a: String?, _ b: String?) -> Bool {
    guard let a else { return b == nil }
    guard let b else { return false }
    return sameBytes(a, b)
}

import CHCChecks
import CHCIngest
import CHCModel

/// What a format keeps from one complaint to the next on one checking thread: text made from a
/// rule (with its pack, and what else the format keys it by: JUnit's test cases name the file,
/// JSON's members the outcome; CSV's cells and JSON's check and citation come from the rule
/// alone), made the first time it is needed instead of for every complaint, and the buffer a
/// record is written in before it is handed to the writing thread. Each checking thread has its
/// own, one per format (`CheckRun` makes them), so nothing in it is shared or locked, and one
/// format's keys never meet another's.
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

    /// `keptBytesLimit` is for tests (a small one makes texts forgotten between being kept and
    /// being read, which the formats must survive).
    package init(keptBytesLimit: Int = RenderScratch.keptBytesLimit) { self.keptBytesLimit = keptBytesLimit }

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

    // MARK: Texts kept in one run of bytes

    /// The file given to `use(file:)`.
    private var textFile: String?
    /// Texts kept one after another in one array, so that a format appending one (or part of
    /// one) to nearly every record — JUnit's test cases, fifteen a complaint; JSON's members
    /// naming a rule and its outcome — reads it in place: texts kept as arrays of their own
    /// counted a reference each time one was taken.
    private var keptBytes: [UInt8] = []
    /// At each text's key (a number the format makes from the rule's `serial`): where it starts
    /// and ends in `keptBytes`, the pack its rule was evaluated in, and the generation it was
    /// kept in (`generation`: texts of an earlier one are stale).
    private var keptStarts: [Int] = []
    private var keptEnds: [Int] = []
    private var keptPacks: [String] = []
    private var keptGenerations: [Int] = []
    private var generation = 1
    /// Beyond this many bytes of kept texts, they are all made again (a rule evaluated in pack
    /// after pack, each time a new text, must not grow them without end).
    static let keptBytesLimit = 1 << 20
    private let keptBytesLimit: Int

    /// For a format whose kept texts name the complaint's file (JUnit's test cases): makes them
    /// stale when the file changes (a folder of timelines changes file at every complaint;
    /// a log's complaints are all in one). Called once a complaint, not for each of its texts.
    func use(file: String) {
        guard !sameBytes(textFile, file) else { return }
        textFile = file
        forgetKeptTexts()
    }

    private func forgetKeptTexts() {
        generation += 1
        keptBytes.removeAll(keepingCapacity: true)
    }

    /// How long the text kept at `key`, for a rule evaluated in `pack`, is; nil when there is
    /// none (`keepText` keeps one).
    @inline(__always) func keptTextCount(key: Int, pack: String) -> Int? {
        guard key < keptGenerations.count, keptGenerations[key] == generation, sameBytes(keptPacks[key], pack) else { return nil }
        return keptEnds[key] - keptStarts[key]
    }

    /// Keeps `text` at `key`, for a rule evaluated in `pack`.
    func keepText(_ text: [UInt8], key: Int, pack: String) {
        if keptBytes.count > keptBytesLimit { forgetKeptTexts() }
        if key >= keptGenerations.count {
            let more = key + 1 - keptGenerations.count
            keptStarts += repeatElement(0, count: more)
            keptEnds += repeatElement(0, count: more)
            keptPacks += repeatElement("", count: more)
            keptGenerations += repeatElement(0, count: more)
        }
        keptStarts[key] = keptBytes.count
        keptBytes += text
        (keptEnds[key], keptPacks[key], keptGenerations[key]) = (keptBytes.count, pack, generation)
    }

    /// Calls `body` with the kept texts, read in place (none may be kept meanwhile): taken once
    /// a record, not once a text.
    func withKeptTexts<Result>(_ body: (KeptTexts) -> Result) -> Result {
        keptBytes.withUnsafeBufferPointer { bytes in
            body(
                KeptTexts(
                    bytes: bytes, starts: keptStarts, ends: keptEnds, packs: keptPacks, generations: keptGenerations, generation: generation
                ))
        }
    }

    /// The kept texts during `withKeptTexts`: the places held as values of their own, so that
    /// reading them is not checked for exclusive access, as this object's are, at every text.
    struct KeptTexts {
        let bytes: UnsafeBufferPointer<UInt8>
        let starts: [Int]
        let ends: [Int]
        let packs: [String]
        let generations: [Int]
        let generation: Int

        /// The text kept at `key`, for a rule evaluated in `pack`; nil when there is none.
        @inline(__always) func text(key: Int, pack: String) -> UnsafeBufferPointer<UInt8>? {
            guard key < generations.count, generations[key] == generation, sameBytes(packs[key], pack) else { return nil }
            return UnsafeBufferPointer(rebasing: bytes[starts[key]..<ends[key]])
        }
    }

    /// How many bytes the kept texts take (for tests).
    var keptTextBytes: Int { keptBytes.count }

    // MARK: Texts kept per rule

    /// The two texts `make` makes for `rule` evaluated in `pack` (CSV's cells from the rule;
    /// JSON's check and citation, with no second text and the pack given as ""), made once per
    /// rule and pack (the second kept beside the first, and made with it). No
    /// closure sets a variable here: one that did while this object's arrays changed had every
    /// call checked for exclusive access at run time.
    func texts(for rule: Rule, pack: String, make: () -> (first: [UInt8], second: [UInt8])) -> (first: [UInt8], second: [UInt8]) {
        let place = rule.serial
        if isKept(at: place, pack: pack), place < ruleSecondStamps.count, ruleSecondStamps[place] == ruleStamps[place] {
            return (ruleTexts[place], ruleSecondTexts[place])
        }
        let made = make()
        keep(made.first, second: made.second, at: place, pack: pack)
        return made
    }

    /// Whether a text made for the rule at `place`, evaluated in `pack`, is kept.
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

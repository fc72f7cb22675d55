/// "Did you mean …?" — the closest known word to a misspelt one, if it is close enough.
///
/// Uses the Levenshtein distance and accepts a candidate at most a third of the word's
/// length away (at least 2), so `acknowleged` suggests `acknowledged` but `foo` suggests nothing.
public func closestMatch(to word: String, among candidates: some Sequence<String>) -> String? {
    let limit = max(2, word.count / 3)
    let length = word.count
    let lowered = word.lowercased()
    var best: (String, Int)?
    for candidate in candidates {
        // The distance is at least the difference in length: a candidate that cannot be close
        // enough is not measured (a long garbage cell would otherwise cost length × length).
        if abs(candidate.count - length) > limit { continue }
        let distance = editDistance(lowered, candidate.lowercased())
        if distance <= limit, distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
    }
    return best?.0
}

/// The text ", did you mean `x`?" for a misspelt word, or an empty string.
public func didYouMean(_ word: String, among candidates: some Sequence<String>) -> String {
    closestMatch(to: word, among: candidates).map { ", did you mean `\($0)`?" } ?? ""
}

func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

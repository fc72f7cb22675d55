import TestSupport
import Testing
import WorkingDays

@testable import CHCChecks

/// `MessageText` writes a finding's message as bytes; it must give exactly the text the same
/// interpolation gives as a `String`, or every message would change.
@Suite struct MessageTextTests {
    @Test func interpolationGivesWhatAStringGives() {
        var random = SeededRandom(state: 3)
        let words = ["", "stage 1 ", "réponse", "late — 5 days", "€", "\u{1F3E0}", "a\nb"]
        let numbers = [0, 1, -1, 9, 10, 99, 100, 12_345, -100_000, Int.max, Int.min]
        for _ in 0..<2_000 {
            let word = words.randomElement(using: &random)!
            let number = numbers.randomElement(using: &random)!
            let small = Int(random.next() % 30)
            let span = Span(small, [Span.Unit.workingDays, .calendarDays, .hours].randomElement(using: &random)!)
            let date = CivilDate(year: 2024, month: 1 + Int(random.next() % 12), day: 1 + Int(random.next() % 28))!
            let inner: MessageText = "\(word)\(span)"
            let text: MessageText = "\(word)x: \(number), \(span) — \(date.longDescription) \(date); \(inner) \(small)"
            let string = "\(word)x: \(number), \(span) — \(date.longDescription) \(date); \(word)\(span) \(small)"
            #expect(text.string == string)
            var grown = text
            grown += "; \(number) more"
            #expect(grown.string == string + "; \(number) more")
            #expect("\(grown)" == grown.string)  // interpolated into a String, it reads as itself
            grown.append(word)
            #expect(grown.string == string + "; \(number) more" + word)
            let items = (0..<Int(random.next() % 4)).map { _ in words.randomElement(using: &random)! }
            let list: MessageText = "missing \(items, joinedBy: ", ")."
            #expect(list.string == "missing \(items.joined(separator: ", ")).")
        }
        let literal: MessageText = "an extension"
        #expect(literal.string == "an extension")
        #expect(MessageText("é \u{1F3E0}").string == "é \u{1F3E0}")
    }
}

import TestSupport
import Testing
import WorkingDays

@testable import CHCModel

/// A finding's fingerprint is hashed part by part (`Finding.fingerprint`); a baseline's is made
/// from the joined text (`Fingerprint(complaint:…)`). They must agree, or a baseline would
/// suppress nothing.
@Suite struct FingerprintTests {
    @Test func aFindingsFingerprintIsTheOneItsTextGives() {
        var random = SeededRandom(state: 5)
        let words = ["", "SYN-0000001", "HOS2024-6.2", "a|b", "é", "x y", "0"]
        for _ in 0..<500 {
            func word() -> String { words[Int(random.next() % UInt64(words.count))] }
            func date() -> CivilDate? { random.next() % 3 == 0 ? nil : CivilDate(dayNumber: Int(random.next() % 40_000) - 10_000) }
            let stage: Int? = random.next() % 3 == 0 ? nil : Int(random.next() % 4)
            let (due, actual, anchor) = (date(), date(), date())
            let finding = Finding(
                complaint: word(), rule: word(), pack: word(), check: .init(kind: word(), event: nil, stage: stage), severity: .error,
                status: random.next() % 2 == 0 ? .breach : .overdue, message: word(),
                anchor: anchor.map { .init(event: word(), date: $0, derived: false) }, due: due, actual: actual, workingDaysTaken: nil,
                workingDaysLate: nil, citation: .init(paragraph: "", summary: "", url: "", source: ""),
                location: SourceLocation(file: word(), line: 1, column: 1), hint: nil)
            let fromText = Fingerprint(
                complaint: finding.complaint, rule: finding.rule, status: finding.status.rawValue, stage: stage, due: due?.description,
                actual: actual?.description, anchorDate: anchor?.description)
            #expect(finding.fingerprint == fromText)
            #expect(finding.fingerprint.description == fromText.description)
            let hex = String(fromText.value, radix: 16)
            #expect(fromText.description == String(repeating: "0", count: 16 - hex.count) + hex)
        }
        #expect(Fingerprint(value: 0).description == "0000000000000000")
        #expect(Fingerprint(value: .max).description == "ffffffffffffffff")
        #expect(Fingerprint(value: 0x0123_4567_89ab_cdef).description == "0123456789abcdef")
    }
}

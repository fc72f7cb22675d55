import Testing

@testable import CHCChecks
@testable import CHCIngest
@testable import CHCModel
@testable import CHCOutput

/// `chc lint`: the three example policies (every expected finding asserted) and each rule
/// firing and not firing.
@Suite struct LintTests {
    func lint(_ file: String, code: String = "hos-2024") throws -> LintReport {
        let config = try PolicyYAML.load(path(file))
        return Linter(code: try #require(try shippedLibrary().pack(code))).lint(config)
    }

    func verdicts(_ report: LintReport) -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: report.entries.map { entry in
                (
                    entry.rule.id,
                    {
                        switch entry.verdict {
                        case .met: "met"
                        case .notMet: "not met"
                        case .notStated: "not stated"
                        }
                    }()
                )
            })
    }

    @Test func compliantPolicyMeetsEveryProvision() throws {
        let report = try lint("Examples/policies/compliant-2024.yaml")
        #expect(report.problems.isEmpty)
        #expect(verdicts(report).values.allSatisfy { $0 == "met" }, "\(verdicts(report))")
        #expect(report.entries.count == 18)
        #expect(report.exitCode(failOn: .error) == 0)
        expectGolden(relativePaths(JSONFormat().render(report)), "lint-compliant-2024.json")
    }

    @Test func poorPolicyBreaksWhatItSays() throws {
        let report = try lint("Examples/policies/poor-2024.yaml")
        let expected: [String: (line: Int, fragment: String)] = [
            "lint/HOS2024-5.3": (5, "the Code allows 2 stages only"),
            "lint/HOS2024-1.2": (6, "“expression of dissatisfaction” and “however made”"),
            "lint/HOS2024-2.3": (7, "accepting complaints up to 12 months"),
            "lint/HOS2024-3.1": (8, "a single channel"),
            "lint/HOS2024-3.2": (9, "requiring it in writing"),
            "lint/HOS2024-6.2": (10, "longer than the Code's 5 working days"),
            "lint/HOS2024-6.3": (
                10,
                "15 working days from receipt exceeds the Code's 10 working days from acknowledgement whenever the acknowledgement is sent before day 5"
            ),
            "lint/HOS2024-6.3-extension": (10, "longer than the 10 working days the Code allows"),
            "lint/HOS2024-6.14": (11, "25 working days from acknowledgement is longer than the Code's 20 working days"),
            "lint/HOS2024-6.13": (11, "must not be the one who considered stage 1"),
            "lint/HOS2024-6.12": (11, "forbids requiring reasons"),
            "lint/HOS2024-6.5": (12, "Ombudsman's contact details"),
            "lint/HOS2024-6.9": (13, "missing the complaint stage, the complaint definition, the remedy offered"),
        ]
        let findings = report.findings.filter { $0.status == .breach }
        #expect(Set(findings.map(\.rule)) == Set(expected.keys))
        for finding in findings {
            guard let want = expected[finding.rule] else { continue }
            #expect(finding.location.line == want.line, "\(finding.rule) at \(finding.location)")
            #expect(finding.message.contains(want.fragment), "\(finding.rule): \(finding.message)")
        }
        let notStated = report.findings.filter { $0.status == .notEvaluable }.map(\.rule)
        #expect(
            Set(notStated) == [
                "lint/HOS2024-8-self-assessment", "lint/HOS2024-8-annual-report", "lint/HOS2024-9.5", "lint/HOS2024-6.14-extension",
            ])
        #expect(report.exitCode(failOn: .error) == 1)
        expectGolden(relativePaths(JSONFormat().render(report)), "lint-poor-2024.json")
        expectGolden(relativePaths(MarkdownFormat(options: .init()).render(report)), "lint-poor-2024.md")
    }

    @Test func lutonPolicyAgainstBothCodes() throws {
        let against2022 = try lint("Examples/policies/luton-2022.yaml", code: "hos-2022")
        let v2022 = verdicts(against2022)
        #expect(v2022["lint/HOS2022-4.1"] == "met")  // 3 ≤ 5 working days
        #expect(v2022["lint/HOS2022-4.1-stages"] == "met")
        #expect(v2022["lint/HOS2022-5.1"] == "not met")  // 15 from receipt vs 10 from logging
        #expect(v2022["lint/HOS2022-5.13"] == "not met")  // 25 from acknowledgement vs 20 from the request
        #expect(against2022.problems.first { $0.rule.id == "lint/HOS2022-5.1" }?.problem.why.contains("that is always") == true)
        let against2024 = try lint("Examples/policies/luton-2022.yaml")
        #expect(against2024.notes == ["the config says it follows hos-2022; it was checked against hos-2024"])
        #expect(verdicts(against2024)["lint/HOS2024-6.14"] == "not met")
        expectGolden(relativePaths(JSONFormat().render(against2022)), "lint-luton-2022.json")
    }

    @Test(
        arguments: [
            // (policy, policy from, code, code from, latest acknowledgement, expected condition or nil)
            (15, TimescaleComparison.Anchor.receipt, 10, TimescaleComparison.Anchor.acknowledgement, 5, "before day 5"),
            (10, .receipt, 10, .acknowledgement, 5, nil),
            (16, .receipt, 10, .acknowledgement, 5, "that is always"),
            (10, .acknowledgement, 10, .acknowledgement, 5, nil),
            (11, .acknowledgement, 10, .acknowledgement, 5, "longer than"),
            (18, .acknowledgement, 20, .receipt, 5, "after day 2"),
            (15, .acknowledgement, 20, .receipt, 5, nil),
            (21, .acknowledgement, 20, .receipt, 5, "even with an acknowledgement on the day of receipt"),
        ] as [(Int, TimescaleComparison.Anchor, Int, TimescaleComparison.Anchor, Int, String?)])
    func timescalesAreComparedAcrossAnchors(
        policy: Int, policyFrom: TimescaleComparison.Anchor, code: Int,
        codeFrom: TimescaleComparison.Anchor, latest: Int, expected: String?
    ) {
        let why = TimescaleComparison.excess(
            policy: policy, policyFrom: policyFrom, code: code, codeFrom: codeFrom,
            latestAcknowledgement: latest, policyWords: "P", codeWords: "C")
        if let expected { #expect(why?.contains(expected) == true, "\(String(describing: why))") } else { #expect(why == nil) }
    }

    @Test func theConditionIsExactlyWhenTheTwoClocksDisagree() {
        // Brute force over every acknowledgement day: the rule's condition must match the days
        // on which the policy's due day is later than the Code's.
        for policy in 1...30 {
            for code in 1...25 {
                for latest in 0...6 {
                    let late = (0...latest).filter { a in policy > a + code }
                    let why = TimescaleComparison.excess(
                        policy: policy, policyFrom: .receipt, code: code, codeFrom: .acknowledgement,
                        latestAcknowledgement: latest, policyWords: "P", codeWords: "C")
                    #expect((why != nil) == !late.isEmpty)
                    if let why, late.count <= latest { #expect(why.contains("before day \(late.max()! + 1)")) }
                }
            }
        }
    }

    @Test func lintFindingsWorkInEveryMachineFormat() throws {
        let report = try lint("Examples/policies/poor-2024.yaml").asCheckReport(asOf: date("2026-11-23"))
        #expect(SARIFFormat().render(report).contains("\"ruleId\" : \"lint/HOS2024-6.3\""))
        #expect(JUnitFormat().render(report).contains("failures=\"13\""))
        #expect(GitHubFormat().render(report).contains("::error file=\(path("Examples/policies/poor-2024.yaml")),line=10"))
        #expect(CSVFormat().render(report).components(separatedBy: "\r\n").count > 13)
    }
}

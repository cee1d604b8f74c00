import Foundation
import RuleLanguage
import Testing

/// cel-spec's conformance cases (Fixtures/cel-cases.jsonl, from github.com/google/cel-spec,
/// Apache-2.0), each its own test. Every case must pass, except those that only hold with
/// IEEE-double literals; each of those either passes or is listed, with what our dialect
/// does instead, in docs/RuleLanguage.md.
@Suite struct ConformanceTests {
    static let cases: [ConformanceCase] = {
        let url = Bundle.module.url(forResource: "cel-cases", withExtension: "jsonl", subdirectory: "Fixtures")!
        return (try? ConformanceCase.load(from: url)) ?? []
    }()

    /// Case ids documented as deviations in docs/RuleLanguage.md.
    static let documentedDeviations: Set<String> = {
        let docs = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/RuleLanguage.md")
        let text = (try? String(contentsOf: docs, encoding: .utf8)) ?? ""
        let pattern = /`([a-z_0-9]+\/[a-z_0-9]+\/[a-z_0-9#]+)`/
        return Set(text.matches(of: pattern).map { String($0.output.1) })
    }()

    @Test func suiteIsComplete() {
        #expect(Self.cases.count == 763)
        #expect(Self.cases.filter(\.dependsOnDoubles).count == 22)
    }

    @Test(arguments: cases.filter { !$0.dependsOnDoubles })
    func conformance(_ testCase: ConformanceCase) {
        let actual = testCase.evaluate()
        #expect(testCase.accepts(actual), "\(testCase.expression) gave \(actual.tagged), expected \(testCase.expectedText)")
    }

    @Test(arguments: cases.filter(\.dependsOnDoubles))
    func doubleSemantics(_ testCase: ConformanceCase) {
        let actual = testCase.evaluate()
        #expect(testCase.accepts(actual) || Self.documentedDeviations.contains(testCase.id),
                "\(testCase.id): \(testCase.expression) gave \(actual.tagged); it must pass or be documented in docs/RuleLanguage.md")
    }
}

extension ConformanceCase {
    var expectedText: String {
        switch expected {
        case .error: "an error"
        case .value(_, let tagged): tagged
        }
    }
}

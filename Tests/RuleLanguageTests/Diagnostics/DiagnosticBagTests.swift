import Testing
@testable import RuleLanguage

/// Collecting diagnostics: counts, sorting by file and position, duplicates removed.
@Suite struct DiagnosticBagTests {
    private static let first = SourceFile(name: "a.rules", text: "one two three\nfour")
    private static let second = SourceFile(name: "b.rules", text: "five")

    @Test func sortsByFileThenPositionThenSeverity() {
        var bag = DiagnosticBag()
        bag.error(.unknownName("five"), in: Self.second, at: SourceRange(start: 0, end: 4))
        bag.warning(.integerDivision(), in: Self.first, at: SourceRange(start: 4, end: 7))
        bag.error(.unknownName("four"), in: Self.first, at: SourceRange(start: 14, end: 18))
        bag.error(.unknownName("two"), in: Self.first, at: SourceRange(start: 4, end: 7))
        #expect(bag.sorted.map { "\($0.file.name):\($0.location) \($0.severity.rawValue)" } == [
            "a.rules:1:5 error", "a.rules:1:5 warning", "a.rules:2:1 error", "b.rules:1:1 error",
        ])
        #expect(bag.errorCount == 3)
        #expect(bag.warningCount == 1)
        #expect(bag.hasErrors)
    }

    @Test func exactDuplicatesAreShownOnce() {
        var bag = DiagnosticBag()
        bag.error(.unknownName("two"), in: Self.first, at: SourceRange(start: 4, end: 7))
        bag.error(.unknownName("two"), in: Self.first, at: SourceRange(start: 4, end: 7))
        bag.error(.unknownName("two"), in: Self.first, at: SourceRange(start: 4, end: 8))
        #expect(bag.sorted.count == 2)
    }

    @Test func warningsAloneAreNotErrors() {
        var bag = DiagnosticBag()
        #expect(bag.isEmpty)
        bag.warning(.integerDivision(), in: Self.first, at: .at(0))
        #expect(!bag.hasErrors)
        #expect(!bag.isEmpty)
    }

    /// Message ids are stable: tests, docs and `loyalty explain` refer to them.
    @Test(arguments: [
        (DiagnosticMessage.unknownName("x"), "unknown-name"), (.unknownField("f", on: "'item'"), "unknown-field"),
        (.wrongArgumentCount("f", expected: [1], found: 2), "wrong-argument-count"), (.unterminatedString, "unterminated-string"),
        (.nestingTooDeep(limit: 100), "nesting-too-deep"), (.expressionTooLong(limit: 200), "expression-too-long"),
        (.invalidEscape("\\q"), "invalid-escape"), (.nonASCIIName("会员"), "non-ascii-name"),
    ])
    func ids(message: DiagnosticMessage, id: String) {
        #expect(message.id == id)
    }

    @Test(arguments: [
        ([1], 2, "'f' takes 1 argument, but 2 were given"), ([2], 1, "'f' takes 2 arguments, but 1 was given"),
        ([0, 1], 3, "'f' takes 0 or 1 arguments, but 3 were given"), ([2, 3, 4, 5], 0, "'f' takes 2 to 5 arguments, but 0 were given"),
        ([1, 3], 2, "'f' takes 1 or 3 arguments, but 2 were given"),
    ])
    func argumentCountWording(expected: [Int], found: Int, text: String) {
        #expect(DiagnosticMessage.wrongArgumentCount("f", expected: expected, found: found).text == text)
    }
}

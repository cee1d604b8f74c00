import Testing
@testable import RuleLanguage

/// Whitespace, comments by mode, and characters that start no token.
@Suite struct LexerTriviaTests {
    @Test(arguments: [
        ("a // note", ["a"]), ("a //", ["a"]), ("a\t\r\n b", ["a", "b"]), ("// only a comment", []),
        ("a /* b */", ["a", "/", "*", "b", "*", "/"]), ("a / b", ["a", "/", "b"]), ("a\u{0C}b", ["a", "b"]),
    ])
    func skippedInBothModes(source: String, texts: [String]) {
        #expect(lex(source, mode: .expression).texts == texts)
        #expect(lex(source, mode: .pack).texts == texts)
    }

    /// `#` starts a comment only in pack files; in an expression it is an invalid character.
    @Test(arguments: [
        ("a # note", ["a"], ["a", "#", "note"]),
        ("# header\nb", ["b"], ["#", "header", "b"]),
        ("'#' + b # tail", ["'#'", "+", "b"], ["'#'", "+", "b", "#", "tail"]),
    ])
    func hashComments(source: String, pack: [String], expression: [String]) {
        #expect(lex(source, mode: .pack).texts == pack)
        #expect(lex(source, mode: .pack).diagnostics == [])
        #expect(lex(source, mode: .expression).texts == expression)
        #expect(lex(source, mode: .expression).diagnostics.count == 1)
    }

    @Test func hashInAnExpressionIsReported() {
        let marked = MarkedSource("a 1️⃣# note")
        let file = SourceFile(name: "<test>", text: marked.text)
        #expect(lex(marked.text).diagnostics == marked.expected(["'#' is not allowed here"], in: file))
    }

    /// A run of non-ASCII text outside quotes is one token and one diagnostic, however long.
    @Test(arguments: [
        ("1️⃣会员等级 == 'gold'", "会员等级"),
        ("tier1️⃣会员 == 'gold'", "会员"),
        ("a + 1️⃣é", "é"),
        ("1️⃣ümlaut", "ü"),
        ("x == 1️⃣🎁🎁", "🎁🎁"),
    ])
    func nonASCIIRun(marked: String, run: String) {
        let source = MarkedSource(marked)
        let file = SourceFile(name: "<test>", text: source.text)
        let lexed = lex(source.text)
        let message = "'\(run)' cannot be part of a name"
        #expect(lexed.diagnostics == source.expected([message], in: file))
        #expect(lexed.texts.contains(run))
        #expect(lexed.kinds.filter { $0 == .invalid }.count == 1)
    }

    @Test func nonASCIIRunsSeparatedBySpaceAreTwo() {
        #expect(lex("会员 等级").diagnostics.count == 2)
    }

    @Test(arguments: ["'会员日' == x", "x // 会员日", "r'会员'", "'''多\n行'''"])
    func nonASCIIInsideStringsAndCommentsIsText(source: String) {
        #expect(lex(source).diagnostics == [])
    }

    @Test func nonASCIIInPackComments() {
        #expect(lex("a # 会员日双倍积分", mode: .pack).diagnostics == [])
    }
}

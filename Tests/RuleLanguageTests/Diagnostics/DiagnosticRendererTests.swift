import Testing
@testable import RuleLanguage

/// Whole rendered blocks, pinned: header, gutter, the line, the underline, the help.
@Suite struct DiagnosticRendererTests {
    private func render(_ source: String, warnsOnIntegerDivision: Bool = false) -> String {
        let checked = TestEnvironment.check(source, warnsOnIntegerDivision: warnsOnIntegerDivision)
        return checked.diagnostics.map { DiagnosticRenderer().render($0) }.joined()
    }

    @Test func misspelledFieldInAPack() {
        let text = """
            pack supermarket "Supermarket points card"
            timezone "+08:00"

            param factor   = {"normal": 1, "silver": 1.2, "gold": 1.5, "diamond": 2}
            param excluded = ["tobacco", "gift-card"]

            # Only items outside the excluded categories earn points.
            # Gift cards are money, not goods.
            let eligible = event.items.filter(i, !(i.categroy in excluded))

            """
        let file = SourceFile(name: "rules/supermarket.rules", text: text)
        let (pack, parsed) = Parser.parsePack(file)
        #expect(parsed.isEmpty)
        var checker = Checker(environment: TestEnvironment.make(), file: file)
        checker.check(pack.definitions[0].value)
        let rendered = checker.diagnostics.sorted.map { DiagnosticRenderer().render($0) }.joined()
        #expect(rendered == """
            rules/supermarket.rules:9:42: error: 'item' has no field 'categroy'
              |
            9 | let eligible = event.items.filter(i, !(i.categroy in excluded))
              |                                          ^~~~~~~~
              = help: did you mean 'category'?

            """)
    }

    /// The padding counts two cells for each Chinese character before the caret.
    @Test func chineseTextBeforeTheCaret() {
        #expect(render(#"reason == "会员日双倍积分" && tierr == "gold""#) == """
            <expression>:1:24: error: unknown name 'tierr'
              |
            1 | reason == "会员日双倍积分" && tierr == "gold"
              |                               ^~~~~
              = help: did you mean 'tier'?

            """)
    }

    /// The underline under Chinese text is two cells per character.
    @Test func chineseTextUnderTheCaret() {
        #expect(render(#"会员等级 == "gold""#) == """
            <expression>:1:1: error: '会员等级' cannot be part of a name
              |
            1 | 会员等级 == "gold"
              | ^~~~~~~~
              = help: names use English letters, digits, '_' and '-'; write other text in quotes, like reason "会员等级"

            """)
    }

    /// Tabs in the line are kept in the padding, so the caret lines up in any tab width.
    @Test func tabs() {
        #expect(render("\tamount > 100 &&\tamout < 5") == """
            <expression>:1:18: error: unknown name 'amout'
              |
            1 | \tamount > 100 &&\tamout < 5
              | \t               \t^~~~~
              = help: did you mean 'amount'?

            """)
    }

    @Test func warningWithStandingHelp() {
        #expect(render("visits / 3 + 1", warnsOnIntegerDivision: true) == """
            <expression>:1:1: warning: this divides two whole numbers, so the result is rounded down to a whole number
              |
            1 | visits / 3 + 1
              | ^~~~~~~~~~
              = help: write a decimal (10.0) or decimal(x) to keep the fraction, or floor(...) to say the rounding is intended

            """)
    }

    /// The gutter widens with the line number; a range over several lines is underlined
    /// to the end of its first line.
    @Test func wideGutterAndMultiLineRange() {
        let source = String(repeating: "\n", count: 11) + "amount\n  + 1 ? 1 : 2"
        #expect(render(source) == """
            <expression>:12:1: error: a condition must be true or false, but this is a decimal
               |
            12 | amount
               | ^~~~~~

            """)
    }

    /// An empty range (something missing at the end) still gets one caret.
    @Test func caretAtTheEnd() {
        #expect(render("(amount + 1") == """
            <expression>:1:12: error: expected ')' to close the parenthesis, but found the end of the text
              |
            1 | (amount + 1
              |            ^

            """)
    }

    @Test func colourWrapsHeaderAndUnderline() {
        let diagnostic = TestEnvironment.check("amout").diagnostics[0]
        let rendered = DiagnosticRenderer(usesColor: true).render(diagnostic)
        #expect(rendered.hasPrefix("\u{1B}[1m<expression>:1:1: \u{1B}[0m\u{1B}[1;31merror: \u{1B}[0m"))
        #expect(rendered.contains("\u{1B}[1;31m^~~~~\u{1B}[0m"))
    }
}

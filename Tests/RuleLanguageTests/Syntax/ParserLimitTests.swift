import Testing
@testable import RuleLanguage

/// `x1 <separator> x2 … xN`.
private func chain(_ count: Int, _ separator: String) -> String {
    (1...count).map { "x\($0)" }.joined(separator: separator)
}

/// `open` repeated, then `middle`, then `close` repeated: `((x))`.
private func nested(_ open: String, _ count: Int, _ middle: String = "", _ close: String = "") -> String {
    String(repeating: open, count: count) + middle + String(repeating: close, count: count)
}

/// `1, 2, … N`, or `1: 1, …` for map entries.
private func items(_ count: Int, entries: Bool = false) -> String {
    (1...count).map { entries ? "\($0): \($0)" : "\($0)" }.joined(separator: ", ")
}

/// CEL's minimum sizes parse; past `ParserLimits` a clear error; huge inputs are refused
/// quickly and without exhausting the stack. Everything runs on the test's own thread.
@Suite struct ParserLimitTests {
    /// Expressions CEL requires every implementation to handle (parse.textproto).
    @Test(arguments: [
        ("32 terms joined by ||", chain(32, " || ")),
        ("32 terms joined by &&", chain(32, " && ")),
        ("25 terms joined by +", chain(25, " + ")),
        ("32 call arguments", "f(\(items(32)))"),
        ("32 list elements", "[\(items(32))]"),
        ("32 map entries", "{\(items(32, entries: true))}"),
        ("24 nested ?:", nested("a ? b : ", 24, "c")),
        ("12 nested calls", nested("f(", 12, "x", ")")),
        ("12 nested selects", "a" + nested(".b", 12)),
        ("12 nested indexes", "a" + nested("[0]", 12)),
        ("12 nested lists", nested("[", 12, "", "]")),
        ("32 parentheses", nested("(", 32, "x", ")")),
        ("100 parentheses (the limit)", nested("(", 100, "x", ")")),
        ("200 terms (the height limit)", chain(200, "+")),
    ] as [(String, String)])
    func celMinimums(name: String, source: String) {
        #expect(Parse.expression(source).diagnostics == [])
    }

    @Test(arguments: [
        ("101 parentheses", nested("(", 101, "x", ")"),
         "1:101: brackets and calls are nested more than 100 levels deep"),
        ("101 nested lists", nested("[", 101, "", "]"),
         "1:101: brackets and calls are nested more than 100 levels deep"),
        ("101 nested calls", nested("f(", 101, "", ")"),
         "1:202: brackets and calls are nested more than 100 levels deep"),
        ("101 nested ?:", nested("a ? b : ", 101, "c"),
         "1:803: brackets and calls are nested more than 100 levels deep"),
        ("201 terms", chain(201, "+"),
         "1:1: this expression is too long (more than 200 levels deep)"),
        ("201 selects", "a" + nested(".b", 200),
         "1:1: this expression is too long (more than 200 levels deep)"),
        ("201 negations", nested("-", 201, "x"),
         "1:2: this expression is too long (more than 200 levels deep)"),
    ] as [(String, String, String)])
    func pastTheLimits(name: String, source: String, diagnostic: String) {
        #expect(Parse.expression(source).diagnostics == [diagnostic])
    }

    /// Huge inputs: one diagnostic, no stack overflow, and no time that grows faster than the
    /// input (a debug build lexes the 500,000-term chain's million tokens in about 5 s on a
    /// loaded 2-core machine; a quadratic parser would take hours).
    @Test(arguments: [
        ("1,000,000-term + chain (2 MB, over the size limit)", nested("1+", 999_999, "1"),
         "the text is 1999999 bytes long, more than the limit of 1048576 bytes"),
        ("500,000-term + chain (under the size limit)", nested("1+", 499_999, "1"),
         "this expression is too long (more than 200 levels deep)"),
        ("100,000 nested (", nested("(", 100_000),
         "brackets and calls are nested more than 100 levels deep"),
        ("100,000 nested [", nested("[", 100_000),
         "brackets and calls are nested more than 100 levels deep"),
        ("100,000 nested calls", nested("f(", 100_000),
         "brackets and calls are nested more than 100 levels deep"),
        ("100,000 nested indexes", "a" + nested("[a", 100_000),
         "brackets and calls are nested more than 100 levels deep"),
        ("100,000 nested maps", nested("{1:", 100_000),
         "brackets and calls are nested more than 100 levels deep"),
        ("100,000 ?:", nested("a ? b : ", 100_000, "c"),
         "brackets and calls are nested more than 100 levels deep"),
        ("200,000 !", nested("!", 200_000, "x"),
         "this expression is too long (more than 200 levels deep)"),
        ("200,000 selects", "a" + nested(".b", 200_000),
         "this expression is too long (more than 200 levels deep)"),
        ("100,000 receiver calls", "a" + nested(".f()", 100_000),
         "this expression is too long (more than 200 levels deep)"),
    ] as [(String, String, String)])
    func hugeInputs(name: String, source: String, message: String) {
        let clock = ContinuousClock()
        var diagnostics: [String] = []
        let elapsed = clock.measure {
            diagnostics = Parser.parseExpression(SourceFile(name: "<test>", text: source)).diagnostics.sorted.map(\.message.text)
        }
        #expect(diagnostics == [message])
        #expect(elapsed < .seconds(60), "took \(elapsed)")
    }

    @Test func hugePackExpression() {
        let source = "pack big\nlet total = " + String(repeating: "1+", count: 400_000) + "1\nlet deep = "
            + String(repeating: "(", count: 100_000) + "\n"
        let (pack, diagnostics) = Parser.parsePack(SourceFile(name: "big.rules", text: source))
        #expect(diagnostics.sorted.map(\.message.text) == [
            "this expression is too long (more than 200 levels deep)",
            "brackets and calls are nested more than 100 levels deep",
        ])
        #expect(pack.definitions.count == 2)
    }

    @Test(arguments: [
        (ParserLimits.maximumSourceBytes, false), (ParserLimits.maximumSourceBytes + 1, true),
    ])
    func sourceSize(bytes: Int, isRejected: Bool) {
        let text = "1 + 1" + String(repeating: " ", count: bytes - 5)
        let expression = Parser.parseExpression(SourceFile(name: "<test>", text: text)).diagnostics
        let pack = Parser.parsePack(SourceFile(name: "big.rules", text: "pack big" + String(repeating: " ", count: bytes - 8))).diagnostics
        let message = "the text is \(bytes) bytes long, more than the limit of 1048576 bytes"
        #expect(expression.sorted.map(summary) == (isRejected ? ["1:1: " + message] : []))
        #expect(pack.sorted.map(summary) == (isRejected ? ["1:1: " + message] : []))
    }
}

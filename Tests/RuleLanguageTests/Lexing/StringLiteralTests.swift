import Testing
@testable import RuleLanguage

/// The value a string literal decodes to, or nil with its diagnostics.
private func decode(_ source: String) -> (value: String?, diagnostics: [String]) {
    let (expr, diagnostics) = Parser.parseExpression(SourceFile(name: "<test>", text: source))
    guard case .literal(.string(let value)) = expr.kind else { return (nil, diagnostics.sorted.map(summary)) }
    return (value, diagnostics.sorted.map(summary))
}

/// Quotes, escapes, raw and triple-quoted strings, and the errors with their exact positions.
@Suite struct StringLiteralTests {
    @Test(arguments: [
        (#"'\a'"#, "\u{07}"), (#"'\b'"#, "\u{08}"), (#"'\f'"#, "\u{0C}"), (#"'\n'"#, "\n"), (#"'\r'"#, "\r"),
        (#"'\t'"#, "\t"), (#"'\v'"#, "\u{0B}"), (#"'\\'"#, "\\"), (#"'\?'"#, "?"), (#"'\"'"#, "\""),
        (#"'\''"#, "'"), (#"'\`'"#, "`"), (#""\'""#, "'"),
        (#"'\x41'"#, "A"), (#"'\X41'"#, "A"), (#"'\xe9'"#, "é"), (#"'\u00e9'"#, "é"), (#"'\u4F1A'"#, "会"),
        (#"'\U0001F600'"#, "😀"), (#"'\101'"#, "A"), (#"'\000'"#, "\u{0}"), (#"'\377'"#, "ÿ"),
        (#"'a\x42c'"#, "aBc"), (#"'\\n'"#, "\\n"), (#"'\u00e9\u0301'"#, "\u{E9}\u{301}"),
    ])
    func escapes(source: String, value: String) {
        let result = decode(source)
        #expect(result.diagnostics == [])
        #expect(result.value.map { Array($0.unicodeScalars) } == Array(value.unicodeScalars))
    }

    @Test(arguments: [
        ("''", ""), ("\"\"", ""), ("''''''", ""), ("\"\"\"\"\"\"", ""),
        ("\"it's\"", "it's"), ("'say \"hi\"'", "say \"hi\""), ("'会员日'", "会员日"),
        ("'''two\nlines'''", "two\nlines"), ("\"\"\"a \"quoted\" word\"\"\"", "a \"quoted\" word"),
        ("'''it's'''", "it's"), ("'''\\t'''", "\t"), ("'''a''' + 'b'", nil),
    ] as [(String, String?)])
    func quotes(source: String, value: String?) {
        let result = decode(source)
        #expect(result.diagnostics == [])
        #expect(result.value == value)
    }

    /// Raw strings keep every backslash; triple-quoted raw strings too.
    @Test(arguments: [
        (#"r'\d+'"#, #"\d+"#), (#"R'\n'"#, #"\n"#), (#"r"\x""#, #"\x"#), (#"r'''\q'''"#, #"\q"#),
        (#"r'\'"#, #"\"#), ("r'''a\nb'''", "a\nb"),
    ])
    func raw(source: String, value: String) {
        let result = decode(source)
        #expect(result.diagnostics == [])
        #expect(result.value == value)
    }

    /// A bad escape is reported at its backslash, naming the escape as written.
    @Test(arguments: [
        (#"'ab1️⃣\q'"#, #"\q"#), (#"'1️⃣\x4'"#, #"\x4"#), (#"'1️⃣\xZZ'"#, #"\xZZ"#), (#"'1️⃣\u12'"#, #"\u12"#),
        (#"'1️⃣\uD800'"#, #"\uD800"#), (#"'1️⃣\U00110000'"#, #"\U00110000"#), (#"'1️⃣\400'"#, #"\4"#),
        (#"'1️⃣\08'"#, #"\08"#), (#"'1️⃣\8'"#, #"\8"#), (#"'1️⃣\ '"#, #"\ "#), (#"'会员1️⃣\q'"#, #"\q"#),
        ("'''line one\n  1️⃣\\z'''", #"\z"#), (#"x + 'ok' + '1️⃣\e'"#, #"\e"#), (#"'\n1️⃣\u{41}'"#, #"\u{41}"#),
    ])
    func badEscape(marked: String, escape: String) {
        let source = MarkedSource(marked)
        let file = SourceFile(name: "<test>", text: source.text)
        let message = "'\(escape)' is not a valid escape in a string"
        #expect(decode(source.text).diagnostics == source.expected([message], in: file))
    }

    /// An unterminated string is one diagnostic at its opening quote; the rest of the
    /// line is inside the string.
    @Test(arguments: [
        "1️⃣'abc", "1️⃣\"abc", "x == 1️⃣'gold", "1️⃣'abc\\", "1️⃣r'abc", "1️⃣'''abc", "1️⃣\"\"\"abc\n\ndef",
        "1️⃣'abc\n", "x + 1️⃣'会员",
    ])
    func unterminated(marked: String) {
        let source = MarkedSource(marked)
        let file = SourceFile(name: "<test>", text: source.text)
        #expect(decodeDiagnostics(source.text) == source.expected(["this string has no closing quote"], in: file))
    }

    @Test func unterminatedStringEndsAtTheLineBreak() {
        let marked = MarkedSource("1️⃣'abc\n + 1")
        let file = SourceFile(name: "<test>", text: marked.text)
        let (expr, diagnostics) = Parser.parseExpression(file)
        #expect(diagnostics.sorted.map(summary) == marked.expected(["this string has no closing quote"], in: file))
        #expect(TreePrinter.render(expr).hasSuffix(" + 1)"))
    }

    private func decodeDiagnostics(_ source: String) -> [String] {
        Parser.parseExpression(SourceFile(name: "<test>", text: source)).diagnostics.sorted.map(summary)
    }
}

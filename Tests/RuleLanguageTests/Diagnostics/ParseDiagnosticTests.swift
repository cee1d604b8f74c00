import Testing
@testable import RuleLanguage

/// Parse errors in the marker style: the source carries `1️⃣` where the caret must be.
@Suite struct ParseDiagnosticTests {
    private func expectDiagnostics(_ marked: String, _ messages: [String]) {
        let source = MarkedSource(marked)
        let file = SourceFile(name: "<test>", text: source.text)
        let found = Parser.parseExpression(file).diagnostics.sorted.map(summary)
        #expect(found == source.expected(messages, in: file))
    }

    @Test(arguments: [
        ("1 + 1️⃣)", "expected a value or expression, but found ')'"),
        ("(1 + 2) 1️⃣)", "expected the end of the expression, but found ')'"),
        ("(1 + 2 1️⃣", "expected ')' to close the parenthesis, but found the end of the text"),
        ("f(1, 1️⃣", "expected ')' or ',', but found the end of the text"),
        ("[1 1️⃣2]", "expected ']' or ',', but found '2'"),
        ("{1 1️⃣2}", "expected ':' between a key and its value, but found '2'"),
        ("{1: 2 1️⃣3}", "expected '}' or ',', but found '3'"),
        ("a[1 1️⃣", "expected ']' to close the index, but found the end of the text"),
        ("a.1️⃣+ b", "expected a field name after '.', but found '+'"),
        ("1 + 1️⃣* 2", "expected a value or expression, but found '*'"),
        ("1️⃣", "expected a value or expression, but found the end of the text"),
        ("a 1️⃣b", "expected the end of the expression, but found 'b'"),
        ("a 1️⃣= b", "expected the end of the expression, but found '='"),
        ("1️⃣if x", "'if' is a reserved word and cannot be used as a name"),
        ("xs.all(1️⃣1, true)", "the first argument of all() must be a name for each element"),
        ("xs.map(1️⃣i.x, i)", "the first argument of map() must be a name for each element"),
        ("1️⃣has(a)", "has() takes one field selection"),
        ("1️⃣has(a.b, c)", "has() takes one field selection"),
        ("1 + 1️⃣42u", "unsigned numbers like 42u are not supported"),
        ("1️⃣b'abc'", "byte strings are not supported"),
        ("1️⃣.a", "names cannot start with '.'"),
        ("x + 1️⃣9223372036854775808", "the whole number 9223372036854775808 does not fit in 64 bits"),
        ("1️⃣-9223372036854775809", "the whole number -9223372036854775809 does not fit in 64 bits"),
        ("1️⃣1e999", "the number 1e999 is out of range"),
        ("1️⃣123456789012345678901234567890123456789.5", "the number 123456789012345678901234567890123456789.5 is out of range"),
        ("a.1️⃣`content-type", "this `quoted name` has no closing backtick"),
        ("1 +\n  2 +\n  1️⃣)", "expected a value or expression, but found ')'"),
        ("'会员' + 1️⃣)", "expected a value or expression, but found ')'"),
        ("1 +\r\n  1️⃣)", "expected a value or expression, but found ')'"),
        ("\t\t1️⃣)", "expected a value or expression, but found ')'"),
    ])
    func single(marked: String, message: String) {
        expectDiagnostics(marked, [message])
    }

    /// One mistake, one diagnostic: a character the lexer reported is not reported again.
    @Test(arguments: [
        ("tier1️⃣会员", "'会员' cannot be part of a name"),
        ("a 1️⃣@ b", "'@' is not allowed here"),
        ("a + 1️⃣@", "'@' is not allowed here"),
        ("f(1️⃣$)", "'$' is not allowed here"),
        ("a 1️⃣& b", "'&' is not allowed here"),
    ])
    func lexicalErrorsAreNotRepeated(marked: String, message: String) {
        expectDiagnostics(marked, [message])
    }

    /// Independent problems are all reported.
    @Test func everyStringProblemIsReported() {
        expectDiagnostics(#"['1️⃣\q', '2️⃣\z']"#, [#"'\q' is not a valid escape in a string"#, #"'\z' is not a valid escape in a string"#])
    }
}

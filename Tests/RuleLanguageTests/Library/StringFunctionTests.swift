import Testing
@testable import RuleLanguage

/// String functions by code points, without Unicode normalisation.
@Suite struct StringFunctionTests {
    @Test(arguments: [
        ("'hello'.contains('ell')", "bool true"), ("'hello'.contains('')", "bool true"), ("''.contains('a')", "bool false"),
        ("'hello'.contains('hello!')", "bool false"), ("'会员日'.contains('员')", "bool true"), ("'aab'.contains('ab')", "bool true"),
        ("'hello'.startsWith('he')", "bool true"), ("'hello'.startsWith('lo')", "bool false"), ("'😀a'.startsWith('😀')", "bool true"),
        ("'hello'.endsWith('lo')", "bool true"), ("'hello'.endsWith('')", "bool true"), ("'会员日'.endsWith('日')", "bool true"),
        ("'lo'.endsWith('hello')", "bool false"),
        ("'e\\u0301'.startsWith('e')", "bool true"), ("'\\u00e9'.startsWith('e')", "bool false"),
    ])
    func searching(source: String, outcome: String) {
        #expect(Evaluation.outcome(of: source) == outcome)
    }

    @Test(arguments: [
        ("size('hello')", "int 5"), ("'hello'.size()", "int 5"), ("size('')", "int 0"), ("size('😀会员')", "int 3"),
        ("size('e\\u0301')", "int 2"), ("size('\\u00e9')", "int 1"), ("size([1, 2])", "int 2"), ("size({'a': 1})", "int 1"),
        ("size(1)", "error: no matching overload: 'size' cannot be applied to (int)"),
    ])
    func sizes(source: String, outcome: String) {
        #expect(Evaluation.outcome(of: source) == outcome)
    }

    @Test(arguments: [
        ("'abc'.matches('^a.c$')", "bool true"), ("'abc'.matches('b')", "bool true"), ("'abc'.matches('^b')", "bool false"),
        ("matches('abc', 'c$')", "bool true"), ("'SKU-1234'.matches('^SKU-[0-9]{4}$')", "bool true"),
        ("'会员日'.matches('^.{3}$')", "bool true"), ("''.matches('')", "bool true"),
        ("'abc'.matches('(')", "error: invalid regular expression: missing ) to close the group opened here (at position 0)"),
    ])
    func matching(source: String, outcome: String) {
        #expect(Evaluation.outcome(of: source) == outcome)
    }

    /// A pattern known only at run time is compiled then, with the same results.
    @Test(arguments: [
        ("^a.c$", "bool true"), ("b", "bool true"), ("^b", "bool false"),
        ("(", "error: invalid regular expression: missing ) to close the group opened here (at position 0)"),
    ])
    func runTimePattern(pattern: String, outcome: String) {
        #expect(Evaluation.outcome(of: "'abc'.matches(p)", bindings: [("p", .string(pattern))]) == outcome)
    }

    @Test(arguments: [
        ("'abc' + 'def'", "string 'abcdef'"), ("'ABC'.lowerAscii()", "string 'abc'"), ("'Größe'.upperAscii()", "string 'GRößE'"),
        ("'Ä1b'.lowerAscii()", "string 'Ä1b'"), ("'abc' == 'abc'", "bool true"), ("'Am\\u00e9lie' == 'Ame\\u0301lie'", "bool false"),
        ("'a' < 'b'", "bool true"), ("'a' < 'B'", "bool false"), ("'é' > 'z'", "bool true"), ("'' < 'a'", "bool true"),
        ("'ab' < 'abc'", "bool true"), ("'a' in ['a', 'b']", "bool true"),
        ("'abc'.contains(1)", "error: no matching overload: 'contains' cannot be applied to (string, int)"),
    ])
    func others(source: String, outcome: String) {
        #expect(Evaluation.outcome(of: source) == outcome)
    }
}

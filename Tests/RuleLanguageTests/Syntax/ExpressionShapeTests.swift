import Testing
@testable import RuleLanguage

/// Which tree each form of member access, call, literal and macro builds.
@Suite struct ExpressionShapeTests {
    @Test(arguments: [
        ("a.b", "a.b"), ("a[0]", "a[0]"), ("a['k']", "a['k']"), ("f()", "f()"), ("f(a, b)", "f(a, b)"),
        ("f(a, b,)", "f(a, b)"), ("a.f()", "a.f()"), ("a.f(1, 2)", "a.f(1, 2)"), ("a.b.f(c)[0]", "a.b.f(c)[0]"),
        ("a.`content-type`", "a.content-type"), ("f(g(h(x)))", "f(g(h(x)))"), ("a.f().g()", "a.f().g()"),
        ("[]", "[]"), ("[1, 2,]", "[1, 2]"), ("{}", "{}"), ("{'a': 1, 'b': 2,}", "{'a': 1, 'b': 2}"),
        ("{1: [true, null]}", "{1: [true, null]}"), ("'a' + \"b\"", "('a' + 'b')"), ("0x1F", "31"),
        ("1.50", "1.50"), ("1e3", "1000"), ("2.5e-3", "0.0025"), (".5", "0.5"), ("true", "true"), ("null", "null"),
    ])
    func members(source: String, tree: String) {
        let parsed = Parse.expression(source)
        #expect(parsed.diagnostics == [])
        #expect(parsed.tree == tree)
    }

    @Test(arguments: [
        ("xs.all(x, x > 0)", "[all x in xs: (x > 0)]"),
        ("xs.exists(x, x > 0)", "[exists x in xs: (x > 0)]"),
        ("xs.exists_one(x, x > 0)", "[exists_one x in xs: (x > 0)]"),
        ("xs.map(x, x * 2)", "[map x in xs: (x * 2)]"),
        ("xs.map(x, x > 0, x * 2)", "[map x in xs if (x > 0): (x * 2)]"),
        ("xs.filter(x, x > 0)", "[filter x in xs: (x > 0)]"),
        ("xs.filter(x, x > 0).map(y, y * 2).sum()", "[map y in [filter x in xs: (x > 0)]: (y * 2)].sum()"),
        ("xs.all(x, ys.exists(y, y == x))", "[all x in xs: [exists y in ys: (y == x)]]"),
        ("{'a': 1}.all(k, k != '')", "[all k in {'a': 1}: (k != '')]"),
        ("has(a.b)", "has(a.b)"), ("has(a.b.c)", "has(a.b.c)"), ("has(a['b'].c)", "has(a['b'].c)"),
        // Without a macro's shape, the name is an ordinary call.
        ("xs.map(x)", "xs.map(x)"), ("xs.all(x, y, z)", "xs.all(x, y, z)"), ("all(xs, x, p)", "all(xs, x, p)"),
        ("xs.filter()", "xs.filter()"),
    ])
    func macros(source: String, tree: String) {
        let parsed = Parse.expression(source)
        #expect(parsed.diagnostics == [])
        #expect(parsed.tree == tree)
    }

    /// Reserved words are not names, but may follow a dot.
    @Test(arguments: [
        ("a.if", "a.if"), ("a.while()", "a.while()"), ("{'if': 1}.if", "{'if': 1}.if"), ("a.in", "a.in"),
        ("a.package.namespace", "a.package.namespace"), ("a.true", "a.true"), ("a.null()", "a.null()"),
        ("x in [1]", "(x in [1])"),
    ])
    func reservedWordsAfterADot(source: String, tree: String) {
        let parsed = Parse.expression(source)
        #expect(parsed.diagnostics == [])
        #expect(parsed.tree == tree)
    }

    @Test(arguments: [
        "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop",
        "package", "namespace", "return", "var", "void", "while",
    ])
    func reservedWordAsAName(word: String) {
        let parsed = Parse.expression("\(word) + 1")
        #expect(parsed.diagnostics == ["1:1: '\(word)' is a reserved word and cannot be used as a name"])
    }

    @Test func inAsANameIsReserved() {
        #expect(Parse.expression("in").diagnostics == ["1:1: 'in' is a reserved word and cannot be used as a name"])
    }

    /// Int range: only the literal with its minus reaches `Int64.min`.
    @Test(arguments: [
        ("9223372036854775807", "9223372036854775807", nil),
        ("0x7FFFFFFFFFFFFFFF", "9223372036854775807", nil),
        ("9223372036854775808", "<invalid>", "1:1: the whole number 9223372036854775808 does not fit in 64 bits"),
        ("-9223372036854775809", "<invalid>", "1:1: the whole number -9223372036854775809 does not fit in 64 bits"),
        ("-(9223372036854775808)", "(-<invalid>)", "1:3: the whole number 9223372036854775808 does not fit in 64 bits"),
        ("0x8000000000000000", "<invalid>", "1:1: the whole number 0x8000000000000000 does not fit in 64 bits"),
        ("99999999999999999999", "<invalid>", "1:1: the whole number 99999999999999999999 does not fit in 64 bits"),
    ] as [(String, String, String?)])
    func integerRange(source: String, tree: String, diagnostic: String?) {
        let parsed = Parse.expression(source)
        #expect(parsed.tree == tree)
        #expect(parsed.diagnostics == (diagnostic.map { [$0] } ?? []))
    }
}

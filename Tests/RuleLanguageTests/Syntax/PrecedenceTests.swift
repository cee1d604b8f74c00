import Testing
@testable import RuleLanguage

/// CEL's precedence table, level by level, as fully parenthesised trees.
@Suite struct PrecedenceTests {
    private func expectTree(_ source: String, _ tree: String) {
        let parsed = Parse.expression(source)
        #expect(parsed.diagnostics == [])
        #expect(parsed.tree == tree)
    }

    @Test("between levels: the tighter operator binds first", arguments: [
        ("a || b && c", "(a || (b && c))"), ("a && b || c", "((a && b) || c)"),
        ("a && b == c", "(a && (b == c))"), ("a == b && c", "((a == b) && c)"),
        ("a < b + c", "(a < (b + c))"), ("a + b < c", "((a + b) < c)"),
        ("a in b + c", "(a in (b + c))"), ("a + b * c", "(a + (b * c))"), ("a * b + c", "((a * b) + c)"),
        ("a - b % c", "(a - (b % c))"), ("-a * b", "((-a) * b)"), ("a * -b", "(a * (-b))"),
        ("!a && b", "((!a) && b)"), ("!a == b", "((!a) == b)"), ("-a.b", "(-a.b)"), ("!a[0]", "(!a[0])"),
        ("-a.f()", "(-a.f())"), ("a || b ? c : d", "((a || b) ? c : d)"),
        ("a ? b || c : d && e", "(a ? (b || c) : (d && e))"), ("(a || b) && c", "((a || b) && c)"),
        ("(a + b) * c", "((a + b) * c)"), ("a.b + c.d * e[0]", "(a.b + (c.d * e[0]))"),
    ])
    func levels(source: String, tree: String) {
        expectTree(source, tree)
    }

    @Test("within a level: binary operators associate to the left", arguments: [
        ("a || b || c", "((a || b) || c)"), ("a && b && c", "((a && b) && c)"),
        ("a == b != c", "((a == b) != c)"), ("a < b <= c", "((a < b) <= c)"), ("a > b >= c", "((a > b) >= c)"),
        ("a in b in c", "((a in b) in c)"), ("a == b in c", "((a == b) in c)"),
        ("a - b + c", "((a - b) + c)"), ("a - b - c", "((a - b) - c)"), ("a + b - c", "((a + b) - c)"),
        ("a / b * c", "((a / b) * c)"), ("a * b / c % d", "(((a * b) / c) % d)"), ("a % b % c", "((a % b) % c)"),
    ])
    func leftAssociative(source: String, tree: String) {
        expectTree(source, tree)
    }

    @Test("unary operators and ?: associate to the right", arguments: [
        ("!!a", "(!(!a))"), ("--a", "(-(-a))"), ("-!a", "(-(!a))"), ("!-a", "(!(-a))"),
        ("a ? b : c ? d : e", "(a ? b : (c ? d : e))"),
        ("a ? b : c ? d : e ? f : g", "(a ? b : (c ? d : (e ? f : g)))"),
        ("a ? (b ? c : d) : e", "(a ? (b ? c : d) : e)"),
    ])
    func rightAssociative(source: String, tree: String) {
        expectTree(source, tree)
    }

    @Test("member access binds tighter than anything", arguments: [
        ("a.b.c", "a.b.c"), ("a.b[c].d", "a.b[c].d"), ("a.f(b).g", "a.f(b).g"), ("a[b][c]", "a[b][c]"),
        ("f(a).b[0]", "f(a).b[0]"), ("[1, 2][0]", "[1, 2][0]"), ("{'k': 1}.k", "{'k': 1}.k"), ("(a + b).c", "(a + b).c"),
    ])
    func memberAccess(source: String, tree: String) {
        expectTree(source, tree)
    }

    /// `-` before a number literal is part of the literal, whatever follows (so `--1` is
    /// the negation of the literal `-1`).
    @Test(arguments: [
        ("-1", "-1"), ("-1 - -1", "(-1 - -1)"), ("1 - 1", "(1 - 1)"), ("a - -b", "(a - (-b))"),
        ("--1", "(--1)"), ("-2 * 3", "(-2 * 3)"), ("-1.5", "-1.5"), ("-0x10", "-16"),
        ("-9223372036854775808", "-9223372036854775808"), ("-0x8000000000000000", "-9223372036854775808"),
        ("-9223372036854775807 - 1", "(-9223372036854775807 - 1)"),
    ])
    func negativeLiterals(source: String, tree: String) {
        expectTree(source, tree)
    }

    /// The `?:` then-branch is an `Or`, so a nested conditional there needs parentheses.
    @Test func conditionalInThenBranchNeedsParentheses() {
        #expect(Parse.expression("a ? b ? c : d : e").diagnostics != [])
    }
}

import Testing
@testable import RuleLanguage

/// Before and after: what `loyalty fmt` does to spacing, indentation, blank lines and comments.
@Suite struct PackFormatterTests {
    /// One declaration after `pack p`, formatted.
    @Test(arguments: [
        ("param x=1+2*3", "param x = 1 + 2 * 3"),
        ("param m = { \"a\" : 1 , \"b\":[1,2] }", "param m = {\"a\": 1, \"b\": [1, 2]}"),
        ("param c = {\"a\": true?1:2}", "param c = {\"a\": true ? 1 : 2}"),
        ("param c = {true?\"a\":\"b\": 1}", "param c = {true ? \"a\" : \"b\": 1}"),
        ("param n = - 5", "param n = -5"),
        ("param n = 3--5", "param n = 3 - -5"),
        ("param n = ( -3 ) * -(2)", "param n = (-3) * -(2)"),
        ("param b = ! ! true", "param b = !!true"),
        ("param l = [ ]", "param l = []"),
        ("param l = [1,2,]", "param l = [1, 2,]"),
        ("param i = [1,2] [0]", "param i = [1, 2][0]"),
        ("let t = floor ( event.amount ) * factor [ member.tier ]", "let t = floor(event.amount) * factor[member.tier]"),
        ("let k = event . items . map ( i , i . price )", "let k = event.items.map(i, i.price)"),
        ("let n = !( a in [1,2] )", "let n = !(a in [1, 2])"),
        ("let d = a-b", "let d = a - b"),
        ("let s = \"a\"+'b'", "let s = \"a\" + 'b'"),
        ("let q = x?y:z", "let q = x ? y : z"),
        ("let o = x||y&&!z", "let o = x || y && !z"),
        ("let f = event.`content-type`", "let f = event.`content-type`"),
        ("account   gift-card   \"礼品卡\"", "account gift-card \"礼品卡\""),
        ("timezone\t\"+08:00\"", "timezone \"+08:00\""),
        ("allow  negative   balance", "allow negative balance"),
    ])
    func spacing(before: String, after: String) throws {
        #expect(try FormatterSupport.format("pack p\n\(before)\n") == "pack p\n\(after)\n")
    }

    /// Whole files: indentation, blank lines, comments.
    @Test(arguments: [
        // Clause lines by 2 (modifier lines too), continuations by 4.
        (
            "pack p\nrule r on purchase when a &&\n b\n      award 1 points\n expiring in days(1)\n     reason \"r\"\n",
            "pack p\n\nrule r on purchase when a &&\n    b\n  award 1 points\n  expiring in days(1)\n  reason \"r\"\n"
        ),
        // Tier lines by 2, their continuations by 4.
        (
            "pack p\ntiers a<b < c\nb when x\n",
            nil
        ),
        (
            "pack p\ntiers a<b < c\n b when x\n&& y\n        c when z\n            || w\n    upgrade immediately\n",
            "pack p\n\ntiers a < b < c\n  b when x\n&& y\n  c when z\n    || w\n  upgrade immediately\n"
        ),
        // Continuation lines of definitions by 4; a closing bracket in column 1 stays there.
        (
            "pack p\nparam l = [\n  1,\n      2,\n]\nlet y = a\n  ? b\n  : c\n",
            "pack p\nparam l = [\n    1,\n    2,\n]\nlet y = a\n    ? b\n    : c\n"
        ),
        // At most one blank line; none at the ends; one before each rule.
        (
            "\n\npack p\n\n\n\nparam a = 1\nrule r on join\n  stop\n\n\n# about s\nrule s on join\n  stop\n\n\n",
            "pack p\n\nparam a = 1\n\nrule r on join\n  stop\n\n# about s\nrule s on join\n  stop\n"
        ),
        // The comments directly above a rule stay with it.
        (
            "pack p\nparam a = 1\n# about r\n# more\nrule r on join\n  stop\n",
            "pack p\nparam a = 1\n\n# about r\n# more\nrule r on join\n  stop\n"
        ),
        // Trailing comments align within a block of consecutive lines, two spaces after the longest.
        (
            "pack p\nparam a = 1 # one\nparam bbb = 22   # two\n\nparam c = 3      # three\n",
            "pack p\nparam a = 1     # one\nparam bbb = 22  # two\n\nparam c = 3  # three\n"
        ),
        // Chinese text counts two columns when aligning.
        (
            "pack p\nparam a = \"会员\" # x\nparam bb = \"ab\" # y\n",
            "pack p\nparam a = \"会员\"  # x\nparam bb = \"ab\"   # y\n"
        ),
        // Own-line comments: column 1 stays; others take the next code line's indentation.
        (
            "pack p\nrule r on join\n# col1\n    # indented\n        award 1 +\n            # inside\n            2 points\n   # after the rule\n\nrule s on join\n  stop\n",
            "pack p\n\nrule r on join\n# col1\n  # indented\n  award 1 +\n    # inside\n    2 points\n  # after the rule\n\nrule s on join\n  stop\n"
        ),
        // `//` comments too; trailing whitespace, tabs and carriage returns go; a final newline comes.
        (
            "pack p  \r\nparam a = 1\t// note  \r\nparam b = 2",
            "pack p\nparam a = 1  // note\nparam b = 2\n"
        ),
        // Dashed names keep their dashes tight; a minus in an expression gets spaces.
        (
            "pack group-buy\naccount gift-card\ntiers a < b-plus\n  b-plus when 1-1 > 0\nrule member-day on coupon-used\n  award 2-1 points\n",
            "pack group-buy\naccount gift-card\n\ntiers a < b-plus\n  b-plus when 1 - 1 > 0\n\nrule member-day on coupon-used\n  award 2 - 1 points\n"
        ),
        // Strings come out byte for byte.
        (
            "pack p \"会员  卡\"\nrule r on join\n    reason   'a  b  中文\\t'\n",
            "pack p \"会员  卡\"\n\nrule r on join\n  reason 'a  b  中文\\t'\n"
        ),
    ] as [(String, String?)])
    func layout(before: String, after: String?) throws {
        guard let after else {
            // A tier line in column 1 is a syntax error: the file is left alone.
            guard case .failure(.syntaxErrors) = PackFormatter.format(SourceFile(name: "<test>", text: before)) else {
                Issue.record("a file with syntax errors was formatted")
                return
            }
            return
        }
        let formatted = try FormatterSupport.format(before)
        #expect(formatted == after)
        #expect(try FormatterSupport.format(formatted) == formatted)
    }

    @Test(arguments: ["pack p\nrule\n", "pack p\nparam = 1\n", "param a = 1\n", "pack p\nparam s = \"open\n"])
    func filesWithSyntaxErrorsAreNotFormatted(source: String) {
        guard case .failure(.syntaxErrors(let diagnostics)) = PackFormatter.format(SourceFile(name: "<test>", text: source)) else {
            Issue.record("formatted a file with syntax errors: \(source)")
            return
        }
        #expect(diagnostics.hasErrors)
    }

    /// The comment-free bench pack, formatted in full.
    @Test func aWholePack() throws {
        let before = """
        pack bench "Benchmark program"
        timezone "+08:00"
        param factor   = {"normal": 1, "silver": 1.2}   # per tier
        param excluded = ["tobacco", "gift-card"]      # earn nothing
        let eligible_spend = event.items.filter(i, !(i.category in excluded)).map(i, i.price * i.qty).sum()
        tiers normal < silver
          silver  when member.spend(days(365)) >= 1000
          upgrade immediately
        rule base on purchase
          award floor(eligible_spend * factor[member.tier]) points expiring in days(365)
        rule promo-triple on purchase
          award floor(event.items.filter(i, i.category == "winter-apparel")
                         .map(i, i.price * i.qty).sum()) * 2 points
          expiring in days(365)

        """
        let after = """
        pack bench "Benchmark program"
        timezone "+08:00"
        param factor = {"normal": 1, "silver": 1.2}  # per tier
        param excluded = ["tobacco", "gift-card"]    # earn nothing
        let eligible_spend = event.items.filter(i, !(i.category in excluded)).map(i, i.price * i.qty).sum()

        tiers normal < silver
          silver when member.spend(days(365)) >= 1000
          upgrade immediately

        rule base on purchase
          award floor(eligible_spend * factor[member.tier]) points expiring in days(365)

        rule promo-triple on purchase
          award floor(event.items.filter(i, i.category == "winter-apparel")
            .map(i, i.price * i.qty).sum()) * 2 points
          expiring in days(365)

        """
        #expect(try FormatterSupport.format(before) == after)
    }
}

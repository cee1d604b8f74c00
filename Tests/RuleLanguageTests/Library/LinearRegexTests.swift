import Foundation
import Testing
@testable import RuleLanguage

/// `LinearRegex`: RE2 syntax, unanchored yes/no matching in linear time.
/// Rows are (text, pattern, expected) unless noted.
@Suite struct LinearRegexTests {
    private func check(_ text: String, _ pattern: String, _ expected: Bool) throws {
        let regex = try LinearRegex(pattern)
        #expect(regex.matches(text) == expected, "'\(text)'.matches('\(pattern)')")
    }

    @Test("CEL conformance cases", arguments: [
        ("hubba", "ubb", true), ("", "foo|bar", false), ("cows", "", true), ("", "", true),
        ("abcd", "bc", true), ("grey", "gr(a|e)y", true), ("banana", "ba(na)*", true),
        ("mañana", "a+ñ+a+", true), ("🐱😀😀", "(a|😀){2}", true),
        ("gray", "gr(a|e)y", true), ("groy", "gr(a|e)y", false), ("abc", "^abc$", true),
    ])
    func celConformance(text: String, pattern: String, expected: Bool) throws {
        try check(text, pattern, expected)
    }

    @Test("anchors: ^ $ \\A \\z match only at the ends without (?m)", arguments: [
        ("abc", "^abc$", true), ("xabc", "^abc", false), ("abcx", "abc$", false), ("abc\n", "abc$", false),
        ("abc", #"\Aabc\z"#, true), ("abc", "^", true), ("", "^$", true), ("a", "^$", false),
        ("ab", "^b", false), ("ab", "a$", false), ("ab", "^a|b$", true), ("xyz", "^(a|x)", true),
        ("b\na", "^a", false), ("aaa", "^a*$", true), ("aab", "^a*$", false), ("ba", "(^|b)a", true),
    ])
    func anchoring(text: String, pattern: String, expected: Bool) throws {
        try check(text, pattern, expected)
    }

    @Test("(?m) makes ^ and $ line anchors; \\A and \\z stay text anchors", arguments: [
        ("one\ntwo", "(?m)^two$", true), ("one\ntwo", "^two$", false), ("one\ntwo", "(?m)^one$", true),
        ("one\ntwo", "one$", false), ("one\ntwo", #"(?m)\Atwo"#, false), ("one\ntwo", #"(?m)one\z"#, false),
        ("a\n", "(?m)a$", true), ("\nb", "(?m)^b", true), ("ab\ncd", "(?m)b$\n^c", true),
    ])
    func multiLine(text: String, pattern: String, expected: Bool) throws {
        try check(text, pattern, expected)
    }

    @Test("classes, negation, ranges, escapes, POSIX and Perl classes", arguments: [
        ("b", "[abc]", true), ("d", "[abc]", false), ("d", "[^abc]", true), ("a", "[^abc]", false),
        ("m", "[a-z]", true), ("M", "[a-z]", false), ("-", "[a-]", true), ("-", "[-a]", true),
        ("]", "[]a]", true), ("]", "[^]a]", false), ("x", "[^]a]", true), ("^", "[x^]", true),
        ("\\", #"[\\]"#, true), ("]", #"[\]]"#, true), ("\t", #"[\t]"#, true), ("A", #"[\x41]"#, true),
        ("7", #"\d"#, true), ("x", #"\d"#, false), ("x", #"\D"#, true), ("٣", #"\d"#, false),
        ("_", #"\w"#, true), ("é", #"\w"#, false), ("-", #"\W"#, true), (" ", #"\s"#, true),
        ("\u{0B}", #"\s"#, false), ("x", #"\S"#, true), ("5", #"[\d]"#, true), ("x", #"[^\d]"#, true),
        ("5", #"[^\D]"#, true), ("a", "[[:alpha:]]", true), ("1", "[[:alpha:]]", false),
        ("1", "[[:^alpha:]]", true), ("F", "[[:xdigit:]]", true), ("_", "[[:word:]]", true),
        (":", "[[:alpha]", true), ("é", ".", true), ("\n", ".", false), ("\n", "(?s).", true),
        ("\n", "[^a]", true), ("😀", "[😀-😂]", true), ("😃", "[😀-😂]", false),
        ("a.c", #"a\.c"#, true), ("abc", #"a\.c"#, false), ("a+b", #"a\+b"#, true),
        ("{", "a{|{", true), ("a{,3}", "a{,3}", true), ("a{x}", "a{x}", true),
    ])
    func classes(text: String, pattern: String, expected: Bool) throws {
        try check(text, pattern, expected)
    }

    @Test("counted repetition edges", arguments: [
        ("", "^a{0}$", true), ("a", "^a{0}$", false), ("b", "^ba{0}$", true), ("aa", "^a{2,3}$", true),
        ("aaa", "^a{2,3}$", true), ("a", "^a{2,3}$", false), ("aaaa", "^a{2,3}$", false),
        ("aa", "^a{3,}$", false), ("aaa", "^a{3,}$", true), ("aaaaaaa", "^a{3,}$", true),
        ("ab", "^(ab){1}$", true), ("", "^a{0,}$", true), ("aaaa", "^a{0,2}a{2}$", true),
        ("aa", "^a{1,1}$", false), ("ac", "^ab?c$", true), ("abc", "^ab+c$", true), ("ac", "^ab+c$", false),
        ("aaa", "^a+?$", true), ("aaa", "^a*?$", true), ("a", "^a??$", true), ("aaa", "^a{2,}?$", true),
        ("aaa", "(?U)^a+$", true), ("abab", "^(?:ab)+$", true), ("aba", "^(?:ab)+$", false),
    ])
    func countedRepetition(text: String, pattern: String, expected: Bool) throws {
        try check(text, pattern, expected)
    }

    @Test("(?i) folds simple case, including across scripts", arguments: [
        ("GOLD", "(?i)gold", true), ("Gold", "gold", false), ("gOlD", "(?i:gold)", true),
        ("Gold Tier", "(?i:gold) tier", false), ("gold Tier", "(?i:gold) Tier", true), ("ÉTÉ", "(?i)été", true),
        ("ΣΊΣΥΦΟΣ", "(?i)σίσυφος", true), ("ς", "(?i)Σ", true), ("K", "(?i)\u{212A}", true),
        ("\u{212A}", "(?i)k", true), ("ſ", "(?i)S", true), ("Q", "(?i)[a-z]", true), ("q", "(?i)[^a-z]", false),
        ("\u{212A}", "(?i)[a-z]", true), ("K", "(?i)[^k]", false), ("Ж", "(?i)ж", true), ("a", "(?i)\\p{Lu}", true),
        ("Aa", "(?i)^a(?-i)a$", true), ("AA", "(?i)^a(?-i)a$", false), ("1", "(?i)1", true),
    ])
    func caseFolding(text: String, pattern: String, expected: Bool) throws {
        try check(text, pattern, expected)
    }

    @Test("\\b and \\B use ASCII word characters", arguments: [
        ("gold tier", #"\bgold\b"#, true), ("golden", #"\bgold\b"#, false), ("marigold", #"\bgold"#, false),
        ("gold", #"\bgold\b"#, true), ("a_gold", #"\bgold"#, false), ("x-gold", #"\bgold"#, true),
        ("golden", #"gold\B"#, true), ("gold", #"gold\B"#, false), ("", #"\B"#, true), ("", #"\b"#, false),
        ("éa", #"\ba"#, true),
    ])
    func wordBoundaries(text: String, pattern: String, expected: Bool) throws {
        try check(text, pattern, expected)
    }

    @Test("Unicode classes and scripts", arguments: [
        ("会员日", #"^\p{Han}+$"#, true), ("会员日!", #"^\p{Han}+$"#, false), ("会员day", #"\p{Han}{2}"#, true),
        ("day", #"\p{Han}"#, false), ("日", #"\P{Han}"#, false), ("d", #"\p{^Han}"#, true),
        ("é", #"\pL"#, true), ("É", #"\p{Lu}"#, true), ("é", #"\p{Lu}"#, false), ("é", #"\p{Ll}"#, true),
        ("٣", #"\p{Nd}"#, true), ("Ⅻ", #"\pN"#, true), ("!", #"\pP"#, true), ("a", #"\PL"#, false),
        ("1", #"[\pL\d]"#, true), ("€", #"[^\pL\d]"#, true), ("x", #"[^\pL\d]"#, false),
        ("αβγ", #"^\p{Greek}+$"#, true), ("abc", #"^\p{Latin}+$"#, true), ("мир", #"^\p{Cyrillic}+$"#, true),
        ("ひらがな", #"^\p{Hiragana}+$"#, true), ("カタカナ", #"^\p{Katakana}+$"#, true), ("한국", #"^\p{Hangul}+$"#, true),
        ("x", #"\p{Any}"#, true), ("会员日", "员", true), ("会员日", "^.{3}$", true),
    ])
    func unicode(text: String, pattern: String, expected: Bool) throws {
        try check(text, pattern, expected)
    }

    @Test("SKU, tier and code patterns", arguments: [
        ("WIN-123", "^WIN-[0-9]{3}$", true), ("WIN-1234", "^WIN-[0-9]{3}$", false), ("XWIN-123", "^WIN-[0-9]{3}$", false),
        ("ABC-123", "^[A-Z]{3}-[0-9]{3}$", true), ("AB-123", "^[A-Z]{3}-[0-9]{3}$", false),
        ("customer tier is silver today", ".*(gold|silver).*", true), ("bronze", ".*(gold|silver).*", false),
        ("bronze\ngold", ".*(gold|silver).*", true), ("", ".*", true), ("a@shop.example", #"^[\w.+-]+@[\w-]+\.[\w.]+$"#, true),
        ("SUMMER24", #"^(?P<season>SPRING|SUMMER)(?<year>\d{2})$"#, true), ("WINTER24", "^(SPRING|SUMMER)[0-9]{2}$", false),
    ])
    func skuPatterns(text: String, pattern: String, expected: Bool) throws {
        try check(text, pattern, expected)
    }

    @Test("escapes and quoting", arguments: [
        ("\n", #"\n"#, true), ("\t", #"\t"#, true), ("\r", #"\r"#, true), ("\u{0C}", #"\f"#, true),
        ("\u{0B}", #"\v"#, true), ("\u{07}", #"\a"#, true), ("A", #"\x41"#, true), ("😀", #"\x{1F600}"#, true),
        ("\0", #"\0"#, true), ("\n", #"\012"#, true), ("S", #"\123"#, true), ("a.b*", #"\Qa.b*\E"#, true),
        ("axb", #"\Qa.b\E"#, false), ("abbb", #"^\Qab\E*$"#, true), ("a+", #"\Qa+"#, true),
        ("a|b", #"a\|b"#, true), ("a", "(?:a)", true), ("x", "()x", true), ("", "(|)", true),
    ])
    func escapes(text: String, pattern: String, expected: Bool) throws {
        try check(text, pattern, expected)
    }

    @Test("patterns RE2 rejects, with the offending position", arguments: [
        (#"(a)\1"#, 3, "backreferences like \\1 are not supported (patterns use RE2 syntax)"),
        ("(?=a)", 0, "lookahead (?=...) is not supported"), ("a(?!b)", 1, "lookahead (?!...) is not supported"),
        ("(?<=a)b", 0, "lookbehind (?<=...) is not supported"), ("(?<!a)b", 0, "lookbehind (?<!...) is not supported"),
        ("(?P=x)", 0, "backreferences like (?P=name)"), ("a*+", 1, "possessive repeats like *+ are not supported"),
        ("a{2}+", 1, "possessive"), ("a**", 2, "cannot directly follow another repeat"),
        ("(ab", 0, "missing ) to close the group"), ("x(a(b)", 1, "missing )"), ("ab)", 2, "unexpected )"),
        ("[z-a]", 1, "invalid character range z-a"), ("ab[cd", 2, "missing ] to close the character class"),
        ("a{1001}", 1, "repeat counts above 1000 are not allowed, as in RE2"), ("a{2,1001}", 1, "above 1000"),
        ("a{99999999999999}", 1, "above 1000"), ("a{3,2}", 1, "the maximum is smaller than the minimum"),
        ("*a", 0, "nothing to repeat: * must follow"), ("a|+", 2, "nothing to repeat"), ("(?i)?", 4, "nothing to repeat"),
        ("{2}", 0, "nothing to repeat"), ("(((a{1000}){1000}){1000})", 11, "the pattern is too large"),
        ("(?:(?:a{30}){30}){30}", 17, "the pattern is too large"), ("x{999}(?:ab{200}c){100}", 18, "too large"),
        (#"\p{Klingon}"#, 0, "unknown Unicode class"), ("[[:alfa:]]", 1, "unknown POSIX class"),
        (#"\y"#, 0, "unknown escape \\y"), ("ab\\", 2, "lone \\"), (#"\Z"#, 0, "use \\z"), ("(?x)a", 2, "unknown group flag x"),
        ("(?)", 0, "missing flags"), ("(?P<1a-b>x)", 0, "invalid group name"), ("(?P<n>a)(?P<n>b)", 8, "duplicate group name"),
        (#"\x{110000}"#, 0, "beyond the largest"), (#"\xZZ"#, 0, "invalid escape"), (#"[a-\d]"#, 1, "a range must end"),
        ("(?>a)", 0, "atomic groups"), (#"a\8"#, 1, "backreferences like \\8"),
    ])
    func rejections(pattern: String, offset: Int, message: String) {
        #expect {
            _ = try LinearRegex(pattern)
        } throws: { error in
            guard let error = error as? RegexSyntaxError else { return false }
            return error.offset == offset && error.message.contains(message)
        }
    }

    @Test("a program over the size limit is refused without being built")
    func tooLarge() {
        #expect(throws: RegexSyntaxError.self) { try LinearRegex(String(repeating: "a", count: 20_000)) }
        #expect(throws: RegexSyntaxError.self) { try LinearRegex("(?:a{1000}){21}") }
        #expect(throws: Never.self) { try LinearRegex("a{1000}b{1000}") }
    }

    @Test("nesting is capped at 1000 groups without recursing on the pattern")
    func nesting() throws {
        let deep = String(repeating: "(?:a|", count: 1000) + "b" + String(repeating: ")*c", count: 1000)
        let regex = try LinearRegex(deep)  // (?:a|(?:a|…b)*c)*c: every level needs its own c
        #expect(regex.matches("xc"))
        #expect(!regex.matches("ab"))
        #expect(throws: RegexSyntaxError(message: "groups are nested too deeply (more than 1000 levels)", offset: 1000)) {
            try LinearRegex(String(repeating: "(", count: 1001) + String(repeating: ")", count: 1001))
        }
        #expect(throws: RegexSyntaxError.self) { try LinearRegex(String(repeating: "(", count: 100_000)) }
    }

    @Test("pathological patterns finish in one pass", arguments: [
        (String(repeating: "a", count: 5000), "(a+)+b", false), (String(repeating: "a", count: 5000), "(a|a)*c", false),
        (String(repeating: "x", count: 5000), "(x+x+)+y", false), (String(repeating: "a", count: 1000), "a{1000}", true),
        (String(repeating: "a", count: 999), "a{1000}", false), (String(repeating: "a", count: 5000) + "b", "(a+)+b", true),
        (String(repeating: "a", count: 5000), "(a*)*$", true), (String(repeating: "ab", count: 2000), "^(a|b|ab)*c", false),
        (String(repeating: "a", count: 200), "^(?:a?){200}a{200}$", true),
    ])
    func pathological(text: String, pattern: String, expected: Bool) throws {
        try check(text, pattern, expected)
    }

    @Test("deep patterns compile, match and are freed on a 128 KB stack")
    func smallStack() async {
        let patterns = [
            String(repeating: "(x|", count: 1000) + "b" + String(repeating: ")*", count: 1000),
            String(repeating: "(x|", count: 1000) + "b" + String(repeating: ")*", count: 1000) + ")",
            "(?:" + String(repeating: "(x|", count: 999) + "b" + String(repeating: ")*", count: 999) + "){1000}",
        ]
        let outcomes = await withCheckedContinuation { (continuation: CheckedContinuation<[String], Never>) in
            let thread = Thread {
                continuation.resume(returning: patterns.map { pattern in
                    do throws(RegexSyntaxError) {
                        return "\(try LinearRegex(pattern).matches("xxb"))"
                    } catch {
                        return "error at \(error.offset)"
                    }
                })
            }
            thread.stackSize = 128 * 1024
            thread.start()
        }
        #expect(outcomes == ["true", "error at 5001", "error at 5000"])
    }

    @Test("compiled programs: counted repeats expand, a leading .* is dropped, ^ anchors the search")
    func programShape() throws {
        #expect(try LinearRegex("a{2,4}").program.instructions.count == 7)  // a a split a split a match
        let dotStar = try LinearRegex(".*(gold|silver).*").program
        #expect(dotStar.firstScalars.bits.isUseful && !dotStar.isAnchoredAtStart)
        #expect(try LinearRegex("^WIN-[0-9]{3}$").program.isAnchoredAtStart)
        #expect(try !LinearRegex("(?m)^WIN").program.isAnchoredAtStart)
        #expect(try LinearRegex("(?i)k").program.classes.first?.contains(0x212A) == true)
    }

    @Test("one compiled pattern is shared safely across concurrent tasks")
    func concurrentUse() async throws {
        let regex = try LinearRegex("^[A-Z]{3}-[0-9]{3}$")
        let results = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<64 {
                group.addTask { regex.matches(index.isMultiple(of: 2) ? "ABC-\(100 + index)" : "abc-\(index)") == index.isMultiple(of: 2) }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 })
    }
}

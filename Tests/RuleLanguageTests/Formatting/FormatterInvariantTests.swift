import Foundation
import Testing
@testable import RuleLanguage

/// What `loyalty fmt` must always do, over the shipped packs and over messy hand-written
/// ones: be idempotent, keep every token and every line start (so the pack means the same),
/// keep every comment, and leave a clean layout.
@Suite struct FormatterInvariantTests {
    /// Packs written as badly as the parser allows.
    static let messyPacks: [String] = [
        """
        pack   demo   "Demo 演示  two spaces"
        timezone    "+08:00"      # zone
        param  factor={"normal":1,"gold":1.5}
        param excluded = [ "a" , "b" , ]
        let x=event.amount*2+1



        let y = has(event.items)
        ? event.items.size()
        : 0
        tiers normal<gold
         gold   when member.spend(days(365))>=5000 &&member.purchases(days(30))>2
              upgrade immediately
        rule base on purchase when x>0&&!(event.amount<1)
                award floor(x*factor[member.tier]) points
           expiring in days(365)
         reason "消费积分  两个空格"
        rule member-day on purchase
          when event.at.getDate()==18 # trailing
          award -(-5) + 3 points
        """,
        "pack t\r\nparam a = 1   \r\n\r\n\r\nrule r on join\r\n  award a points\t# tab before\r\n",
        """


        # leading comment after blank lines
        pack group-buy "团购"
        account wallet "钱包"
        param m = {
          "a": [1,2 ,3],   # one
             "b" : {"c":true ? 1: 2}, # two
        }
        param s = r"raw\\d+"  // slash comment
        param t = '''multi
          line   '''
        # comment in column 1
        rule coupon-used on coupon_used
        // about the clause
         award 1 points
            to event.member  expiring   never
          # indented, before the reason
          reason "x"
        rule big-day on purchase when member.spend("day") >= 100 ||
        event.amount > 50
          once per day
          grant "coupon:" + string(10) times 2 worth 10.5
        """,
        """
        pack p
        var seen = false
        tiers a < b-plus < c
          b-plus when member.spend(days(30)) >= 1 # one
          c when member.spend(days(30)) >= 2      # two
              && member.points>3
          downgrade at review ; review monthly
        rule x on inactive days(90)
          set seen = !member.seen
          deduct 5 points from event.member
        rule y on tier_change when event.upgrade
          raise tier to "c" expiring in days(450)
          stop
        """,
    ]

    static func allInputs() throws -> [(name: String, text: String)] {
        let shipped = try FormatterSupport.repositoryPacks().map { ($0.lastPathComponent, try String(contentsOf: $0, encoding: .utf8)) }
        return shipped + messyPacks.enumerated().map { ("messy-\($0.offset)", $0.element) }
    }

    @Test func theRepositoryHasPacksToFormat() throws {
        #expect(try FormatterSupport.repositoryPacks().count >= 5)
    }

    @Test func formattingIsIdempotent() throws {
        for (name, text) in try Self.allInputs() {
            let once = try FormatterSupport.format(text, name: name)
            let twice = try FormatterSupport.format(once, name: name)
            #expect(twice == once, "\(name) changes when formatted twice")
        }
    }

    @Test func formattingKeepsTokensAndTheParsedPack() throws {
        for (name, text) in try Self.allInputs() {
            let formatted = try FormatterSupport.format(text, name: name)
            #expect(FormatterSupport.tokens(formatted) == FormatterSupport.tokens(text), "\(name): tokens differ")
            #expect(FormatterSupport.parsedShape(formatted) == FormatterSupport.parsedShape(text), "\(name): the parsed pack differs")
        }
    }

    @Test func formattingKeepsEveryComment() throws {
        for (name, text) in try Self.allInputs() {
            let formatted = try FormatterSupport.format(text, name: name)
            let before = FormatterSupport.comments(text)
            #expect(FormatterSupport.comments(formatted) == before, "\(name): comments differ")
            let marks = text.filter { $0 == "#" }.count
            #expect(formatted.filter { $0 == "#" }.count == marks, "\(name): a '#' went missing")
        }
    }

    @Test func formattedTextIsClean() throws {
        for (name, text) in try Self.allInputs() {
            let formatted = try FormatterSupport.format(text, name: name)
            #expect(formatted.hasSuffix("\n") && !formatted.hasSuffix("\n\n"), "\(name): not one final newline")
            #expect(!formatted.contains("\n\n\n"), "\(name): two blank lines in a row")
            #expect(!formatted.contains("\r") && !formatted.hasPrefix("\n"), "\(name): carriage return or leading blank line")
            // Outside multi-line strings, no line ends in whitespace.
            if !text.contains("'''") {
                let trailing = formatted.split(separator: "\n").filter { $0.last == " " || $0.last == "\t" }
                #expect(trailing.isEmpty, "\(name): trailing whitespace in \(trailing)")
            }
        }
    }

    /// Every string literal comes out byte for byte, Chinese text and inner spaces included.
    @Test func stringLiteralsAreUnchanged() throws {
        for (name, text) in try Self.allInputs() {
            let formatted = try FormatterSupport.format(text, name: name)
            let strings = { (text: String) in FormatterSupport.tokens(text).filter { $0.hasPrefix("stringLiteral:") } }
            #expect(strings(formatted) == strings(text), "\(name): a string changed")
        }
    }

    /// The layout is canonical: scattering spaces between tokens, re-indenting indented lines
    /// and widening blank runs (none of which changes the pack) gives the same result.
    @Test(arguments: 0..<4)
    func whitespaceDoesNotMatter(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        for (name, text) in try Self.allInputs() {
            let file = SourceFile(name: name, text: text)
            let tokens = Lexer.tokenize(file, mode: .pack).tokens
            var scattered: [UInt8] = []
            var position = 0
            for (index, token) in tokens.enumerated() {
                var gap = Array(file.bytes[position..<Int(token.range.start)])
                let hasComment = gap.contains(UInt8(ascii: "#")) || gap.contains(UInt8(ascii: "/"))
                let nearMinus = token.kind == .minus || (index > 0 && tokens[index - 1].kind == .minus)
                if let lastBreak = gap.lastIndex(of: UInt8(ascii: "\n")), !hasComment {
                    let isIndented = lastBreak + 1 < gap.count
                    let breaks = gap.filter { $0 == UInt8(ascii: "\n") }.count
                    gap = [UInt8](repeating: UInt8(ascii: "\n"), count: breaks >= 2 ? breaks + random.next(3) : breaks)
                    if isIndented { gap += random.next(2) == 0 ? [9] : [UInt8](repeating: 32, count: 1 + random.next(7)) }
                } else if !hasComment, !nearMinus, index > 0 {
                    gap += [UInt8](repeating: 32, count: random.next(3))
                }
                scattered += gap + file.bytes[Int(token.range.start)..<Int(token.range.end)]
                position = Int(token.range.end)
            }
            let variant = String(decoding: scattered, as: UTF8.self)
            #expect(try FormatterSupport.format(variant, name: name) == FormatterSupport.format(text, name: name), "\(name), seed \(seed)")
        }
    }

    /// Every `rule` and `tiers` declaration has a blank line above it or above the comments
    /// directly preceding it.
    @Test func blocksAreSeparated() throws {
        for (name, text) in try Self.allInputs() {
            let lines = try FormatterSupport.format(text, name: name).split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() where line.hasPrefix("rule ") || line.hasPrefix("tiers ") {
                var above = index - 1
                while above >= 0, lines[above].hasPrefix("#") || lines[above].hasPrefix("//") { above -= 1 }
                #expect(above < 0 || lines[above].isEmpty, "\(name): no blank line before '\(line)'")
            }
        }
    }
}

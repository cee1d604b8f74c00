import Testing
@testable import RuleLanguage

/// One row per token kind: the text lexes to exactly that one token, covering all of it.
@Suite struct LexerTokenTests {
    @Test(arguments: [
        ("tier", Token.Kind.identifier), ("_x9", .identifier), ("in", .identifier), ("if", .identifier),
        ("`content-type`", .quotedIdentifier),
        ("42", .intLiteral), ("0", .intLiteral), ("0x2A", .hexLiteral), ("0XfF", .hexLiteral),
        ("42u", .unsignedLiteral), ("0x1FU", .unsignedLiteral),
        ("1.5", .decimalLiteral), (".5", .decimalLiteral), ("1e3", .decimalLiteral), ("2.3e+1", .decimalLiteral),
        ("7E-2", .decimalLiteral),
        ("'gold'", .stringLiteral), ("\"gold\"", .stringLiteral), ("r'\\d'", .stringLiteral), ("R\"x\"", .stringLiteral),
        ("'''a'''", .stringLiteral), ("\"\"\"a\"\"\"", .stringLiteral), ("b'x'", .bytesLiteral), ("B\"x\"", .bytesLiteral),
        ("(", .leftParen), (")", .rightParen), ("[", .leftBracket), ("]", .rightBracket),
        ("{", .leftBrace), ("}", .rightBrace), (".", .dot), (",", .comma), (":", .colon), (";", .semicolon),
        ("?", .question), ("+", .plus), ("-", .minus), ("*", .star), ("/", .slash), ("%", .percent),
        ("!", .bang), ("=", .equal), ("==", .equalEqual), ("!=", .bangEqual), ("<", .less), ("<=", .lessEqual),
        (">", .greater), (">=", .greaterEqual), ("&&", .ampersandAmpersand), ("||", .pipePipe),
        ("@", .invalid), ("&", .invalid), ("|", .invalid), ("$", .invalid),
    ])
    func singleToken(source: String, kind: Token.Kind) {
        let lexed = lex(source)
        #expect(lexed.kinds == [kind])
        #expect(lexed.texts == [source])
    }

    @Test func endOfFileClosesEveryStream() {
        let file = SourceFile(name: "<test>", text: "a  ")
        let (tokens, _) = Lexer.tokenize(file, mode: .expression)
        #expect(tokens.map(\.kind) == [.identifier, .endOfFile])
        #expect(tokens.last?.range == .at(3))
    }

    /// Number boundaries: `1.` is an int and a dot (CEL), `.5` a decimal, an exponent
    /// needs digits, `0x` needs a hex digit.
    @Test(arguments: [
        ("1.", ["1", "."]), ("1.5", ["1.5"]), (".5", [".5"]), ("1.e3", ["1", ".", "e3"]), ("1..2", ["1", ".", ".2"]),
        ("1e", ["1", "e"]), ("1e+", ["1", "e", "+"]), ("1e3", ["1e3"]), ("1.5e-3x", ["1.5e-3", "x"]),
        ("0x", ["0", "x"]), ("0xg", ["0", "xg"]), ("0x1f.size()", ["0x1f", ".", "size", "(", ")"]),
        ("12u+1", ["12u", "+", "1"]), ("007", ["007"]), ("1.5.5", ["1.5", ".5"]), ("x.y", ["x", ".", "y"]),
        ("a-1", ["a", "-", "1"]), ("-1", ["-", "1"]),
    ])
    func numberBoundaries(source: String, texts: [String]) {
        #expect(lex(source).texts == texts)
    }

    /// Two-character operators win over their one-character prefixes.
    @Test(arguments: [
        ("a<=b", ["a", "<=", "b"]), ("a<b", ["a", "<", "b"]), ("!!a", ["!", "!", "a"]), ("a!=b", ["a", "!=", "b"]),
        ("a===b", ["a", "==", "=", "b"]), ("a&&b||c", ["a", "&&", "b", "||", "c"]), ("a>=-1", ["a", ">=", "-", "1"]),
    ])
    func operators(source: String, texts: [String]) {
        #expect(lex(source).texts == texts)
    }

    @Test func tokensRecordWhetherTheyStartALine() {
        let file = SourceFile(name: "<test>", text: "a b\n  c // note\nd")
        let (tokens, _) = Lexer.tokenize(file, mode: .pack)
        #expect(tokens.map(\.startsLine) == [true, false, true, true, true])
    }
}

/// One lexical token: its kind and where it is. Text and literal values are sliced and
/// decoded from the source only when the parser needs them, so tokens stay two words.
public struct Token: Sendable, Equatable {
    public var kind: Kind
    public var range: SourceRange
    /// True when only whitespace and comments precede the token on its line; pack
    /// clauses use it to resynchronise after an error.
    public var startsLine: Bool

    public init(_ kind: Kind, _ range: SourceRange, startsLine: Bool = false) {
        self.kind = kind
        self.range = range
        self.startsLine = startsLine
    }

    /// The kinds of token. Keywords (`true`, `in`, `rule`, …) lex as identifiers and are
    /// recognised by the parser, because CEL allows reserved words after a dot.
    public enum Kind: Sendable, Hashable {
        case identifier
        /// A backtick-quoted field name: m.`content-type`.
        case quotedIdentifier
        case intLiteral
        /// `0x1F`.
        case hexLiteral
        /// `12u`: CEL's unsigned ints, outside our subset (reported by the parser).
        case unsignedLiteral
        /// A number with a fraction or exponent: an exact decimal in our dialect.
        case decimalLiteral
        case stringLiteral
        /// `b"…"`: CEL bytes, outside our subset.
        case bytesLiteral
        case leftParen, rightParen, leftBracket, rightBracket, leftBrace, rightBrace
        case dot, comma, colon, semicolon, question
        case plus, minus, star, slash, percent
        case bang, equal, equalEqual, bangEqual, less, lessEqual, greater, greaterEqual
        case ampersandAmpersand, pipePipe
        /// A character that starts no token; already reported by the lexer.
        case invalid
        case endOfFile
    }
}

extension Token.Kind: CustomStringConvertible {
    /// How the token is named in "expected …" messages.
    public var description: String {
        switch self {
        case .identifier, .quotedIdentifier: "a name"
        case .intLiteral, .hexLiteral, .unsignedLiteral, .decimalLiteral: "a number"
        case .stringLiteral, .bytesLiteral: "a string"
        case .leftParen: "'('"
        case .rightParen: "')'"
        case .leftBracket: "'['"
        case .rightBracket: "']'"
        case .leftBrace: "'{'"
        case .rightBrace: "'}'"
        case .dot: "'.'"
        case .comma: "','"
        case .colon: "':'"
        case .semicolon: "';'"
        case .question: "'?'"
        case .plus: "'+'"
        case .minus: "'-'"
        case .star: "'*'"
        case .slash: "'/'"
        case .percent: "'%'"
        case .bang: "'!'"
        case .equal: "'='"
        case .equalEqual: "'=='"
        case .bangEqual: "'!='"
        case .less: "'<'"
        case .lessEqual: "'<='"
        case .greater: "'>'"
        case .greaterEqual: "'>='"
        case .ampersandAmpersand: "'&&'"
        case .pipePipe: "'||'"
        case .invalid: "an invalid character"
        case .endOfFile: "the end of the text"
        }
    }
}

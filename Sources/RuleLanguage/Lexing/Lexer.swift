/// Turns source bytes into tokens with byte ranges, reporting characters that start
/// no token and unterminated strings. Literal values are decoded later by `LiteralDecoder`.
public struct Lexer {
    /// Lexical differences between a bare expression and a pack file.
    public enum Mode: Sendable {
        /// CEL: only `//` comments.
        case expression
        /// Pack files also allow `#` comments, the usual style in config files.
        case pack
    }

    private let file: SourceFile
    private let bytes: [UInt8]
    private let mode: Mode
    private var position = 0
    private var atLineStart = true
    private(set) var diagnostics = DiagnosticBag()

    public init(file: SourceFile, mode: Mode) {
        self.file = file
        self.bytes = file.bytes
        self.mode = mode
    }

    /// Every token of the file, ending with `.endOfFile`, plus the lexical diagnostics.
    public static func tokenize(_ file: SourceFile, mode: Mode) -> (tokens: [Token], diagnostics: DiagnosticBag) {
        var lexer = Lexer(file: file, mode: mode)
        var tokens: [Token] = []
        tokens.reserveCapacity(file.bytes.count / 3 + 1)
        while true {
            let token = lexer.next()
            tokens.append(token)
            if token.kind == .endOfFile { break }
        }
        return (tokens, lexer.diagnostics)
    }

    mutating func next() -> Token {
        skipTrivia()
        let start = position
        let startsLine = atLineStart
        atLineStart = false
        guard position < bytes.count else {
            return Token(.endOfFile, .at(bytes.count), startsLine: true)
        }
        let kind = scanToken()
        return Token(kind, SourceRange(start: start, end: position), startsLine: startsLine)
    }

    private func peek(_ offset: Int = 0) -> UInt8? {
        let index = position + offset
        return index < bytes.count ? bytes[index] : nil
    }

    /// Skips spaces, line breaks and comments, noting whether a line break was crossed.
    private mutating func skipTrivia() {
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), 0x0C:
                position += 1
            case UInt8(ascii: "\n"):
                position += 1
                atLineStart = true
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
                skipToEndOfLine()
            case UInt8(ascii: "#") where mode == .pack:
                skipToEndOfLine()
            default:
                return
            }
        }
    }

    private mutating func skipToEndOfLine() {
        while let byte = peek(), byte != UInt8(ascii: "\n") { position += 1 }
    }

    private mutating func scanToken() -> Token.Kind {
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return scanNumber()
        case UInt8(ascii: "."):
            if let next = peek(1), isDigit(next) { return scanNumber() }
            position += 1
            return .dot
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return scanString(raw: false, prefixLength: 0)
        case UInt8(ascii: "`"):
            return scanQuotedIdentifier()
        case _ where isIdentifierStart(byte):
            return scanIdentifierOrPrefixedString()
        default:
            return scanPunctuation(byte)
        }
    }

    private mutating func scanPunctuation(_ byte: UInt8) -> Token.Kind {
        let next = peek(1)
        func two(_ kind: Token.Kind) -> Token.Kind { position += 2; return kind }
        func one(_ kind: Token.Kind) -> Token.Kind { position += 1; return kind }
        switch byte {
        case UInt8(ascii: "("): return one(.leftParen)
        case UInt8(ascii: ")"): return one(.rightParen)
        case UInt8(ascii: "["): return one(.leftBracket)
        case UInt8(ascii: "]"): return one(.rightBracket)
        case UInt8(ascii: "{"): return one(.leftBrace)
        case UInt8(ascii: "}"): return one(.rightBrace)
        case UInt8(ascii: ","): return one(.comma)
        case UInt8(ascii: ":"): return one(.colon)
        case UInt8(ascii: ";"): return one(.semicolon)
        case UInt8(ascii: "?"): return one(.question)
        case UInt8(ascii: "+"): return one(.plus)
        case UInt8(ascii: "-"): return one(.minus)
        case UInt8(ascii: "*"): return one(.star)
        case UInt8(ascii: "/"): return one(.slash)
        case UInt8(ascii: "%"): return one(.percent)
        case UInt8(ascii: "!"): return next == UInt8(ascii: "=") ? two(.bangEqual) : one(.bang)
        case UInt8(ascii: "="): return next == UInt8(ascii: "=") ? two(.equalEqual) : one(.equal)
        case UInt8(ascii: "<"): return next == UInt8(ascii: "=") ? two(.lessEqual) : one(.less)
        case UInt8(ascii: ">"): return next == UInt8(ascii: "=") ? two(.greaterEqual) : one(.greater)
        case UInt8(ascii: "&") where next == UInt8(ascii: "&"): return two(.ampersandAmpersand)
        case UInt8(ascii: "|") where next == UInt8(ascii: "|"): return two(.pipePipe)
        default:
            return scanInvalid()
        }
    }

    /// Consumes one character that starts no token — or a whole run of non-ASCII text,
    /// such as a Chinese word written where a name belongs — and reports it once.
    private mutating func scanInvalid() -> Token.Kind {
        let start = position
        let isText = bytes[position] >= 0x80
        position += 1
        while let byte = peek(), byte & 0xC0 == 0x80 || (isText && byte >= 0x80) { position += 1 }
        let range = SourceRange(start: start, end: position)
        let text = file.text(in: range)
        diagnostics.error(isText ? .nonASCIIName(text) : .unexpectedCharacter(text), in: file, at: range)
        return .invalid
    }

    private mutating func scanIdentifierOrPrefixedString() -> Token.Kind {
        let first = bytes[position]
        if let quote = peek(1), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            switch first {
            case UInt8(ascii: "r"), UInt8(ascii: "R"):
                return scanString(raw: true, prefixLength: 1)
            case UInt8(ascii: "b"), UInt8(ascii: "B"):
                _ = scanString(raw: false, prefixLength: 1)
                return .bytesLiteral
            default:
                break
            }
        }
        while let byte = peek(), isIdentifierStart(byte) || isDigit(byte) { position += 1 }
        return .identifier
    }

    private mutating func scanQuotedIdentifier() -> Token.Kind {
        let start = position
        position += 1
        while let byte = peek(), byte != UInt8(ascii: "`"), byte != UInt8(ascii: "\n") { position += 1 }
        guard peek() == UInt8(ascii: "`") else {
            diagnostics.error(.unterminatedQuotedName, in: file, at: SourceRange(start: start, end: position))
            return .invalid
        }
        position += 1
        return .quotedIdentifier
    }

    /// Ints (`42`, `0x2A`, `42u`) and decimals (`1.5`, `.5`, `1e3`, `2.3e+1`); `1.` is an int then a dot.
    private mutating func scanNumber() -> Token.Kind {
        if bytes[position] == UInt8(ascii: "0"), let x = peek(1), x == UInt8(ascii: "x") || x == UInt8(ascii: "X"),
           let digit = peek(2), isHexDigit(digit) {
            position += 2
            while let byte = peek(), isHexDigit(byte) { position += 1 }
            return scanUnsignedSuffix(otherwise: .hexLiteral)
        }
        var isDecimal = false
        while let byte = peek(), isDigit(byte) { position += 1 }
        if peek() == UInt8(ascii: "."), let next = peek(1), isDigit(next) {
            isDecimal = true
            position += 1
            while let byte = peek(), isDigit(byte) { position += 1 }
        }
        if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            var lookahead = 1
            if let sign = peek(1), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { lookahead = 2 }
            if let digit = peek(lookahead), isDigit(digit) {
                isDecimal = true
                position += lookahead
                while let byte = peek(), isDigit(byte) { position += 1 }
            }
        }
        return isDecimal ? .decimalLiteral : scanUnsignedSuffix(otherwise: .intLiteral)
    }

    private mutating func scanUnsignedSuffix(otherwise kind: Token.Kind) -> Token.Kind {
        if let u = peek(), u == UInt8(ascii: "u") || u == UInt8(ascii: "U") {
            position += 1
            return .unsignedLiteral
        }
        return kind
    }

    /// Finds the end of a string literal; escapes are checked when it is decoded.
    private mutating func scanString(raw: Bool, prefixLength: Int) -> Token.Kind {
        let start = position
        position += prefixLength
        let quote = bytes[position]
        let isTriple = peek(1) == quote && peek(2) == quote
        position += isTriple ? 3 : 1
        while let byte = peek() {
            if byte == UInt8(ascii: "\\") && !raw {
                position += 2
                continue
            }
            if byte == quote {
                if !isTriple {
                    position += 1
                    return .stringLiteral
                }
                if peek(1) == quote && peek(2) == quote {
                    position += 3
                    return .stringLiteral
                }
            }
            if byte == UInt8(ascii: "\n") && !isTriple { break }
            position += 1
        }
        position = min(position, bytes.count)
        diagnostics.error(.unterminatedString, in: file, at: SourceRange(start: start, end: position))
        return .stringLiteral
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "f"))
    }

    private func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_")
    }
}

/// A recursive-descent parser over a token array, shared by expressions
/// (`Parser+Expressions.swift`) and pack files (`Parser+Packs.swift`).
///
/// It never stops at the first error: each problem is recorded in `diagnostics`, an
/// `.invalid` node stands in for what could not be parsed, and pack parsing resumes at the
/// next top-level keyword.
public struct Parser {
    let file: SourceFile
    let tokens: [Token]
    var index = 0
    var diagnostics: DiagnosticBag
    /// Current nesting of brackets, calls and conditionals (see `ParserLimits`).
    var nesting = 0
    /// Set when a limit was hit: the rest of the current expression is skipped, not built.
    var isAbandoningExpression = false
    /// Words that end an expression inside a pack clause (`points`, `to`, `expiring`, …).
    var clauseKeywords: Set<String> = []

    init(file: SourceFile, mode: Lexer.Mode) {
        self.file = file
        if file.bytes.count > ParserLimits.maximumSourceBytes {
            var bag = DiagnosticBag()
            bag.error(.sourceTooLarge(bytes: file.bytes.count), in: file, at: .at(0))
            self.tokens = [Token(.endOfFile, .at(0), startsLine: true)]
            self.diagnostics = bag
            // Nothing was read, so nothing else is worth reporting.
            self.isAbandoningExpression = true
            return
        }
        let (tokens, lexical) = Lexer.tokenize(file, mode: mode)
        self.tokens = tokens
        self.diagnostics = lexical
    }

    /// Parses a whole text as one expression (for `loyalty eval` and tests).
    public static func parseExpression(_ file: SourceFile) -> (expr: Expr, diagnostics: DiagnosticBag) {
        var parser = Parser(file: file, mode: .expression)
        let expr = parser.parseExpression()
        // After an error the leftover tokens are usually its consequence, not a second mistake.
        if !parser.isAbandoningExpression, !parser.diagnostics.hasErrors, parser.current.kind != .endOfFile {
            parser.error(.unexpectedToken(parser.describe(parser.current), expected: "the end of the expression"), at: parser.current.range)
        }
        return (expr, parser.diagnostics)
    }

    // MARK: - Tokens

    var current: Token { tokens[index] }

    func peek(_ offset: Int = 1) -> Token {
        tokens[min(index + offset, tokens.count - 1)]
    }

    @discardableResult
    mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    func text(of token: Token) -> String { file.text(in: token.range) }

    func isIdentifier(_ word: String, _ token: Token? = nil) -> Bool {
        let token = token ?? current
        return token.kind == .identifier && text(of: token) == word
    }

    mutating func consume(_ kind: Token.Kind) -> Token? {
        current.kind == kind ? advance() : nil
    }

    /// Consumes the expected token or reports it missing, pointing just after the previous token.
    @discardableResult
    mutating func expect(_ kind: Token.Kind, _ what: String? = nil) -> Token? {
        if let token = consume(kind) { return token }
        if !isAbandoningExpression { reportMissing(what ?? kind.description) }
        return nil
    }

    /// How a token is quoted in messages: its text when short, else its kind.
    func describe(_ token: Token) -> String {
        switch token.kind {
        case .endOfFile: return "the end of the text"
        case .stringLiteral where token.range.length > 20: return "a string"
        default:
            let text = text(of: token)
            return text.count > 24 ? token.kind.description : "'\(text)'"
        }
    }

    mutating func error(_ message: DiagnosticMessage, at range: SourceRange, help: String? = nil) {
        diagnostics.error(message, in: file, at: range, help: help)
    }

    /// Reports a missing piece, unless the token in its place is one the lexer already reported.
    mutating func reportMissing(_ what: String, help: String? = nil) {
        guard current.kind != .invalid else { return }
        error(.unexpectedToken(describe(current), expected: what), at: current.range, help: help)
    }

    /// Reports a limit once and abandons the rest of the expression.
    mutating func abandonExpression(_ message: DiagnosticMessage, at range: SourceRange) {
        guard !isAbandoningExpression else { return }
        error(message, at: range)
        isAbandoningExpression = true
    }
}

@testable import RuleLanguage

/// Tokens without their `.endOfFile`, with the text each covers.
func lex(_ source: String, mode: Lexer.Mode = .expression) -> (kinds: [Token.Kind], texts: [String], diagnostics: [String]) {
    let file = SourceFile(name: "<test>", text: source)
    let (tokens, diagnostics) = Lexer.tokenize(file, mode: mode)
    let body = tokens.dropLast()
    return (body.map(\.kind), body.map { file.text(in: $0.range) }, diagnostics.sorted.map(summary))
}

/// The formatter's safety net: the formatted text must read exactly as the original.
extension PackFormatter {
    /// Nil when `formatted` has the original's tokens (same kinds and text), each starting a
    /// line — and column 1 — exactly where it did, dashed names unbroken, and the same
    /// comments; otherwise what differs first.
    static func difference(from original: SourceFile, _ tokens: [Token], dashes: Set<Int>, comments: [String], to formatted: String) -> String? {
        let file = SourceFile(name: original.name, text: formatted)
        let (formattedTokens, lexical) = Lexer.tokenize(file, mode: .pack)
        if lexical.hasErrors { return "the formatted text has lexical errors" }
        guard formattedTokens.count == tokens.count else {
            return "the formatted text has \(formattedTokens.count) tokens instead of \(tokens.count)"
        }
        for index in tokens.indices where tokens[index].kind != .endOfFile {
            let before = tokens[index]
            let after = formattedTokens[index]
            let line = original.location(of: Int(before.range.start)).line
            guard before.kind == after.kind, original.text(in: before.range) == file.text(in: after.range) else {
                return "the token '\(original.text(in: before.range))' on line \(line) changed"
            }
            guard before.startsLine == after.startsLine,
                  isInFirstColumn(before, original) == isInFirstColumn(after, file) else {
                return "the line break before '\(original.text(in: before.range))' on line \(line) moved"
            }
            if dashes.contains(index),
               formattedTokens[index - 1].range.end != after.range.start || formattedTokens[index + 1].range.start != after.range.end {
                return "the dashed name on line \(line) was split"
            }
        }
        if LineScanner.comments(in: LineScanner.lines(of: file, tokens: formattedTokens)) != comments {
            return "the comments changed"
        }
        if Parser.parsePack(file).diagnostics.hasErrors {
            return "the formatted text does not parse"
        }
        return nil
    }

    private static func isInFirstColumn(_ token: Token, _ file: SourceFile) -> Bool {
        let start = Int(token.range.start)
        return start == 0 || file.bytes[start - 1] == UInt8(ascii: "\n")
    }
}

/// Formats a pack file in the one canonical layout (`loyalty fmt`). It works on tokens and
/// lines, not on the syntax tree, because the tree drops comments:
///
/// - Line breaks stay where the author put them, except that runs of blank lines become
///   one, blank lines at the start and end go, and each `rule` and `tiers` declaration gets
///   one blank line before it (before the comment lines directly above it, which stay with it).
/// - Declarations start in column 1; a rule's clauses (and lines starting with a modifier
///   such as `expiring` or `reason`) and a tier ladder's lines are indented by 2; every other
///   continuation line of a declaration or clause by 4. A line the author began in column 1
///   stays there, because there the parser reads it as the start of a declaration.
/// - Inside a line, tokens are separated as `TokenSpacing` says (one space around binary
///   operators, none inside brackets), and string literals are copied byte for byte.
/// - Comments stay on their lines. A comment on a line of its own keeps column 1 if it had
///   it, otherwise it takes the indentation of the next code line. Trailing comments of
///   consecutive code lines are aligned two spaces after the longest of those lines.
/// - No trailing whitespace; one final newline.
///
/// A file with syntax errors is not formatted. Before the result is returned it is lexed
/// again and compared with the original: same tokens, same line starts, same comments. If
/// anything differs (which would be a formatter bug), the file is left alone.
public enum PackFormatter {
    /// Why a file was not formatted.
    public enum Failure: Error, Sendable {
        /// The file does not parse; formatting it could guess wrong, so it is left alone.
        case syntaxErrors(DiagnosticBag)
        /// The formatted text would not read the same as the original; it is not used.
        case meaningChanged(String)
    }

    /// The canonical text of a pack file.
    public static func format(_ file: SourceFile) -> Result<String, Failure> {
        let (pack, diagnostics) = Parser.parsePack(file)
        guard !diagnostics.hasErrors else { return .failure(.syntaxErrors(diagnostics)) }
        let tokens = Lexer.tokenize(file, mode: .pack).tokens
        let dashes = dashIndices(pack, tokens: tokens)
        let lines = LineScanner.lines(of: file, tokens: tokens)
        let layout = PackLayout(
            file: file,
            tokens: tokens,
            spaces: TokenSpacing(file: file, tokens: tokens, dashes: dashes).spacesBefore(),
            tierLineStarts: Set(pack.tiers?.conditions.map { $0.tier.range.start } ?? [])
        )
        let text = layout.render(lines)
        if let problem = difference(from: file, tokens, dashes: dashes, comments: LineScanner.comments(in: lines), to: text) {
            return .failure(.meaningChanged(problem))
        }
        return .success(text)
    }

    /// The `-` tokens that join the parts of a dashed name: a space beside one would end the name.
    static func dashIndices(_ pack: PackSyntax, tokens: [Token]) -> Set<Int> {
        var names: [Name] = []
        names += [pack.name].compactMap { $0 }
        names += pack.accounts.map(\.name)
        names += pack.tiers?.names ?? []
        names += pack.tiers?.conditions.map(\.tier) ?? []
        for rule in pack.rules {
            names.append(rule.name)
            for hook in rule.hooks {
                switch hook {
                case .event(let name), .schedule(let name): names.append(name)
                case .inactive, .tierChange: break
                }
            }
        }
        var minusAt: [Int32: Int] = [:]
        for (index, token) in tokens.enumerated() where token.kind == .minus {
            minusAt[token.range.start] = index
        }
        var dashes = Set<Int>()
        for name in names where name.text.contains("-") {
            for offset in name.range.start..<name.range.end {
                if let index = minusAt[offset] { dashes.insert(index) }
            }
        }
        return dashes
    }
}

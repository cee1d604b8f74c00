/// Lays out the lines of a pack file for `PackFormatter`: blank lines, indentation, the
/// spacing inside each line and the alignment of trailing comments.
struct PackLayout {
    let file: SourceFile
    let tokens: [Token]
    /// From `TokenSpacing`: whether each token follows the one before it after a space.
    let spaces: [Bool]
    /// Where the tier ladder's `NAME when …` lines start.
    let tierLineStarts: Set<Int32>

    /// Trailing comments sit this many spaces after the longest code line of their block.
    static let commentGap = 2

    func render(_ source: [FormatLine]) -> String {
        let lines = Self.normalizingBlankLines(source, isBlockStart: isBlockStart)
        let indents = indentation(of: lines)
        var output: [String] = []
        output.reserveCapacity(lines.count)
        var index = 0
        while index < lines.count {
            switch lines[index] {
            case .blank:
                output.append("")
            case .comment(let text, _):
                output.append(String(repeating: " ", count: indents[index]) + text)
            case .code:
                // A block of consecutive code lines with trailing comments, aligned together.
                var end = index
                var codes: [(text: String, comment: String?)] = []
                while end < lines.count, case .code(let line) = lines[end], end == index || isAligned(line) {
                    codes.append((String(repeating: " ", count: indents[end]) + text(of: line), line.comment))
                    end += 1
                    if !isAligned(line) { break }
                }
                let column = codes.map { TextWidth.cells(of: Substring($0.text)) }.max()! + Self.commentGap
                for code in codes {
                    guard let comment = code.comment else {
                        output.append(code.text)
                        continue
                    }
                    let padding = codes.count == 1 ? Self.commentGap : column - TextWidth.cells(of: Substring(code.text))
                    output.append(code.text + String(repeating: " ", count: padding) + comment)
                }
                index = end
                continue
            }
            index += 1
        }
        return output.joined(separator: "\n") + "\n"
    }

    /// A code line whose trailing comment lines up with its neighbours' (one holding a
    /// multi-line string has no single width, so its comment just follows it).
    private func isAligned(_ line: CodeLine) -> Bool {
        line.comment != nil && !line.tokens.contains { tokens[$0].range.length > 0 && file.text(in: tokens[$0].range).contains("\n") }
    }

    /// The line's tokens, spaced.
    private func text(of line: CodeLine) -> String {
        var text = ""
        for index in line.tokens {
            if index != line.tokens.lowerBound, spaces[index] { text += " " }
            text += file.text(in: tokens[index].range)
        }
        return text
    }

    /// `rule` and `tiers` declarations get a blank line before them.
    private func isBlockStart(_ line: FormatLine) -> Bool {
        guard case .code(let code) = line, code.isInFirstColumn else { return false }
        let first = tokens[code.tokens.lowerBound]
        return first.kind == .identifier && ["rule", "tiers"].contains(file.text(in: first.range))
    }

    /// At most one blank line in a row, none at the start or end, and one before each block
    /// start — above the column-1 comments directly preceding it, which belong to it.
    static func normalizingBlankLines(_ lines: [FormatLine], isBlockStart: (FormatLine) -> Bool) -> [FormatLine] {
        var result: [FormatLine] = []
        for line in lines where !(line.isBlank && (result.last?.isBlank ?? true)) {
            result.append(line)
        }
        while result.last?.isBlank == true { result.removeLast() }
        var index = result.count - 1
        while index > 0 {
            guard isBlockStart(result[index]) else {
                index -= 1
                continue
            }
            var top = index
            while top > 0, result[top - 1].isFirstColumnComment { top -= 1 }
            if top > 0, !result[top - 1].isBlank { result.insert(.blank, at: top) }
            index = top - 1
        }
        return result
    }

    /// Spaces before each line: code by its place in the file, comments by the code after them.
    private func indentation(of lines: [FormatLine]) -> [Int] {
        var indents = [Int](repeating: 0, count: lines.count)
        var declaration = ""
        for (index, line) in lines.enumerated() {
            if case .code(let code) = line { indents[index] = indent(of: code, in: &declaration) }
        }
        var following = 2
        for index in lines.indices.reversed() {
            switch lines[index] {
            case .code: following = indents[index] > 0 ? indents[index] : 2
            case .comment(_, let isInFirstColumn): indents[index] = isInFirstColumn ? 0 : following
            case .blank: break
            }
        }
        return indents
    }

    /// 0 for a line that began in column 1; inside a rule, 2 for a line starting with a clause
    /// word; inside a tier ladder, 2 for a tier or policy line; 4 for any other continuation.
    private func indent(of line: CodeLine, in declaration: inout String) -> Int {
        let first = tokens[line.tokens.lowerBound]
        let word = first.kind == .identifier ? file.text(in: first.range) : ""
        if line.isInFirstColumn {
            if Parser.declarationKeywords.contains(word) { declaration = word }
            return 0
        }
        switch declaration {
        case "rule": return Parser.clauseWords.contains(word) ? 2 : 4
        case "tiers": return Parser.tierWords.contains(word) || tierLineStarts.contains(first.range.start) ? 2 : 4
        default: return 4
        }
    }
}

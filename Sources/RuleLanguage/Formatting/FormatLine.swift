/// One line of a pack file as the formatter sees it. The formatter keeps the author's line
/// breaks (in a pack they carry meaning: a declaration starts in column 1, a clause starts
/// a line), so a file is a list of these and only what is inside and between them changes.
enum FormatLine: Equatable {
    /// Tokens, maybe followed by a `#` or `//` comment.
    case code(CodeLine)
    /// A comment on a line of its own.
    case comment(String, isInFirstColumn: Bool)
    /// One or more empty lines, kept as one.
    case blank

    var isBlank: Bool { self == .blank }

    /// A comment line the author wrote in column 1.
    var isFirstColumnComment: Bool {
        if case .comment(_, true) = self { return true }
        return false
    }
}

/// The tokens of one source line.
struct CodeLine: Equatable {
    /// Indices into the file's token array.
    var tokens: Range<Int>
    /// The first token was in column 1: where the parser sees a declaration start.
    var isInFirstColumn: Bool
    /// The trailing comment, without the whitespace after it.
    var comment: String?
}

/// Splits a tokenized pack file into lines, finding the comments the lexer skipped in the
/// gaps between tokens (a gap holds only whitespace and comments).
enum LineScanner {
    static func lines(of file: SourceFile, tokens: [Token]) -> [FormatLine] {
        let bytes = file.bytes
        var lines: [FormatLine] = []
        var open: CodeLine?
        /// Line breaks since the end of the last line item: two or more make a blank line.
        var breaks = 0
        var position = 0

        func isLineStart(_ offset: Int) -> Bool { offset == 0 || bytes[offset - 1] == UInt8(ascii: "\n") }
        func closeLine() {
            if let line = open { lines.append(.code(line)) }
            open = nil
        }
        func beginLine() {
            closeLine()
            if breaks >= 2 { lines.append(.blank) }
            breaks = 0
        }

        for (index, token) in tokens.enumerated() {
            let start = Int(token.range.start)
            var offset = position
            while offset < start {
                let byte = bytes[offset]
                if byte == UInt8(ascii: "\n") {
                    breaks += 1
                } else if byte == UInt8(ascii: "#") || (byte == UInt8(ascii: "/") && offset + 1 < start && bytes[offset + 1] == UInt8(ascii: "/")) {
                    var end = offset
                    while end < start, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                    let text = commentText(bytes[offset..<end])
                    if breaks == 0, open != nil {
                        open!.comment = text
                    } else {
                        beginLine()
                        lines.append(.comment(text, isInFirstColumn: isLineStart(offset)))
                    }
                    offset = end
                    continue
                }
                offset += 1
            }
            if token.kind == .endOfFile { break }
            if open == nil || token.startsLine {
                beginLine()
                open = CodeLine(tokens: index..<index + 1, isInFirstColumn: isLineStart(start))
            } else {
                open!.tokens = open!.tokens.lowerBound..<index + 1
            }
            position = Int(token.range.end)
        }
        closeLine()
        return lines
    }

    /// A comment as written, minus trailing spaces, tabs and carriage returns.
    private static func commentText(_ bytes: ArraySlice<UInt8>) -> String {
        var end = bytes.endIndex
        while end > bytes.startIndex, [0x20, 0x09, 0x0D, 0x0C].contains(bytes[end - 1]) { end -= 1 }
        return String(decoding: bytes[bytes.startIndex..<end], as: UTF8.self)
    }

    /// Every comment of a file, in order: what the formatter must keep.
    static func comments(in lines: [FormatLine]) -> [String] {
        lines.compactMap { line in
            switch line {
            case .code(let code): code.comment
            case .comment(let text, _): text
            case .blank: nil
            }
        }
    }
}

/// Decides, for every token of a pack file, whether one space or none separates it from the
/// token before it on the same line: one space around binary operators, `=`, `?` and a
/// conditional's `:`, after commas and keywords; none inside brackets, around `.`, after a
/// prefix `!` or `-`, before a call's `(` or an index's `[`, before a map entry's `:`, and
/// inside dashed names (`member-day`), where a space would change the name.
struct TokenSpacing {
    /// Words that are never a value: after them a `-` is a prefix minus and a `(` or `[` starts
    /// a new expression (`award (a + b) points`), not a call or an index.
    static let wordsBeforeExpressions: Set<String> = Parser.packKeywords.union(["in", "on", "at", "tier", "inactive"])

    private let file: SourceFile
    private let tokens: [Token]
    /// Indices of the `-` tokens inside dashed names (`group-buy`, `member-day`).
    private let dashes: Set<Int>

    init(file: SourceFile, tokens: [Token], dashes: Set<Int>) {
        self.file = file
        self.tokens = tokens
        self.dashes = dashes
    }

    /// `result[i]` is true when token `i` is preceded by one space if it shares a line with token `i - 1`.
    func spacesBefore() -> [Bool] {
        var result = [Bool](repeating: false, count: tokens.count)
        // The `?`s still waiting for their `:`, per open bracket: a `:` with none waiting
        // separates a map key from its value.
        var waitingQuestions = [0]
        var isPrefix = [Bool](repeating: false, count: tokens.count)
        for index in tokens.indices.dropFirst() {
            let token = tokens[index]
            var isMapColon = false
            switch token.kind {
            case .bang:
                isPrefix[index] = true
            case .minus:
                isPrefix[index] = !dashes.contains(index) && !isValueEnd(index - 1)
            case .question:
                waitingQuestions[waitingQuestions.count - 1] += 1
            case .colon:
                if waitingQuestions[waitingQuestions.count - 1] > 0 {
                    waitingQuestions[waitingQuestions.count - 1] -= 1
                } else {
                    isMapColon = true
                }
            default:
                break
            }
            result[index] = needsSpace(before: index, afterPrefix: isPrefix[index - 1], isMapColon: isMapColon)
            switch token.kind {
            case .leftParen, .leftBracket, .leftBrace:
                waitingQuestions.append(0)
            case .rightParen, .rightBracket, .rightBrace:
                if waitingQuestions.count > 1 { waitingQuestions.removeLast() }
            default:
                break
            }
        }
        return result
    }

    private func needsSpace(before index: Int, afterPrefix: Bool, isMapColon: Bool) -> Bool {
        let token = tokens[index]
        let previous = tokens[index - 1]
        if dashes.contains(index) || dashes.contains(index - 1) || afterPrefix { return false }
        switch token.kind {
        case .comma, .semicolon, .dot, .rightParen, .rightBracket, .rightBrace: return false
        default: break
        }
        switch previous.kind {
        case .leftParen, .leftBracket, .leftBrace, .dot: return false
        default: break
        }
        switch token.kind {
        case .leftParen: return !isCallee(index - 1)
        case .leftBracket: return !isValueEnd(index - 1)
        case .colon: return !isMapColon
        default: return true
        }
    }

    /// A token that can end a value, so a `-` after it subtracts and a `[` after it indexes.
    private func isValueEnd(_ index: Int) -> Bool {
        switch tokens[index].kind {
        case .intLiteral, .hexLiteral, .unsignedLiteral, .decimalLiteral, .stringLiteral, .bytesLiteral,
             .quotedIdentifier, .rightParen, .rightBracket, .rightBrace:
            return true
        case .identifier:
            return isCallee(index)
        default:
            return false
        }
    }

    /// A name (not a keyword), or any word after a dot (`event.to`, `member.tier`).
    private func isCallee(_ index: Int) -> Bool {
        guard tokens[index].kind == .identifier else { return false }
        if index > 0, tokens[index - 1].kind == .dot { return true }
        return !Self.wordsBeforeExpressions.contains(file.text(in: tokens[index].range))
    }
}

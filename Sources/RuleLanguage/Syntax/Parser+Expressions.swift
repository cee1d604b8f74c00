/// CEL's expression grammar, by precedence climbing:
///
///     Expr  = Or ["?" Or ":" Expr]
///     Or .. Mul  (binary operators by `BinaryOperator.precedence`, all left-associative)
///     Unary = Member | "!"{"!"} Member | "-"{"-"} Member
///     Member = Primary | Member "." NAME ["(" Args ")"] | Member "[" Expr "]"
extension Parser {
    /// CEL's reserved words: not names, but allowed after a dot (`{'if': 1}.if`, `a.if()`).
    static let reservedWords: Set<String> = [
        "as", "break", "const", "continue", "else", "for", "function", "if", "import",
        "let", "loop", "package", "namespace", "return", "var", "void", "while",
    ]

    mutating func parseExpression() -> Expr {
        guard !isAbandoningExpression else { return invalid(at: current.range) }
        let condition = parseBinary(minimumPrecedence: 1)
        guard current.kind == .question, !isAbandoningExpression else { return condition }
        advance()
        guard enterNesting() else { return invalid(at: condition.range) }
        defer { nesting -= 1 }
        let then = parseBinary(minimumPrecedence: 1)
        expect(.colon, "':' (the conditional's else part)")
        let otherwise = parseExpression()
        return checkedHeight(Expr(.conditional(condition, then, otherwise), condition.range.union(otherwise.range)))
    }

    private mutating func parseBinary(minimumPrecedence: Int) -> Expr {
        var left = parseUnary()
        while !isAbandoningExpression, let op = binaryOperator(current), op.precedence >= minimumPrecedence {
            advance()
            let right = parseBinary(minimumPrecedence: op.precedence + 1)
            left = checkedHeight(Expr(.binary(op, left, right), left.range.union(right.range)))
        }
        return left
    }

    private func binaryOperator(_ token: Token) -> BinaryOperator? {
        switch token.kind {
        case .pipePipe: .or
        case .ampersandAmpersand: .and
        case .equalEqual: .equal
        case .bangEqual: .notEqual
        case .less: .less
        case .lessEqual: .lessEqual
        case .greater: .greater
        case .greaterEqual: .greaterEqual
        case .plus: .add
        case .minus: .subtract
        case .star: .multiply
        case .slash: .divide
        case .percent: .remainder
        case .identifier where text(of: token) == "in": .in
        default: nil
        }
    }

    private mutating func parseUnary() -> Expr {
        var operators: [(UnaryOperator, SourceRange)] = []
        while current.kind == .bang || current.kind == .minus {
            let token = advance()
            operators.append((token.kind == .bang ? .not : .negate, token.range))
        }
        var operand: Expr
        // `-9223372036854775808` is a literal, not a negation of an out-of-range int.
        if let last = operators.last, last.0 == .negate, isNumberLiteral(current), !isPostfix(peek()) {
            operators.removeLast()
            operand = parseNumber(negated: true, minusRange: last.1)
        } else {
            operand = parseMember()
        }
        for (op, range) in operators.reversed() {
            operand = checkedHeight(Expr(.unary(op, operand), range.union(operand.range)))
        }
        return operand
    }

    private func isNumberLiteral(_ token: Token) -> Bool {
        [.intLiteral, .hexLiteral, .decimalLiteral].contains(token.kind)
    }

    private func isPostfix(_ token: Token) -> Bool {
        token.kind == .dot || token.kind == .leftBracket
    }

    private mutating func parseMember() -> Expr {
        var target = parsePrimary()
        while !isAbandoningExpression {
            if current.kind == .dot {
                advance()
                target = parseSelection(on: target)
            } else if current.kind == .leftBracket {
                let open = advance()
                guard enterNesting() else { return target }
                let index = parseExpression()
                nesting -= 1
                let close = expect(.rightBracket, "']' to close the index")
                target = checkedHeight(Expr(.index(target, index), target.range.union(close?.range ?? index.range)))
                _ = open
            } else {
                break
            }
        }
        return target
    }

    /// After `target.`: a field, a receiver call, or a macro.
    private mutating func parseSelection(on target: Expr) -> Expr {
        let nameToken = current
        guard nameToken.kind == .identifier || nameToken.kind == .quotedIdentifier else {
            if nameToken.kind != .invalid {
                error(.unexpectedToken(describe(nameToken), expected: "a field name after '.'"), at: nameToken.range)
            }
            return invalid(at: target.range.union(nameToken.range))
        }
        advance()
        let name = fieldName(nameToken)
        guard current.kind == .leftParen, nameToken.kind == .identifier else {
            return checkedHeight(Expr(.select(target, field: name, fieldRange: nameToken.range), target.range.union(nameToken.range)))
        }
        advance()
        guard enterNesting() else { return invalid(at: target.range) }
        let (args, close) = parseArguments(closing: .rightParen)
        nesting -= 1
        let range = target.range.union(close)
        if let macro = Expr.Comprehension.Macro(rawValue: name), let expr = makeComprehension(macro, on: target, args, range: range) {
            return checkedHeight(expr)
        }
        return checkedHeight(Expr(.receiverCall(target, name, args, nameRange: nameToken.range), range))
    }

    /// Builds a macro when the call has a macro's shape; nil leaves it an ordinary call.
    private mutating func makeComprehension(_ macro: Expr.Comprehension.Macro, on target: Expr, _ args: [Expr], range: SourceRange) -> Expr? {
        let arity = macro == .map ? [2, 3] : [2]
        guard arity.contains(args.count) else { return nil }
        guard case .identifier(let variable) = args[0].kind else {
            error(.macroNeedsVariable(macro.rawValue), at: args[0].range)
            return invalid(at: range)
        }
        let comprehension: Expr.Comprehension
        switch (macro, args.count) {
        case (.map, 2):
            comprehension = .init(macro: macro, range: target, variable: variable, variableRange: args[0].range, predicate: nil, transform: args[1])
        case (.map, _):
            comprehension = .init(macro: macro, range: target, variable: variable, variableRange: args[0].range, predicate: args[1], transform: args[2])
        default:
            comprehension = .init(macro: macro, range: target, variable: variable, variableRange: args[0].range, predicate: args[1], transform: nil)
        }
        return Expr(.comprehension(comprehension), range)
    }

    private func fieldName(_ token: Token) -> String {
        let text = text(of: token)
        return token.kind == .quotedIdentifier ? String(text.dropFirst().dropLast()) : text
    }

    /// Comma-separated expressions up to `closing`, a trailing comma allowed; returns the closing range.
    private mutating func parseArguments(closing: Token.Kind) -> ([Expr], SourceRange) {
        var args: [Expr] = []
        while current.kind != closing, current.kind != .endOfFile, !isAbandoningExpression {
            args.append(parseExpression())
            if consume(.comma) == nil { break }
        }
        let close = current.range
        if !isAbandoningExpression { expect(closing, "\(closing.description) or ','") }
        return (args, close)
    }

    private mutating func parsePrimary() -> Expr {
        let token = current
        switch token.kind {
        case .intLiteral, .hexLiteral, .decimalLiteral:
            return parseNumber(negated: false, minusRange: nil)
        case .stringLiteral:
            advance()
            switch LiteralDecoder.string(token, in: file) {
            case .success(let value): return Expr(.literal(.string(value)), token.range)
            case .failure(let failure):
                error(failure.message, at: failure.range)
                return invalid(at: token.range)
            }
        case .unsignedLiteral:
            advance()
            error(.unsignedNotSupported(text(of: token)), at: token.range)
            return invalid(at: token.range)
        case .bytesLiteral:
            advance()
            error(.bytesNotSupported, at: token.range)
            return invalid(at: token.range)
        case .identifier:
            return parseName()
        case .leftParen:
            advance()
            guard enterNesting() else { return invalid(at: token.range) }
            defer { nesting -= 1 }
            let inner = parseExpression()
            let close = expect(.rightParen, "')' to close the parenthesis")
            var expr = inner
            expr.range = token.range.union(close?.range ?? inner.range)
            return expr
        case .leftBracket:
            advance()
            guard enterNesting() else { return invalid(at: token.range) }
            defer { nesting -= 1 }
            let (elements, close) = parseArguments(closing: .rightBracket)
            return checkedHeight(Expr(.list(elements), token.range.union(close)))
        case .leftBrace:
            advance()
            guard enterNesting() else { return invalid(at: token.range) }
            defer { nesting -= 1 }
            return parseMapLiteral(open: token)
        case .dot:
            advance()
            error(.leadingDotNotSupported, at: token.range)
            return parseName()
        case .invalid:
            advance()
            isAbandoningExpression = true
            return invalid(at: token.range)
        default:
            // One message per broken expression: the rest of it is skipped, not re-reported.
            abandonExpression(.expectedExpression(found: describe(token)), at: token.range)
            return invalid(at: token.range)
        }
    }

    private mutating func parseNumber(negated: Bool, minusRange: SourceRange?) -> Expr {
        let token = advance()
        let range = minusRange.map { $0.union(token.range) } ?? token.range
        if token.kind == .decimalLiteral {
            switch LiteralDecoder.decimal(token, in: file) {
            case .success(let value): return Expr(.literal(.decimal(negated ? value.negated : value)), range)
            case .failure(let failure):
                error(failure.message, at: failure.range)
                return invalid(at: range)
            }
        }
        switch LiteralDecoder.integer(token, in: file, negated: negated) {
        case .success(let value): return Expr(.literal(.int(value)), range)
        case .failure(let failure):
            error(failure.message, at: range)
            return invalid(at: range)
        }
    }

    /// A name, a keyword literal, a global call, or `has(…)`.
    private mutating func parseName() -> Expr {
        let token = advance()
        let name = text(of: token)
        switch name {
        case "true": return Expr(.literal(.bool(true)), token.range)
        case "false": return Expr(.literal(.bool(false)), token.range)
        case "null": return Expr(.literal(.null), token.range)
        default: break
        }
        if clauseKeywords.contains(name) {
            index -= 1
            abandonExpression(.expectedExpression(found: "'\(name)'"), at: token.range)
            return invalid(at: token.range)
        }
        if name == "in" || Self.reservedWords.contains(name) {
            error(.reservedWord(name), at: token.range)
            return invalid(at: token.range)
        }
        guard current.kind == .leftParen else {
            return Expr(.identifier(name), token.range)
        }
        advance()
        guard enterNesting() else { return invalid(at: token.range) }
        defer { nesting -= 1 }
        let (args, close) = parseArguments(closing: .rightParen)
        let range = token.range.union(close)
        if name == "has" {
            return makePresenceTest(args, range: range)
        }
        return checkedHeight(Expr(.call(name, args, nameRange: token.range), range))
    }

    private mutating func makePresenceTest(_ args: [Expr], range: SourceRange) -> Expr {
        guard args.count == 1, case .select(let target, let field, let fieldRange) = args[0].kind else {
            error(.hasNeedsField, at: range)
            return invalid(at: range)
        }
        return checkedHeight(Expr(.presenceTest(target, field: field, fieldRange: fieldRange), range))
    }

    private mutating func parseMapLiteral(open: Token) -> Expr {
        var entries: [Expr.MapEntry] = []
        while current.kind != .rightBrace, current.kind != .endOfFile, !isAbandoningExpression {
            let key = parseExpression()
            expect(.colon, "':' between a key and its value")
            let value = parseExpression()
            entries.append(Expr.MapEntry(key: key, value: value))
            if consume(.comma) == nil { break }
        }
        let close = current.range
        if !isAbandoningExpression { expect(.rightBrace, "'}' or ','") }
        return checkedHeight(Expr(.map(entries), open.range.union(close)))
    }

    // MARK: - Limits

    /// Enters one level of brackets or calls, just after its opening token, abandoning the
    /// expression past the limit; the error points at that opening token.
    private mutating func enterNesting() -> Bool {
        guard !isAbandoningExpression else { return false }
        guard nesting < ParserLimits.maximumNesting else {
            abandonExpression(.nestingTooDeep(limit: ParserLimits.maximumNesting), at: peek(-1).range)
            return false
        }
        nesting += 1
        return true
    }

    /// Refuses a tree taller than the limit before it grows further.
    private mutating func checkedHeight(_ expr: Expr) -> Expr {
        guard expr.height > ParserLimits.maximumHeight else { return expr }
        abandonExpression(.expressionTooLong(limit: Int(ParserLimits.maximumHeight)), at: expr.range)
        return invalid(at: expr.range)
    }

    func invalid(at range: SourceRange) -> Expr {
        Expr(.invalid, range)
    }
}

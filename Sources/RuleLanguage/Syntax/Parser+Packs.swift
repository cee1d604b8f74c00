/// The pack file grammar. Declarations start at the beginning of a line; a rule's or tier
/// ladder's clauses are indented under it. Line breaks are otherwise insignificant: an
/// expression ends where the next token cannot continue it (`award 50 points` stops
/// before `points`). After an error the parser skips to the next declaration or clause, so
/// every problem in the file is reported.
///
///     pack NAME ["title"]            timezone "+08:00"          allow negative balance
///     param NAME = EXPR              let NAME = EXPR            var NAME = EXPR
///     account NAME ["title"]
///     tiers A < B < C  (indented: B when EXPR | upgrade … | downgrade … | review …)
///     rule NAME on HOOK [when EXPR]  (indented clauses, see `Parser+Clauses.swift`)
extension Parser {
    static let declarationKeywords: Set<String> = ["pack", "timezone", "allow", "param", "let", "var", "account", "tiers", "rule"]
    static let clauseWords: Set<String> = [
        "award", "deduct", "redeem", "grant", "set", "raise", "stop", "once", "cap", "reason", "let", "when",
        "to", "from", "expiring", "worth", "each", "up", "times", "per", "never",
    ]
    static let tierWords: Set<String> = ["upgrade", "downgrade", "review"]
    /// Words that end an expression and may not name a param, let or var.
    public static let packKeywords: Set<String> = declarationKeywords.union(clauseWords).union(tierWords)

    /// Parses a whole pack file.
    public static func parsePack(_ file: SourceFile) -> (pack: PackSyntax, diagnostics: DiagnosticBag) {
        var parser = Parser(file: file, mode: .pack)
        parser.clauseKeywords = packKeywords
        var pack = PackSyntax(file: file)
        while parser.current.kind != .endOfFile {
            parser.parseDeclaration(into: &pack)
        }
        if pack.name == nil, !parser.diagnostics.hasErrors {
            parser.error(.missingPackHeader, at: .at(0))
        }
        return (pack, parser.diagnostics)
    }

    /// True at a token that begins a line in the first column: where declarations start.
    var isAtDeclarationStart: Bool {
        let start = Int(current.range.start)
        return current.kind == .endOfFile || start == 0 || file.bytes[start - 1] == UInt8(ascii: "\n")
    }

    private mutating func parseDeclaration(into pack: inout PackSyntax) {
        let token = current
        guard token.kind == .identifier, isAtDeclarationStart, Self.declarationKeywords.contains(text(of: token)) else {
            let help = isAtDeclarationStart ? nil : "declarations start at the beginning of a line"
            let indentHelp = Self.clauseWords.contains(text(of: token)) ? "a rule's clauses are indented under its 'rule' line" : help
            error(.expectedDeclaration(found: describe(token)), at: token.range, help: indentHelp)
            synchronizeDeclaration()
            return
        }
        advance()
        switch text(of: token) {
        case "pack":
            if pack.name != nil { error(.duplicateDeclaration("pack"), at: token.range) }
            pack.name = parseDashedName("the pack's name")
            if current.kind == .stringLiteral, !isAtDeclarationStart { pack.title = parseStringLiteral()?.value }
        case "timezone":
            if pack.timezone != nil { error(.duplicateDeclaration("timezone"), at: token.range) }
            pack.timezone = parseStringLiteral(expected: "the time zone in quotes, like \"+08:00\" or \"Asia/Shanghai\"")
        case "allow":
            if expectWord("negative"), expectWord("balance") {
                pack.allowsNegativeBalance = token.range.union(peek(-1).range)
            }
        case "param":
            if let definition = parseDefinition(token) { pack.parameters.append(definition) }
        case "let":
            if let definition = parseDefinition(token) { pack.definitions.append(definition) }
        case "var":
            if let definition = parseDefinition(token) { pack.variables.append(definition) }
        case "account":
            if let name = parseDashedName("an account name") {
                var title: String?
                if current.kind == .stringLiteral, !isAtDeclarationStart { title = parseStringLiteral()?.value }
                pack.accounts.append(AccountSyntax(name: name, title: title))
            }
        case "tiers":
            if pack.tiers != nil { error(.duplicateDeclaration("tiers"), at: token.range) }
            pack.tiers = parseTierLadder(token)
        default:
            if let rule = parseRule(token) { pack.rules.append(rule) }
        }
        if !isAtDeclarationStart {
            reportMissing("the end of this declaration")
            synchronizeDeclaration()
        }
    }

    /// `NAME = EXPR` after `param`, `let` or `var`.
    mutating func parseDefinition(_ keyword: Token) -> Definition? {
        guard let name = parseName("a name") else { return nil }
        guard expect(.equal, "'=' after the name") != nil else {
            synchronizeDeclaration()
            return nil
        }
        let value = parseExpressionClause()
        return Definition(name: name, value: value, range: keyword.range.union(value.range))
    }

    private mutating func parseTierLadder(_ keyword: Token) -> TierLadderSyntax? {
        var names: [Name] = []
        guard let first = parseDashedName("a tier name") else { return nil }
        names.append(first)
        while consume(.less) != nil {
            guard let next = parseDashedName("a tier name after '<'") else { break }
            names.append(next)
        }
        var ladder = TierLadderSyntax(names: names, range: keyword.range.union(names.last!.range))
        while !isAtDeclarationStart {
            let word = current
            guard word.kind == .identifier else {
                reportMissing("a tier condition ('gold when …') or a policy (upgrade, downgrade, review)")
                synchronizeClause()
                continue
            }
            switch text(of: word) {
            case "upgrade":
                advance()
                ladder.upgrade = parsePolicy(word, allowsNever: false)
            case "downgrade":
                advance()
                ladder.downgrade = parsePolicy(word, allowsNever: true)
            case "review":
                advance()
                ladder.review = parseName("how often tiers are reviewed: daily, monthly, quarterly or yearly")
            default:
                guard let tier = parseDashedName("a tier name") else { synchronizeClause(); continue }
                guard expectWord("when") else { synchronizeClause(); continue }
                ladder.conditions.append((tier, parseExpressionClause()))
            }
            if current.kind == .semicolon { advance() }
        }
        return ladder
    }

    private mutating func parsePolicy(_ keyword: Token, allowsNever: Bool) -> TierLadderSyntax.Policy? {
        let token = current
        switch text(of: token) {
        case "immediately" where !allowsNever:
            advance()
            return .immediately(token.range)
        case "after" where !allowsNever:
            advance()
            return parseDashedName("an event type, like 'after purchase'").map(TierLadderSyntax.Policy.after)
        case "never" where allowsNever:
            advance()
            return .never(token.range)
        case "at":
            advance()
            guard expectWord("review") else { return nil }
            return .atReview(token.range.union(peek(-1).range))
        default:
            let choices = allowsNever ? "'at review' or 'never'" : "'immediately', 'after purchase' or 'at review'"
            reportMissing(choices)
            synchronizeClause()
            return nil
        }
    }

    private mutating func parseRule(_ keyword: Token) -> RuleSyntax? {
        guard let name = parseDashedName("the rule's name") else {
            synchronizeDeclaration()
            return nil
        }
        guard expectWord("on") else {
            synchronizeDeclaration()
            return nil
        }
        guard let hook = parseHook() else {
            synchronizeDeclaration()
            return nil
        }
        var rule = RuleSyntax(name: name, hook: hook, condition: nil, range: keyword.range.union(name.range))
        // `on purchase, interaction`: one rule listening to several hooks.
        while current.kind == .comma, !isAtDeclarationStart {
            advance()
            guard let another = parseHook() else { break }
            rule.moreHooks.append(another)
        }
        if isIdentifier("when"), !isAtDeclarationStart {
            advance()
            rule.condition = parseExpressionClause()
        }
        while !isAtDeclarationStart {
            if let clause = parseClause(into: &rule) { rule.clauses.append(clause) }
        }
        return rule
    }

    private mutating func parseHook() -> RuleSyntax.Hook? {
        let token = current
        if isIdentifier("inactive") {
            advance()
            let duration = parseExpressionClause()
            return .inactive(duration, token.range.union(duration.range))
        }
        if isIdentifier("tier_change") {
            advance()
            return .tierChange(token.range)
        }
        guard let name = parseDashedName("an event type or schedule (purchase, join, daily, monthly, birthday, …)") else { return nil }
        return ["daily", "monthly", "quarterly", "yearly", "birthday"].contains(name.text) ? .schedule(name) : .event(name)
    }

    // MARK: - Pieces

    /// An expression inside a pack; past a limit the rest of the clause is skipped.
    mutating func parseExpressionClause() -> Expr {
        nesting = 0
        let expr = parseExpression()
        if isAbandoningExpression {
            isAbandoningExpression = false
            synchronizeClause()
        }
        return expr
    }

    mutating func parseName(_ what: String) -> Name? {
        guard current.kind == .identifier else {
            reportMissing(what)
            return nil
        }
        let token = advance()
        return Name(text(of: token), token.range)
    }

    /// A name that may contain dashes written without spaces: `promo-triple`, `black-diamond`.
    mutating func parseDashedName(_ what: String) -> Name? {
        guard var name = parseName(what) else { return nil }
        while current.kind == .minus, current.range.start == name.range.end,
              peek().range.start == current.range.end, peek().kind == .identifier || peek().kind == .intLiteral {
            advance()
            let part = advance()
            name = Name(name.text + "-" + text(of: part), name.range.union(part.range))
        }
        return name
    }

    mutating func parseStringLiteral(expected: String = "a string in quotes") -> StringLiteral? {
        guard current.kind == .stringLiteral else {
            reportMissing(expected)
            return nil
        }
        let token = advance()
        switch LiteralDecoder.string(token, in: file) {
        case .success(let value): return StringLiteral(value: value, range: token.range)
        case .failure(let failure):
            error(failure.message, at: failure.range)
            return nil
        }
    }

    /// Consumes an expected keyword, reporting it missing otherwise.
    mutating func expectWord(_ word: String) -> Bool {
        if isIdentifier(word) {
            advance()
            return true
        }
        reportMissing("'\(word)'")
        return false
    }

    /// Skips to the next declaration at the start of a line.
    mutating func synchronizeDeclaration() {
        while current.kind != .endOfFile {
            if isAtDeclarationStart, current.kind == .identifier, Self.declarationKeywords.contains(text(of: current)) { return }
            advance()
        }
    }

    /// Skips to the next clause (a clause word starting a line) or declaration.
    mutating func synchronizeClause() {
        if current.kind != .endOfFile, !isAtDeclarationStart { advance() }
        while current.kind != .endOfFile, !isAtDeclarationStart {
            if current.startsLine, current.kind == .identifier, Self.clauseWords.contains(text(of: current)) { return }
            advance()
        }
    }
}

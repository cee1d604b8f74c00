/// The clauses inside a rule. Each starts with a word; optional parts of an action
/// (`to`, `expiring`, `reason`, …) may come in any order.
///
///     award EXPR ACCOUNT [to EXPR] [expiring in EXPR | expiring on EXPR | expiring never] [reason "…"]
///     deduct EXPR ACCOUNT [from EXPR] [reason "…"]
///     redeem EXPR ACCOUNT worth EXPR [each [up to EXPR]] [reason "…"]
///     grant EXPR [times EXPR] [worth EXPR] [expiring …] [to EXPR] [reason "…"]
///     set tier EXPR [expiring …]  |  raise tier to EXPR [expiring …]  |  set NAME = EXPR
///     let NAME = EXPR   when EXPR   stop   once [per PERIOD]   cap EXPR ACCOUNT per PERIOD   reason "…"
extension Parser {
    /// Words that begin a new clause when they start a line.
    static let clauseStartWords: Set<String> = ["award", "deduct", "redeem", "grant", "set", "raise", "stop", "once", "cap", "let", "when"]

    mutating func parseClause(into rule: inout RuleSyntax) -> Clause? {
        let token = current
        guard token.kind == .identifier, Self.clauseWords.contains(text(of: token)) else {
            error(.expectedClause(found: describe(token)), at: token.range)
            synchronizeClause()
            return nil
        }
        advance()
        let kind: Clause.Kind?
        switch text(of: token) {
        case "let":
            kind = parseDefinition(token).map(Clause.Kind.definition)
        case "when":
            if rule.condition != nil { error(.duplicateDeclaration("when"), at: token.range) }
            rule.condition = parseExpressionClause()
            return nil
        case "award":
            kind = parseTransfer(memberWord: "to").map(Clause.Kind.award)
        case "deduct":
            kind = parseTransfer(memberWord: "from").map(Clause.Kind.deduct)
        case "redeem":
            kind = parseRedemption().map(Clause.Kind.redeem)
        case "grant":
            kind = parseGrant().map(Clause.Kind.grant)
        case "set":
            if isIdentifier("tier"), peek().kind != .equal {
                advance()
                kind = parseTierChange(onlyUp: false).map(Clause.Kind.tier)
            } else if let name = parseName("a variable name or 'tier'"), expect(.equal, "'=' after the variable name") != nil {
                kind = .assignment(name: name, value: parseExpressionClause())
            } else {
                kind = nil
            }
        case "raise":
            kind = expectWord("tier") && expectWord("to") ? parseTierChange(onlyUp: true).map(Clause.Kind.tier) : nil
        case "stop":
            kind = .stop
        case "once":
            kind = .once(isIdentifier("per") ? parsePeriod() : .calendar(Name("ever", token.range)))
        case "cap":
            let amount = parseExpressionClause()
            if let account = parseName("the account the cap applies to (points)"), expectWord("per") {
                kind = .cap(amount: amount, account: account, period: parsePeriod(afterPer: true))
            } else {
                kind = nil
            }
        case "reason":
            kind = .reason(parseExpressionClause())
        default:
            error(.expectedClause(found: describe(token)), at: token.range)
            kind = nil
        }
        guard let kind else {
            synchronizeClause()
            return nil
        }
        return Clause(kind: kind, range: token.range.union(peek(-1).range))
    }

    private mutating func parseTransfer(memberWord: String) -> Clause.Transfer? {
        let amount = parseExpressionClause()
        guard let account = parseName("the account, like 'points', after the amount") else { return nil }
        var transfer = Clause.Transfer(amount: amount, account: account)
        while !isAtClauseEnd {
            if isIdentifier(memberWord), transfer.member == nil {
                advance()
                transfer.member = parseExpressionClause()
            } else if memberWord == "to", let expiry = parseExpiry() {
                transfer.expiry = expiry
            } else if let reason = parseReasonModifier() {
                transfer.reason = reason
            } else {
                return reportModifier(memberWord == "to" ? "'to', 'expiring' or 'reason'" : "'from' or 'reason'")
            }
        }
        return transfer
    }

    private mutating func parseRedemption() -> Clause.Redemption? {
        let points = parseExpressionClause()
        guard let account = parseName("the account, like 'points', after the number of points"), expectWord("worth") else { return nil }
        let worth = parseExpressionClause()
        var redemption = Clause.Redemption(points: points, account: account, worth: worth, isPerPoint: false)
        if isIdentifier("each") {
            advance()
            redemption.isPerPoint = true
            if isIdentifier("up") {
                advance()
                guard expectWord("to") else { return nil }
                redemption.cap = parseExpressionClause()
            }
        }
        while !isAtClauseEnd {
            guard let reason = parseReasonModifier() else { return reportModifier("'reason'") }
            redemption.reason = reason
        }
        return redemption
    }

    private mutating func parseGrant() -> Clause.Grant? {
        var grant = Clause.Grant(benefit: parseExpressionClause())
        while !isAtClauseEnd {
            if isIdentifier("times") {
                advance()
                grant.count = parseExpressionClause()
            } else if isIdentifier("worth") {
                advance()
                grant.worth = parseExpressionClause()
            } else if isIdentifier("to") {
                advance()
                grant.member = parseExpressionClause()
            } else if let expiry = parseExpiry() {
                grant.expiry = expiry
            } else if let reason = parseReasonModifier() {
                grant.reason = reason
            } else {
                return reportModifier("'times', 'worth', 'to', 'expiring' or 'reason'")
            }
        }
        return grant
    }

    private mutating func parseTierChange(onlyUp: Bool) -> Clause.TierChange? {
        var change = Clause.TierChange(tier: parseExpressionClause(), onlyUp: onlyUp)
        while !isAtClauseEnd {
            if let expiry = parseExpiry() {
                change.expiry = expiry
            } else if let reason = parseReasonModifier() {
                change.reason = reason
            } else {
                return reportModifier("'expiring' or 'reason'")
            }
        }
        return change
    }

    /// `expiring in EXPR`, `expiring on EXPR`, `expiring never`; nil if not at `expiring`.
    private mutating func parseExpiry() -> Clause.Expiry? {
        guard isIdentifier("expiring") else { return nil }
        let keyword = advance()
        if isIdentifier("in") {
            advance()
            return .after(parseExpressionClause())
        }
        if isIdentifier("on") {
            advance()
            return .on(parseExpressionClause())
        }
        if isIdentifier("never") {
            let token = advance()
            return .never(keyword.range.union(token.range))
        }
        reportMissing("'in', 'on' or 'never' after 'expiring'")
        if !isAtDeclarationStart { advance() }
        return .never(keyword.range)
    }

    private mutating func parseReasonModifier() -> Expr? {
        guard isIdentifier("reason") else { return nil }
        advance()
        return parseExpressionClause()
    }

    /// `per day` (a calendar period) or `per EXPR` (a key, e.g. `per event.ref`).
    private mutating func parsePeriod(afterPer: Bool = false) -> Clause.Period {
        if !afterPer { advance() }
        let periods = ["event", "day", "week", "month", "quarter", "year", "ever"]
        if current.kind == .identifier, periods.contains(text(of: current)), peek().kind != .dot, peek().kind != .leftParen {
            let token = advance()
            return .calendar(Name(text(of: token), token.range))
        }
        return .key(parseExpressionClause())
    }

    /// The end of a clause: a new declaration, or a line starting with a clause word.
    /// Modifiers (`expiring`, `reason`, `to`, …) may continue an action on the next lines.
    private var isAtClauseEnd: Bool {
        isAtDeclarationStart
            || (current.startsLine && current.kind == .identifier && Self.clauseStartWords.contains(text(of: current)))
    }

    private mutating func reportModifier<T>(_ expected: String) -> T? {
        reportMissing(expected)
        return nil
    }
}

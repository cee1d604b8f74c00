import RuleLanguage

/// Actions: award, deduct, redeem, grant, tier changes and variable assignments.
extension PackCompiler {
    mutating func compileAction(_ clause: Clause, defaultReason: Expr?, in environment: inout Environment) -> CompiledAction? {
        let location = "\(file.name):\(file.location(of: Int(clause.range.start)))"
        func reason(_ own: Expr?) -> CompiledReason {
            guard let expr = own ?? defaultReason else { return .none }
            let (program, type) = compileExpression(expr, in: &environment)
            requireType(type, [.string], "a reason", "text in quotes", at: expr.range)
            if case .string(let text)? = program.constant { return .text(text) }
            return .computed(program)
        }
        switch clause.kind {
        case .award(let transfer):
            let (amount, type) = compileExpression(transfer.amount, in: &environment, warnsOnIntegerDivision: true)
            requirePoints(type, at: transfer.amount.range)
            let account = resolveAccount(transfer.account)
            let member = transfer.member.map { compileMember($0, in: &environment) }
            let expiry = compileExpiry(transfer.expiry, in: &environment)
            guard let account else { return nil }
            return .award(amount: amount, account: account, member: member, expiry: expiry,
                          reason: reason(transfer.reason), location: location)
        case .deduct(let transfer):
            let (amount, type) = compileExpression(transfer.amount, in: &environment, warnsOnIntegerDivision: true)
            requirePoints(type, at: transfer.amount.range)
            let account = resolveAccount(transfer.account)
            let member = transfer.member.map { compileMember($0, in: &environment) }
            guard let account else { return nil }
            return .deduct(amount: amount, account: account, member: member, reason: reason(transfer.reason), location: location)
        case .redeem(let redemption):
            let (points, pointsType) = compileExpression(redemption.points, in: &environment)
            requirePoints(pointsType, at: redemption.points.range)
            let (worth, worthType) = compileExpression(redemption.worth, in: &environment, warnsOnIntegerDivision: true)
            requireType(worthType, [.decimal], "what the points are worth", "an amount of money", at: redemption.worth.range)
            var cap: Program?
            if let capExpr = redemption.cap {
                let (program, capType) = compileExpression(capExpr, in: &environment, warnsOnIntegerDivision: true)
                requireType(capType, [.decimal], "the redemption cap", "an amount of money", at: capExpr.range)
                cap = program
            }
            guard let account = resolveAccount(redemption.account) else { return nil }
            return .redeem(points: points, account: account, worth: worth, isPerPoint: redemption.isPerPoint, cap: cap,
                           reason: reason(redemption.reason), location: location)
        case .grant(let grant):
            let (benefit, benefitType) = compileExpression(grant.benefit, in: &environment)
            requireType(benefitType, [.string], "a benefit", "a string like \"coupon:200-50\"", at: grant.benefit.range)
            var count: Program?
            if let countExpr = grant.count {
                let (program, type) = compileExpression(countExpr, in: &environment)
                requireType(type, [.int], "how many", "a whole number", at: countExpr.range)
                count = program
            }
            var worth: Program?
            if let worthExpr = grant.worth {
                let (program, type) = compileExpression(worthExpr, in: &environment, warnsOnIntegerDivision: true)
                requireType(type, [.decimal], "a benefit's value", "an amount of money", at: worthExpr.range)
                worth = program
            }
            let member = grant.member.map { compileMember($0, in: &environment) }
            let expiry = compileExpiry(grant.expiry, in: &environment)
            return .grant(benefit: benefit, count: count, worth: worth, expiry: expiry, member: member,
                          reason: reason(grant.reason), location: location)
        case .tier(let change):
            let (tier, type) = compileExpression(change.tier, in: &environment)
            requireType(type, [.string], "a tier", "a tier name in quotes", at: change.tier.range)
            if tierNames == nil {
                diagnostics.error(.noTiers(), in: file, at: clause.range)
            } else if case .literal(.string(let name)) = change.tier.kind {
                checkTierName(name, at: change.tier.range)
            }
            let expiry = compileExpiry(change.expiry, in: &environment)
            return .tier(tier: tier, onlyUp: change.onlyUp, expiry: expiry, reason: reason(change.reason), location: location)
        case .assignment(let name, let value):
            guard let variable = variableNames.firstIndex(of: name.text) else {
                let help = Suggestions.closest(to: name.text, among: variableNames).map { "did you mean '\($0)'?" }
                diagnostics.error(.unknownVariable(name.text), in: file, at: name.range, help: help)
                return nil
            }
            let (program, type) = compileExpression(value, in: &environment)
            let declared = RuleType.of(variableDefaults[variable])
            if declared != .null, !type.isUnknown, !type.isAssignable(to: declared), !(declared == .int && type == .decimal) {
                diagnostics.error(.mustBe("'\(name.text)'", declared.withArticle + " (like its starting value)", found: type), in: file, at: value.range)
            }
            return .assign(variable: variable, value: program, location: location)
        default:
            return nil
        }
    }

    private mutating func compileMember(_ expr: Expr, in environment: inout Environment) -> Program {
        let (program, type) = compileExpression(expr, in: &environment)
        requireType(type, [.string], "the member", "a member id", at: expr.range)
        return program
    }

    private mutating func compileExpiry(_ expiry: Clause.Expiry?, in environment: inout Environment) -> CompiledExpiry {
        switch expiry {
        case nil, .never?: return .never
        case .after(let expr)?:
            let (program, type) = compileExpression(expr, in: &environment)
            requireType(type, [.duration], "an expiry period", "a duration like days(365)", at: expr.range)
            return .after(program)
        case .on(let expr)?:
            let (program, type) = compileExpression(expr, in: &environment)
            requireType(type, [.timestamp], "an expiry date", "a timestamp like date(\"2026-12-31\")", at: expr.range)
            return .on(program)
        }
    }
}

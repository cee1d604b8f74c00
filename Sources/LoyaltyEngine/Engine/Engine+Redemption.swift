import RuleLanguage

/// `redeem`: points as payment. With `worth X each [up to CAP]` the points used are the
/// fewest of: those asked for, the balance, and what keeps the value within the cap. With
/// a total `worth`, the redemption happens only if the balance covers it.
extension Engine {
    func redeem(pointsProgram: Program, account: Int, worthProgram: Program, isPerPoint: Bool, capProgram: Program?,
                reason: String?, location: String, rule: CompiledRule, pack: CompiledPack, member: Int32, eventID: String,
                evaluate: (Program, String) throws(RuleFailure) -> Value,
                explain: (inout Decision, String, [(String, Value)]) -> Void) throws(RuleFailure) {
        let requestedValue = try evaluate(pointsProgram, "the points to redeem")
        guard case .int(let requested) = requestedValue else { throw failure(rule, requestedValue, what: "the points to redeem") }
        guard requested > 0 else { return }
        let worth = try money(try evaluate(worthProgram, "what the points are worth"), rule: rule, what: "what the points are worth")
        let balance = directory[member].packs[pack.index].accounts[account].balance
        var used = requested
        var value = worth
        if isPerPoint {
            used = min(used, max(0, balance))
            if let capProgram {
                let cap = try money(try evaluate(capProgram, "the redemption cap"), rule: rule, what: "the redemption cap")
                if !worth.isZero, let limit = (try? cap.dividing(by: worth))?.floor() { used = min(used, max(0, limit)) }
            }
            guard used > 0, let total = try? worth.multiplying(by: ExactDecimal(used)) else { return }
            value = total
        } else if requested > balance {
            return
        }
        guard used > 0 else { return }
        for spent in directory[member].packs[pack.index].accounts[account].spendOldest(used) {
            eventRedeemed.append(.init(pack: Int16(pack.index), account: Int16(account), points: spent.points, expiresAt: spent.expiresAt))
        }
        context.redeemed.append((member, pack.index, account, used))
        var decision = Decision(event: eventID, member: directory[member].id, kind: .redeem, rule: rule.qualifiedName)
        decision.points = used
        decision.value = value
        decision.balance = directory[member].packs[pack.index].accounts[account].balance
        decision.account = pack.accounts[account]
        decision.reason = reason
        explain(&decision, location, [("requested", requestedValue), ("worth", .decimal(worth))])
        emit(decision)
    }
}

import RuleLanguage

/// Refunds (SPEC §6, PROGRAMS §8): with E the points the original earned in an account,
/// A its amount and R = min(refund, A − already refunded), the clawback is ⌊E × R / A⌋,
/// computed exactly, taken from the purchaser's newest lots first. Points the purchase
/// redeemed come back in the same proportion. R is taken off the purchase's spend.
extension Engine {
    func refund(_ event: Event, member _: Int32) throws(RuleFailure) {
        guard let originalID = event.original, var record = purchases[originalID], let asked = event.amount else { return }
        transaction.purchases.append((originalID, record))
        let remaining = (try? record.amount.subtracting(record.refunded)) ?? ExactDecimal(0)
        let refunded = asked < remaining ? asked : remaining
        guard !refunded.isZero, !refunded.isNegative, !record.amount.isZero else { return }
        record.refunded = (try? record.refunded.adding(refunded)) ?? record.refunded
        purchases[originalID] = record
        let purchaser = record.member
        touch(purchaser)
        if record.activity != 0 {
            directory[purchaser].purchases.reduce(at: record.at, sequence: record.activity, by: refunded)
        }
        for pack in packs {
            for account in pack.accounts.indices {
                let earned = record.earned.filter { Int($0.pack) == pack.index && Int($0.account) == account }.reduce(0) { $0 + $1.points }
                let redeemed = record.redeemed.filter { Int($0.pack) == pack.index && Int($0.account) == account }.reduce(0) { $0 + $1.points }
                let clawback = Self.proportion(earned, refunded, of: record.amount)
                let giveBack = Self.proportion(redeemed, refunded, of: record.amount)
                guard clawback > 0 || giveBack > 0 else { continue }
                var ledger = directory[purchaser].packs[pack.index].accounts[account]
                let taken = clawback > 0 ? ledger.clawBackNewest(clawback, allowingDebt: pack.allowsNegativeBalance) : 0
                if giveBack > 0 {
                    ledger.award(PointLot(id: nextLotID, remaining: giveBack, expiresAt: nil, source: event.id, rule: "\(pack.name).refund"))
                    nextLotID += 1
                }
                directory[purchaser].packs[pack.index].accounts[account] = ledger
                let delta = giveBack - taken
                guard delta != 0 else { continue }
                var decision = Decision(event: event.id, member: directory[purchaser].id, kind: .points, rule: "\(pack.name).refund")
                decision.delta = delta
                decision.balance = ledger.balance
                decision.account = pack.accounts[account]
                if options.explain {
                    decision.explanation = Explanation(source: "refund of \(originalID)", values: [
                        ("earned", .int(earned)), ("amount", .decimal(record.amount)), ("refunded", .decimal(refunded)),
                        ("redeemed", .int(redeemed)),
                    ])
                }
                emit(decision)
            }
        }
    }

    /// ⌊points × part / whole⌋ exactly, in 128-bit integers (no rounding of a quotient first).
    static func proportion(_ points: Int64, _ part: ExactDecimal, of whole: ExactDecimal) -> Int64 {
        guard points > 0, !whole.isZero else { return 0 }
        let scale = max(part.scale, whole.scale)
        guard let partUnits = part.significand.scaled(by: scale - part.scale),
              let wholeUnits = whole.significand.scaled(by: scale - whole.scale) else { return 0 }
        let (product, overflow) = Int128(points).multipliedReportingOverflow(by: partUnits)
        guard !overflow, wholeUnits > 0 else { return 0 }
        return Int64(clamping: min(product / wholeUnits, Int128(points)))
    }
}

extension Int128 {
    /// self × 10^digits, nil on overflow.
    func scaled(by digits: Int) -> Int128? {
        var value = self
        for _ in 0..<digits {
            let (next, overflow) = value.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            value = next
        }
        return value
    }
}

import RuleLanguage

/// Refunds (SPEC §6, PROGRAMS §8): with E the points the original awarded a member in an
/// account, A its amount and R = min(refund, A − already refunded), the clawback is
/// ⌊E × R / A⌋, computed exactly, taken from that member's newest lots first — the
/// purchaser's points, and any points a rule gave someone else because of the purchase (a
/// referrer's share). Points the purchase redeemed come back in the same proportion, with
/// the expiry of the lots they were spent from (points whose lot has lapsed meanwhile are
/// not returned). R is taken off the purchase's spend.
extension Engine {
    func refund(_ event: Event, member _: Int32) throws(RuleFailure) {
        guard let originalID = event.original, var record = purchases[originalID], let asked = event.amount else { return }
        transaction.purchases.append((originalID, record))
        let remaining = (try? record.amount.subtracting(record.refunded)) ?? ExactDecimal(0)
        let refunded = asked < remaining ? asked : remaining
        refundedAmount = refunded
        guard !refunded.isZero, !refunded.isNegative, !record.amount.isZero else { return }
        record.refunded = (try? record.refunded.adding(refunded)) ?? record.refunded
        purchases[originalID] = record
        let purchaser = record.member
        touch(purchaser)
        if record.activity != 0 {
            directory[purchaser].purchases.reduce(at: record.at, sequence: record.activity, by: refunded)
        }
        var recipients: [Int32] = [purchaser]
        for movement in record.earned where movement.member >= 0 && !recipients.contains(movement.member) {
            recipients.append(movement.member)
        }
        for pack in packs {
            for account in pack.accounts.indices {
                for recipient in recipients {
                    let earned = record.earned.filter {
                        Int($0.pack) == pack.index && Int($0.account) == account && ($0.member < 0 ? purchaser : $0.member) == recipient
                    }.reduce(0) { $0 + $1.points }
                    let spent = recipient == purchaser
                        ? record.redeemed.filter { Int($0.pack) == pack.index && Int($0.account) == account } : []
                    let clawback = Self.proportion(earned, refunded, of: record.amount)
                    let giveBack = Self.proportion(spent.reduce(0) { $0 + $1.points }, refunded, of: record.amount)
                    guard clawback > 0 || giveBack > 0 else { continue }
                    settle(event, original: originalID, record: record, pack: pack, account: account, member: recipient,
                           clawback: clawback, giveBack: giveBack, spent: spent, explanation: [
                               ("earned", .int(earned)), ("amount", .decimal(record.amount)), ("refunded", .decimal(refunded)),
                           ])
                }
            }
        }
    }

    /// Applies one member's clawback and give-back in one account as one net decision.
    private func settle(_ event: Event, original: String, record: PurchaseRecord, pack: CompiledPack, account: Int, member: Int32,
                        clawback: Int64, giveBack: Int64, spent: [PurchaseRecord.Movement], explanation: [(String, Value)]) {
        touch(member)
        var ledger = directory[member].packs[pack.index].accounts[account]
        let taken = clawback > 0 ? ledger.clawBackNewest(clawback, allowingDebt: pack.allowsNegativeBalance) : 0
        var returned: Int64 = 0
        // Give back from the lots spent last first, each with its own expiry.
        var left = giveBack
        for lot in spent.reversed() where left > 0 {
            let owed = min(left, lot.points)
            left -= owed
            // Never past the account's maximum (only reachable by absurd amounts redeemed and
            // given back over and over): the excess is not given back rather than overflow.
            let points = min(owed, max(0, AccountLedger.maximumPoints - max(ledger.balance, 0)))
            if let expiresAt = lot.expiresAt, expiresAt <= event.at { continue }
            if points == 0 { continue }
            let id = nextLotID
            nextLotID += 1
            ledger.award(PointLot(id: id, remaining: points, expiresAt: lot.expiresAt, source: event.id, rule: "\(pack.name).refund"))
            if let expiresAt = lot.expiresAt {
                expiries.push(LotExpiry(expiresAt: expiresAt, lotID: id, member: member, pack: Int16(pack.index), account: Int16(account)))
            }
            returned += points
        }
        directory[member].packs[pack.index].accounts[account] = ledger
        let delta = returned - taken
        guard delta != 0 else { return }
        var decision = Decision(event: event.id, member: directory[member].id, kind: .points, rule: "\(pack.name).refund")
        decision.delta = delta
        decision.balance = ledger.balance
        decision.account = pack.accounts[account]
        if options.explain {
            decision.explanation = Explanation(source: "refund of \(original)", values: explanation + [("returned", .int(returned))])
        }
        emit(decision)
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

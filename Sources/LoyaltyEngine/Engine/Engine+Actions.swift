import RuleLanguage

/// The actions of a rule: award, deduct, redeem, grant, tier changes and variables.
extension Engine {
    func execute(_ action: CompiledAction, rule: CompiledRule, pack: CompiledPack, member: Int32, eventID: String, time: Instant,
                 explained: [(String, Value)], affected: inout [Int32], tierChanges: inout [PendingTierChange]) throws(RuleFailure) {
        let activation = pack.activation
        func evaluate(_ program: Program, _ what: String) throws(RuleFailure) -> Value {
            let value = program(activation)
            if case .error = value { throw failure(rule, value, what: what) }
            return value
        }
        func whole(_ program: Program, _ what: String) throws(RuleFailure) -> Int64 {
            let value = try evaluate(program, what)
            guard case .int(let n) = value else {
                throw failure(rule, value, what: what + " (points must be a whole number; use floor, round or ceil)")
            }
            return n
        }
        /// The other member an action names (`to …`, `from …`), or nil for the event's member.
        func otherMember(_ program: Program?) throws(RuleFailure) -> String? {
            guard let program else { return nil }
            let value = try evaluate(program, "the member")
            guard case .string(let id) = value, !id.isEmpty else { throw failure(rule, value, what: "the member") }
            return id
        }
        func target(_ id: String?) -> Int32 {
            guard let id else { return member }
            let index = self.member(id)
            touch(index)
            if !affected.contains(index) { affected.append(index) }
            return index
        }
        func text(_ reason: CompiledReason) throws(RuleFailure) -> String? {
            switch reason {
            case .none: return nil
            case .text(let text): return text
            case .computed(let program):
                let value = try evaluate(program, "the reason")
                guard case .string(let text) = value else { throw failure(rule, value, what: "the reason") }
                return text
            }
        }
        func explain(_ decision: inout Decision, _ location: String, _ values: [(String, Value)]) {
            guard options.explain else { return }
            decision.explanation = Explanation(source: location, values: explained + values)
        }
        touch(member)
        switch action {
        case .award(let amountProgram, let account, let memberProgram, let expiry, let reason, let location):
            var points = try whole(amountProgram, "the points")
            if points < 0 { throw RuleFailure(message: "rule \(rule.qualifiedName) at \(location): cannot award \(points) points; use 'deduct'") }
            let other = try otherMember(memberProgram)
            if let other, isForeign(other) {
                guard points > 0 else { return }
                let expiresAt = try expiryTime(expiry, rule: rule, pack: pack, time: time)
                let why = try text(reason)
                forward(.award, to: other, eventID: eventID, time: time, pack: pack, rule: rule.qualifiedName) { effect in
                    effect.account = pack.accounts[account]
                    effect.points = points
                    effect.expires = expiresAt
                    effect.reason = why
                }
                return
            }
            let recipient = target(other)
            points = capped(points, rule: rule, pack: pack, account: account, member: recipient, eventID: eventID, time: time)
            guard points > 0 else { return }
            guard directory[recipient].packs[pack.index].accounts[account].canAward(points) else {
                throw RuleFailure(message: "rule \(rule.qualifiedName) at \(location): awarding \(points) points would take the \(pack.accounts[account]) balance of '\(directory[recipient].id)' past \(AccountLedger.maximumPoints), the most an account can hold")
            }
            let expiresAt = try expiryTime(expiry, rule: rule, pack: pack, time: time)
            let lot = PointLot(id: nextLotID, remaining: points, expiresAt: expiresAt, source: eventID, rule: rule.qualifiedName)
            nextLotID += 1
            directory[recipient].packs[pack.index].accounts[account].award(lot)
            if let expiresAt {
                expiries.push(LotExpiry(expiresAt: expiresAt, lotID: lot.id, member: recipient, pack: Int16(pack.index), account: Int16(account)))
            }
            context.awarded.append((recipient, pack.index, rule.index, points))
            eventEarned.append(.init(pack: Int16(pack.index), account: Int16(account), points: points, member: recipient == member ? -1 : recipient))
            var decision = Decision(event: eventID, member: directory[recipient].id, kind: .points, rule: rule.qualifiedName)
            decision.delta = points
            decision.balance = directory[recipient].packs[pack.index].accounts[account].balance
            decision.account = pack.accounts[account]
            decision.expires = expiresAt
            decision.reason = try text(reason)
            explain(&decision, location, [("points", .int(points))])
            emit(decision)
        case .deduct(let amountProgram, let account, let memberProgram, let reason, let location):
            let points = try whole(amountProgram, "the points")
            if points < 0 { throw RuleFailure(message: "rule \(rule.qualifiedName) at \(location): cannot deduct \(points) points; use 'award'") }
            let other = try otherMember(memberProgram)
            if let other, isForeign(other) {
                guard points > 0 else { return }
                let why = try text(reason)
                forward(.deduct, to: other, eventID: eventID, time: time, pack: pack, rule: rule.qualifiedName) { effect in
                    effect.account = pack.accounts[account]
                    effect.points = points
                    effect.reason = why
                }
                return
            }
            let payer = target(other)
            guard points > 0 else { return }
            guard directory[payer].packs[pack.index].accounts[account].canTake(points) else {
                throw RuleFailure(message: "rule \(rule.qualifiedName) at \(location): deducting \(points) points would take the \(pack.accounts[account]) balance of '\(directory[payer].id)' below -\(AccountLedger.maximumPoints)")
            }
            let taken = directory[payer].packs[pack.index].accounts[account].consumeOldest(points, allowingDebt: pack.allowsNegativeBalance)
            guard taken > 0 else { return }
            var decision = Decision(event: eventID, member: directory[payer].id, kind: .points, rule: rule.qualifiedName)
            decision.delta = -taken
            decision.balance = directory[payer].packs[pack.index].accounts[account].balance
            decision.account = pack.accounts[account]
            decision.reason = try text(reason)
            explain(&decision, location, [("points", .int(points))])
            emit(decision)
        case .redeem(let pointsProgram, let account, let worthProgram, let isPerPoint, let capProgram, let reason, let location):
            try redeem(pointsProgram: pointsProgram, account: account, worthProgram: worthProgram, isPerPoint: isPerPoint,
                       capProgram: capProgram, reason: try text(reason), location: location, rule: rule, pack: pack, member: member,
                       eventID: eventID, evaluate: evaluate, explain: explain)
        case .grant(let benefitProgram, let countProgram, let worthProgram, let expiry, let memberProgram, let reason, let location):
            let benefit = try evaluate(benefitProgram, "the benefit")
            guard case .string(let name) = benefit else { throw failure(rule, benefit, what: "the benefit") }
            let count = try countProgram.map { program throws(RuleFailure) in try whole(program, "how many") } ?? 1
            guard count > 0 else { return }
            var value: ExactDecimal?
            if let worthProgram { value = try money(try evaluate(worthProgram, "the benefit's value"), rule: rule, what: "the benefit's value") }
            let other = try otherMember(memberProgram)
            if let other, isForeign(other) {
                let expiresAt = try expiryTime(expiry, rule: rule, pack: pack, time: time)
                let why = try text(reason)
                forward(.grant, to: other, eventID: eventID, time: time, pack: pack, rule: rule.qualifiedName) { effect in
                    effect.benefit = name
                    effect.count = count
                    effect.value = value
                    effect.expires = expiresAt
                    effect.reason = why
                }
                return
            }
            let recipient = target(other)
            var decision = Decision(event: eventID, member: directory[recipient].id, kind: .grant, rule: rule.qualifiedName)
            decision.benefit = name
            decision.count = count
            decision.value = value
            decision.expires = try expiryTime(expiry, rule: rule, pack: pack, time: time)
            decision.reason = try text(reason)
            explain(&decision, location, [("benefit", benefit)])
            emit(decision)
        case .tier(let tierProgram, let onlyUp, let expiry, let reason, let location):
            let value = try evaluate(tierProgram, "the tier")
            guard case .string(let name) = value, let ladder = pack.ladder, let index = ladder.names.firstIndex(of: name) else {
                throw RuleFailure(message: "rule \(rule.qualifiedName) at \(location): \(value.debugDescription) is not a tier of pack \(pack.name)")
            }
            let current = directory[member].packs[pack.index].tier
            let expiresAt = try expiryTime(expiry, rule: rule, pack: pack, time: time)
            if onlyUp, index < current { return }
            if index == current {
                // Reaching the same tier again renews its validity.
                if expiresAt != nil { setTierExpiry(pack, member: member, at: expiresAt) }
                return
            }
            setTierExpiry(pack, member: member, at: expiresAt)
            try changeTier(pack, member: member, to: index, eventID: eventID, rule: rule.qualifiedName, reason: try text(reason),
                           time: time, tierChanges: &tierChanges, explanation: options.explain ? Explanation(source: location, values: explained + [("tier", value)]) : nil)
        case .assign(let variable, let program, _):
            let value = try evaluate(program, "the new value")
            directory[member].packs[pack.index].variables[variable] = value
        }
    }

    /// Points to give after the rule's caps for this account and period.
    private func capped(_ points: Int64, rule: CompiledRule, pack: CompiledPack, account: Int, member: Int32, eventID: String, time: Instant) -> Int64 {
        var allowed = points
        for (position, cap) in rule.caps.enumerated() where cap.account == account {
            guard case .int(let limit) = cap.amount(pack.activation) else { continue }
            let key = cap.period.map { $0.key(containing: time, in: pack.zone) } ?? "event:\(eventID)"
            let slot = rule.index * 8 + position
            var usage = directory[member].packs[pack.index].capUsage[slot] ?? (key, 0)
            if usage.period != key { usage = (key, 0) }
            // `used` is never negative, so `limit - used` cannot overflow once limit > used.
            let grant = limit > usage.used ? min(allowed, limit - usage.used) : 0
            usage.used += grant
            directory[member].packs[pack.index].capUsage[slot] = usage
            allowed = grant
        }
        return allowed
    }

    private func expiryTime(_ expiry: CompiledExpiry, rule: CompiledRule, pack: CompiledPack, time: Instant) throws(RuleFailure) -> Instant? {
        switch expiry {
        case .never: return nil
        case .after(let program):
            let value = program(pack.activation)
            guard case .duration(let span) = value else { throw failure(rule, value, what: "the expiry") }
            // An expiry past 9999-12-31 cannot be written: such points simply never lapse.
            return time.adding(span)
        case .on(let program):
            let value = program(pack.activation)
            guard case .timestamp(let at) = value else { throw failure(rule, value, what: "the expiry date") }
            return at
        }
    }

    func money(_ value: Value, rule: CompiledRule, what: String) throws(RuleFailure) -> ExactDecimal {
        switch value {
        case .int(let i): return ExactDecimal(i)
        case .decimal(let d): return d
        default: throw failure(rule, value, what: what)
        }
    }

    func setTierExpiry(_ pack: CompiledPack, member: Int32, at expiresAt: Instant?) {
        directory[member].packs[pack.index].tierExpiresAt = expiresAt
        if let expiresAt {
            timers.push(MemberTimer(time: expiresAt, kind: .tierExpiry, sequence: nextTimer, member: member, pack: Int16(pack.index), rule: -1))
            nextTimer += 1
        }
    }
}

import RuleLanguage

/// Partitioned runs (SPEC §8): a partition applies only its own members' events. An effect on
/// a member of another partition — points to a referrer — is not applied here but emitted as a
/// `ForwardedEffect`, and the target's partition applies it when its input reaches the
/// originating event's position (its `seq`).
extension Engine {
    /// True when a member id belongs to another partition.
    func isForeign(_ member: String) -> Bool {
        guard let partition = options.partition else { return false }
        return !partition.owns(member)
    }

    /// Records an effect for another partition instead of applying it.
    func forward(_ kind: ForwardedEffect.Kind, to member: String, eventID: String, time: Instant, pack: CompiledPack, rule: String,
                 configure: (inout ForwardedEffect) -> Void) {
        var effect = ForwardedEffect(
            id: "\(eventID)#\(rule)#\(kind.rawValue)#\(member)", kind: kind, event: eventID, at: time, sequence: currentSequence,
            member: member, requiresKnownMember: context.assumedMembers.contains(member), pack: pack.name, rule: rule)
        configure(&effect)
        forwards.append(effect)
    }

    /// Applies one forwarded effect to a member of this partition, atomically, with the due
    /// work before it attributed to the originating event (as a single process would).
    public func apply(_ effect: ForwardedEffect) -> Result<Void, InputError> {
        if seen.contains(effect.id) {
            statistics.duplicates += 1
            return .failure(InputError(.duplicate, "forwarded effect '\(effect.id)' was already applied; skipped"))
        }
        transaction.reset(memberCount: directory.count, schedules: schedules, decisionCount: decisions.count, firstActivity: nextActivity)
        context.awarded.removeAll(keepingCapacity: true)
        context.redeemed.removeAll(keepingCapacity: true)
        do throws(RuleFailure) {
            if clock == nil { startSchedules(at: effect.at) }
            try runDueWork(until: effect.at, eventID: effect.event)
            try applyEffect(effect)
        } catch {
            rollback()
            return .failure(InputError(.ruleError, error.message))
        }
        seen.insert(effect.id)
        if clock.map({ effect.at > $0 }) ?? true { clock = effect.at }
        commit(at: clock!)
        statistics.eventsApplied += 1
        for decision in decisions[transaction.decisionCount...] { statistics.decisions[decision.kind, default: 0] += 1 }
        return .success(())
    }

    private func applyEffect(_ effect: ForwardedEffect) throws(RuleFailure) {
        guard let pack = packs.first(where: { $0.name == effect.pack }) else {
            throw RuleFailure(message: "forwarded effect '\(effect.id)' names pack '\(effect.pack)', which is not loaded")
        }
        if effect.requiresKnownMember, directory.index(of: effect.member) == nil { return }
        let member = member(effect.member)
        touch(member)
        if effect.kind == .referral {
            directory[member].referrals += 1
            return
        }
        guard let account = pack.accounts.firstIndex(of: effect.account) else {
            throw RuleFailure(message: "forwarded effect '\(effect.id)' names account '\(effect.account)', which pack \(pack.name) does not have")
        }
        var decision = Decision(event: effect.event, member: effect.member, kind: effect.kind == .grant ? .grant : .points, rule: effect.rule)
        decision.reason = effect.reason
        switch effect.kind {
        case .award:
            guard effect.points > 0, directory[member].packs[pack.index].accounts[account].canAward(effect.points) else {
                throw RuleFailure(message: "forwarded effect '\(effect.id)' awards \(effect.points) points: not a positive amount, or past \(AccountLedger.maximumPoints), the most an account can hold")
            }
            let lot = PointLot(id: nextLotID, remaining: effect.points, expiresAt: effect.expires, source: effect.event, rule: effect.rule)
            nextLotID += 1
            directory[member].packs[pack.index].accounts[account].award(lot)
            if let expires = effect.expires {
                expiries.push(LotExpiry(expiresAt: expires, lotID: lot.id, member: member, pack: Int16(pack.index), account: Int16(account)))
            }
            decision.delta = effect.points
            decision.expires = effect.expires
        case .deduct:
            guard effect.points > 0, directory[member].packs[pack.index].accounts[account].canTake(effect.points) else {
                throw RuleFailure(message: "forwarded effect '\(effect.id)' deducts \(effect.points) points: not a positive amount, or past the limit of \(AccountLedger.maximumPoints)")
            }
            decision.delta = -directory[member].packs[pack.index].accounts[account].consumeOldest(effect.points, allowingDebt: pack.allowsNegativeBalance)
            guard decision.delta != 0 else { return }
        case .grant:
            decision.benefit = effect.benefit
            decision.count = effect.count
            decision.value = effect.value
            decision.expires = effect.expires
        case .referral:
            return
        }
        if decision.kind == .points {
            decision.balance = directory[member].packs[pack.index].accounts[account].balance
            decision.account = effect.account
        }
        emit(decision)
        var changes: [PendingTierChange] = []
        if pack.ladder?.upgradesImmediately == true, pack.ladder?.upgradesAfter == nil {
            try upgradeIfQualified(pack, member: member, eventID: effect.event, time: effect.at, tierChanges: &changes)
        }
        try runPendingTierChanges(pack, changes, time: effect.at)
    }
}

import RuleLanguage

/// What every event does to member facts and metrics, then the packs' rules.
extension Engine {
    func applyEvent(_ event: Event) throws(RuleFailure) {
        guard let memberID = event.member else {
            // A tick only advances the clock; its due work already ran.
            return
        }
        let member = member(memberID)
        touch(member)
        switch event.kind {
        case .join:
            directory[member].joined = directory[member].joined ?? event.at
            if let birthday = event.birthday, birthday != directory[member].birthday {
                transaction.birthdays.append((member, directory[member].birthday))
                directory.setBirthday(birthday, for: member)
            }
            if let referrer = event.referrer, referrer != memberID, directory[member].referrer == nil {
                directory[member].referrer = referrer
                if isForeign(referrer) {
                    context.assumedMembers.insert(referrer)
                    let pack = packs[0]
                    forward(.referral, to: referrer, eventID: event.id, time: event.at, pack: pack, rule: "\(pack.name).referral-count") { _ in }
                } else if let referrerIndex = directory.index(of: referrer) {
                    touch(referrerIndex)
                    directory[referrerIndex].referrals += 1
                }
            }
        case .purchase:
            recordActivity(.purchases, member: member, at: event.at, amount: event.amount ?? ExactDecimal(0), tag: nil)
            if directory[member].lastPurchase.map({ event.at > $0 }) ?? true { directory[member].lastPurchase = event.at }
            scheduleInactivity(for: member)
        case .interaction:
            recordActivity(.interactions, member: member, at: event.at, amount: ExactDecimal(1), tag: event.action)
        case .refund:
            try refund(event, member: member)
        case .recharge, .tick, .custom:
            break
        }
        var eventValue = event.value
        if event.kind == .refund, case .map(var map) = eventValue, let original = event.original, let record = purchases[original] {
            // Refund rules see what the refund is against and what was actually refunded.
            map.set(.decimal(record.amount), forKey: .string("original_amount"))
            map.set(.decimal(refundedAmount ?? ExactDecimal(0)), forKey: .string("refunded"))
            eventValue = .map(map)
        }
        refundedAmount = nil
        let hook = CompiledPack.Hook.event(event.kind.name)
        for pack in packs {
            try runRules(pack, hook: hook, event: eventValue, eventID: event.id, member: member, time: event.at)
        }
        if event.kind == .purchase || event.kind == .recharge, let amount = event.amount {
            transaction.purchases.append((event.id, nil))
            purchases[event.id] = PurchaseRecord(
                member: member, amount: amount, at: event.at, activity: event.kind == .purchase ? nextActivity - 1 : 0,
                earned: eventEarned, redeemed: eventRedeemed)
        }
    }

    /// Appends a purchase or interaction to the member's activity log.
    func recordActivity(_ log: ActivityKind, member: Int32, at: Instant, amount: ExactDecimal, tag: String?) {
        let entry = ActivityLog.Entry(at: at, sequence: nextActivity, amount: amount, tag: tag)
        nextActivity += 1
        directory[member][activity: log].append(entry)
    }

    /// Arms each pack's `on inactive` rules for this member from its latest purchase.
    func scheduleInactivity(for member: Int32) {
        guard let last = directory[member].lastPurchase else { return }
        for pack in packs {
            for rule in pack.rules[.inactive] ?? [] {
                guard let span = rule.inactivity, let due = last.adding(span) else { continue }
                timers.push(MemberTimer(time: due, kind: .inactive, sequence: nextTimer, member: member, pack: Int16(pack.index), rule: Int32(rule.index)))
                nextTimer += 1
            }
        }
    }
}

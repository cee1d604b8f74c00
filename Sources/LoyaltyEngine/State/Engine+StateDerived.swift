import RuleLanguage

/// The parts of an engine a state file does not store, rebuilt from the members: the queue
/// of lots that will lapse, and the member timers (tiers set "expiring …", `on inactive`).
extension Engine {
    /// Every live lot with an expiry, queued by (time, lot id) as when it was awarded.
    func rebuildLotExpiries() {
        for member in directory.allIndices {
            for (pack, state) in directory[member].packs.enumerated() {
                for (account, ledger) in state.accounts.enumerated() {
                    for lot in ledger.lots where lot.remaining > 0 {
                        guard let expiresAt = lot.expiresAt else { continue }
                        expiries.push(LotExpiry(expiresAt: expiresAt, lotID: lot.id, member: member, pack: Int16(pack), account: Int16(account)))
                    }
                }
            }
        }
    }

    /// One timer per tier expiry, and per `on inactive` rule not yet notified for the
    /// member's last purchase. Each takes its saved creation number when there is one, so
    /// timers due at the same instant fire in their original order.
    func rebuildTimers(hints: [StateSnapshot.TimerRecord]) {
        var sequences: [TimerKey: UInt64] = [:]
        for hint in hints {
            sequences[TimerKey(hint)] = hint.sequence
        }
        func push(_ time: Instant, _ kind: MemberTimer.Kind, member: Int32, pack: Int, rule: Int) {
            let key = TimerKey(member: member, pack: pack, kind: kind, rule: rule, time: time)
            let sequence: UInt64
            if let saved = sequences[key] {
                sequence = saved
            } else {
                sequence = nextTimer
                nextTimer += 1
            }
            timers.push(MemberTimer(time: time, kind: kind, sequence: sequence, member: member, pack: Int16(pack), rule: Int32(rule)))
        }
        for member in directory.allIndices {
            let state = directory[member]
            for pack in packs {
                let packState = state.packs[pack.index]
                if let expiresAt = packState.tierExpiresAt {
                    push(expiresAt, .tierExpiry, member: member, pack: pack.index, rule: -1)
                }
                guard let last = state.lastPurchase else { continue }
                for rule in pack.rules[.inactive] ?? [] where packState.inactiveNotified[rule.index] != last {
                    guard let span = rule.inactivity, let due = last.adding(span) else { continue }
                    push(due, .inactive, member: member, pack: pack.index, rule: rule.index)
                }
            }
        }
    }

    /// The timers that would still do something when they fire, with their creation numbers
    /// (the earliest, where a timer was armed twice for the same moment).
    func pendingTimerRecords() -> [StateSnapshot.TimerRecord] {
        var earliest: [TimerKey: UInt64] = [:]
        for timer in timers.elements {
            // A timer armed by an event that was rolled back may name a member that no longer exists.
            guard Int(timer.member) < directory.count else { continue }
            let state = directory[timer.member]
            let packState = state.packs[Int(timer.pack)]
            switch timer.kind {
            case .tierExpiry:
                guard packState.tierExpiresAt == timer.time else { continue }
            case .inactive:
                let rule = packs[Int(timer.pack)].allRules[Int(timer.rule)]
                guard let span = rule.inactivity, let last = state.lastPurchase, last.adding(span) == timer.time,
                      packState.inactiveNotified[rule.index] != last else { continue }
            }
            let key = TimerKey(member: timer.member, pack: Int(timer.pack), kind: timer.kind, rule: Int(timer.rule), time: timer.time)
            earliest[key] = min(earliest[key] ?? .max, timer.sequence)
        }
        return earliest.map { key, sequence in
            StateSnapshot.TimerRecord(member: key.member, pack: key.pack, kind: key.kind, rule: key.rule, time: key.time, sequence: sequence)
        }.sorted { $0.sequence < $1.sequence }
    }
}

/// Identifies a timer apart from its creation number.
struct TimerKey: Hashable {
    var member: Int32
    var pack: Int
    var kind: MemberTimer.Kind
    var rule: Int
    var time: Instant

    init(member: Int32, pack: Int, kind: MemberTimer.Kind, rule: Int, time: Instant) {
        self.member = member
        self.pack = pack
        self.kind = kind
        self.rule = rule
        self.time = time
    }

    init(_ record: StateSnapshot.TimerRecord) {
        self.init(member: record.member, pack: record.pack, kind: record.kind, rule: record.rule, time: record.time)
    }
}

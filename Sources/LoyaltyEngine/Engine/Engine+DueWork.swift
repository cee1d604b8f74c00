import RuleLanguage

/// Everything due up to an event's time runs before the event, in time order: lots
/// lapsing, tiers lapsing, tier reviews, calendar hooks (birthdays, daily, monthly,
/// quarterly, yearly), inactivity. At the same instant they run in that order.
extension Engine {
    /// Sets each calendar hook's first due time: the first period boundary after the first event.
    func startSchedules(at time: Instant) {
        for index in schedules.indices where schedules[index].nextDue == nil {
            let pack = packs[schedules[index].pack]
            schedules[index].nextDue = schedules[index].period.next(after: time, in: pack.zone)
        }
    }

    func runDueWork(until time: Instant, eventID: String) throws(RuleFailure) {
        while true {
            var best: (time: Instant, order: Int)?
            func consider(_ candidate: Instant, _ order: Int) {
                guard candidate <= time else { return }
                if let current = best, (current.time, current.order) <= (candidate, order) { return }
                best = (candidate, order)
            }
            if let lot = expiries.first { consider(lot.expiresAt, 0) }
            if let timer = timers.first { consider(timer.time, timer.kind.rawValue) }
            var scheduleIndex: Int?
            for (index, schedule) in schedules.enumerated() {
                guard let due = schedule.nextDue else { continue }
                let order = schedule.kind.rawValue
                if due <= time, best.map({ (due, order) < ($0.time, $0.order) }) ?? true {
                    best = (due, order)
                    scheduleIndex = index
                }
            }
            guard let chosen = best else { return }
            if chosen.order == 0, let lot = expiries.first, lot.expiresAt == chosen.time {
                let entry = expiries.popFirst()!
                transaction.poppedExpiries.append(entry)
                expireLot(entry, eventID: eventID)
            } else if let scheduleIndex, schedules[scheduleIndex].nextDue == chosen.time,
                      schedules[scheduleIndex].kind.rawValue == chosen.order {
                try runSchedule(scheduleIndex, at: chosen.time)
            } else if let timer = timers.popFirst() {
                transaction.poppedTimers.append(timer)
                try fire(timer)
            }
        }
    }

    /// One lot lapses: its remaining points leave the balance (SPEC §6: each lot once).
    private func expireLot(_ entry: LotExpiry, eventID: String) {
        let member = entry.member
        let pack = packs[Int(entry.pack)]
        guard Int(member) < directory.count else { return }
        touch(member)
        guard let (points, lot) = directory[member].packs[pack.index].accounts[Int(entry.account)].expire(lotID: entry.lotID) else { return }
        // Named after the rule that awarded the lot: with `lot` (its source event) that makes
        // each expiry decision's key unique even when several lots lapse before one event.
        var decision = Decision(event: eventID, member: directory[member].id, kind: .expire, rule: lot.rule)
        decision.delta = -points
        decision.balance = directory[member].packs[pack.index].accounts[Int(entry.account)].balance
        decision.account = pack.accounts[Int(entry.account)]
        decision.lot = lot.source
        if options.explain {
            decision.explanation = Explanation(source: "expiry of a lot", values: [("expired_at", .timestamp(entry.expiresAt))])
        }
        emit(decision)
    }

    /// A calendar hook or review for every member it concerns, then the next due time.
    private func runSchedule(_ index: Int, at time: Instant) throws(RuleFailure) {
        let schedule = schedules[index]
        let pack = packs[schedule.pack]
        schedules[index].nextDue = schedule.period.next(after: time, in: pack.zone)
        let date = time.civil(in: pack.zone)
        let day = CivilDate(year: date.year, month: date.month, day: date.day)
        switch schedule.kind {
        case .review:
            let eventID = "review:\(day)"
            for member in directory.allIndices {
                try review(pack, member: member, eventID: eventID, time: time)
            }
        case .birthday:
            let eventID = "birthday:\(day)"
            var keys = [date.month * 100 + date.day]
            // Members born on 29 February celebrate on the 28th in other years.
            if date.month == 2, date.day == 28, !CivilCalendar.isLeapYear(date.year) { keys.append(229) }
            for key in keys {
                for member in directory.birthdays[key] ?? [] {
                    try runScheduled(pack, .schedule(.birthday), name: "birthday", eventID: eventID, member: member, time: time)
                }
            }
        case .daily, .monthly, .quarterly, .yearly:
            let name = schedule.kind == .daily ? "daily" : schedule.kind == .monthly ? "monthly" : schedule.kind == .quarterly ? "quarterly" : "yearly"
            let hook = CompiledPack.Hook.schedule(CompiledPack.Schedule(rawValue: name)!)
            let eventID = "\(name):\(day)"
            for member in directory.allIndices {
                try runScheduled(pack, hook, name: name, eventID: eventID, member: member, time: time)
            }
        }
    }

    /// Runs a scheduled hook for one member, with a synthetic event naming the occasion.
    func runScheduled(_ pack: CompiledPack, _ hook: CompiledPack.Hook, name: String, eventID: String, member: Int32, time: Instant,
                      onlyRule: Int? = nil) throws(RuleFailure) {
        let event = Value.map(ValueMap(fields: [
            ("id", .string(eventID)), ("type", .string(name)), ("member", .string(directory[member].id)), ("at", .timestamp(time)),
        ]))
        try runRules(pack, hook: hook, event: event, eventID: eventID, member: member, time: time, onlyRule: onlyRule)
    }

    private func fire(_ timer: MemberTimer) throws(RuleFailure) {
        let pack = packs[Int(timer.pack)]
        let member = timer.member
        guard Int(member) < directory.count else { return }
        let date = timer.time.civil(in: pack.zone)
        let day = CivilDate(year: date.year, month: date.month, day: date.day)
        switch timer.kind {
        case .tierExpiry:
            guard directory[member].packs[pack.index].tierExpiresAt == timer.time else { return }
            touch(member)
            directory[member].packs[pack.index].tierExpiresAt = nil
            try changeTier(pack, member: member, to: 0, eventID: "tier-expiry:\(day)", rule: "\(pack.name).tier",
                           reason: "tier lapsed", time: timer.time)
        case .inactive:
            let rule = pack.allRules[Int(timer.rule)]
            guard let span = rule.inactivity, let last = directory[member].lastPurchase, last.adding(span) == timer.time,
                  directory[member].packs[pack.index].inactiveNotified[rule.index] != last else { return }
            touch(member)
            directory[member].packs[pack.index].inactiveNotified[rule.index] = last
            try runScheduled(pack, .inactive, name: "inactive", eventID: "inactive:\(day)", member: member, time: timer.time, onlyRule: rule.index)
        }
    }
}

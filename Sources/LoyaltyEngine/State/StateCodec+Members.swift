import RuleLanguage

/// One member: identity facts, both activity logs (entries and the running total of each
/// metric window), then one record per pack of the snapshot's pack table.
extension StateCodec {
    static func encodeMember(_ member: MemberState, into writer: StateWriter) {
        writer.string(member.id)
        writer.optionalInstant(member.joined)
        writer.optionalDate(member.birthday)
        writer.optionalString(member.referrer)
        writer.signed(member.referrals)
        writer.optionalInstant(member.lastPurchase)
        encodeLog(member.purchases, into: writer)
        encodeLog(member.interactions, into: writer)
        writer.count(member.packs.count)
        for pack in member.packs.indices {
            encodePack(member.packs[pack], into: writer)
        }
    }

    private static func encodePack(_ pack: PackMemberState, into writer: StateWriter) {
        writer.count(pack.tier)
        writer.optionalInstant(pack.tierExpiresAt)
        writer.count(pack.accounts.count)
        for account in pack.accounts.indices {
            let ledger = pack.accounts[account]
            writer.signed(ledger.debt)
            writer.signed(ledger.lifetime)
            // Used-up lots are dropped: they can neither be spent nor expire again.
            ledger.lots.withUnsafeBufferPointer { lots in
                var live = 0
                for index in lots.indices where lots[index].remaining != 0 { live += 1 }
                writer.count(live)
                for index in lots.indices where lots[index].remaining != 0 {
                    writer.unsigned(lots[index].id)
                    writer.signed(lots[index].remaining)
                    writer.optionalInstant(lots[index].expiresAt)
                    writer.string(lots[index].source)
                    writer.symbol(lots[index].rule)
                }
            }
        }
        writer.count(pack.variables.count)
        for value in pack.variables { writer.value(value) }
        writer.count(pack.onceKeys.count)
        for (rule, keys) in pack.onceKeys {
            writer.count(rule)
            writer.count(keys.count)
            for key in keys { writer.string(key) }
        }
        writer.count(pack.capUsage.count)
        for (slot, usage) in pack.capUsage {
            // The engine numbers a cap `rule × 8 + position`.
            writer.count(slot / 8)
            writer.byte(UInt8(slot % 8))
            writer.string(usage.period)
            writer.signed(usage.used)
        }
        writer.count(pack.inactiveNotified.count)
        for (rule, at) in pack.inactiveNotified {
            writer.count(rule)
            writer.instant(at)
        }
    }

    private static func encodeLog(_ log: ActivityLog, into writer: StateWriter) {
        writer.count(log.entries.count)
        log.entries.withUnsafeBufferPointer { entries in
            for index in entries.indices {
                writer.instant(entries[index].at)
                writer.unsigned(entries[index].sequence)
                writer.decimal(entries[index].amount)
                writer.optionalSymbol(entries[index].tag)
            }
        }
        let windows = log.windowTotals
        writer.count(windows.count)
        for window in windows {
            writer.count(window.front)
            writer.decimal(window.total)
            writer.signed(window.count)
            writer.instant(window.lastQuery)
        }
    }

    static func decodeMember(_ reader: inout StateReader, tables: StateSnapshot) throws(StateError) -> MemberState {
        let id = try reader.string()
        var member = MemberState(id: id, packs: [], windowCount: 0)
        member.joined = try reader.optionalInstant()
        member.birthday = try reader.optionalDate()
        member.referrer = try reader.optionalString()
        member.referrals = try reader.signed()
        member.lastPurchase = try reader.optionalInstant()
        member.purchases = try decodeLog(&reader, windowCount: tables.windows.count)
        member.interactions = try decodeLog(&reader, windowCount: tables.windows.count)
        _ = try reader.count("member '\(id)': pack", equalTo: tables.packs.count)
        member.packs.reserveCapacity(tables.packs.count)
        for table in tables.packs {
            // Only built when a message needs it: this runs for every member.
            func what() -> String { "member '\(id)', pack '\(table.name)'" }
            var pack = PackMemberState(accountCount: 0, variables: [])
            pack.tier = try reader.index("\(what()): tier", below: max(1, table.tiers.count))
            pack.tierExpiresAt = try reader.optionalInstant()
            _ = try reader.count("\(what()): account", equalTo: table.accounts.count)
            pack.accounts.reserveCapacity(table.accounts.count)
            for _ in table.accounts {
                let debt = try reader.signed()
                let lifetime = try reader.signed()
                let lotCount = try reader.count("\(what()): lot", minimumBytes: 6)
                var lots: [PointLot] = []
                lots.reserveCapacity(lotCount)
                for _ in 0..<lotCount {
                    let lot = PointLot(id: try reader.unsigned(), remaining: try reader.signed(), expiresAt: try reader.optionalInstant(),
                                       source: try reader.string(), rule: try reader.symbol())
                    // Lots are kept in creation order; the ledger finds them by binary search on the id.
                    if let previous = lots.last, previous.id >= lot.id { throw .malformed("\(what()): lots are out of order") }
                    lots.append(lot)
                }
                pack.accounts.append(AccountLedger(lots: lots, debt: debt, lifetime: lifetime))
            }
            _ = try reader.count("\(what()): variable", equalTo: table.variables.count)
            for _ in table.variables { pack.variables.append(try reader.value()) }
            let onceCount = try reader.count("\(what()): once", minimumBytes: 2)
            for _ in 0..<onceCount {
                let rule = try reader.index("\(what()): a once rule", below: table.rules.count)
                let keyCount = try reader.count("\(what()): once key")
                var keys = Set<String>(minimumCapacity: keyCount)
                for _ in 0..<keyCount { keys.insert(try reader.string()) }
                pack.onceKeys[rule] = keys
            }
            let capCount = try reader.count("\(what()): cap", minimumBytes: 4)
            for _ in 0..<capCount {
                let rule = try reader.index("\(what()): a cap's rule", below: table.rules.count)
                let position = Int(try reader.byte())
                guard position < 8 else { throw .malformed("\(what()): cap position \(position) is out of range") }
                pack.capUsage[rule * 8 + position] = (try reader.string(), try reader.signed())
            }
            let inactiveCount = try reader.count("\(what()): inactivity", minimumBytes: 3)
            for _ in 0..<inactiveCount {
                let rule = try reader.index("\(what()): an inactivity rule", below: table.rules.count)
                pack.inactiveNotified[rule] = try reader.instant()
            }
            member.packs.append(pack)
        }
        return member
    }

    private static func decodeLog(_ reader: inout StateReader, windowCount: Int) throws(StateError) -> ActivityLog {
        let count = try reader.count("activity entry", minimumBytes: 5)
        var entries: [ActivityLog.Entry] = []
        entries.reserveCapacity(count)
        for _ in 0..<count {
            let entry = ActivityLog.Entry(at: try reader.instant(), sequence: try reader.unsigned(), amount: try reader.decimal(),
                                          tag: try reader.optionalSymbol())
            if let previous = entries.last, (previous.at, previous.sequence) >= (entry.at, entry.sequence) {
                throw .malformed("activity entries are out of order")
            }
            entries.append(entry)
        }
        _ = try reader.count("metric window", equalTo: windowCount)
        var windows: [ActivityLog.WindowTotal] = []
        windows.reserveCapacity(windowCount)
        for _ in 0..<windowCount {
            var window = ActivityLog.WindowTotal()
            window.front = try reader.index("a window's start", below: count + 1)
            window.total = try reader.decimal()
            window.count = try reader.signed()
            window.lastQuery = try reader.instant()
            windows.append(window)
        }
        return ActivityLog(entries: entries, windowTotals: windows)
    }
}

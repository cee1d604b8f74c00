import RuleLanguage

/// The body, section by section: tables (packs, windows), clock and counters, schedules,
/// members (`StateCodec+Members.swift`), the birthday index, timer order, purchases, seen ids.
extension StateCodec {
    static func encodeBody(_ snapshot: StateSnapshot, into writer: StateWriter) {
        writer.count(snapshot.packs.count)
        for pack in snapshot.packs {
            writer.string(pack.name)
            for names in [pack.accounts, pack.variables, pack.tiers, pack.rules] {
                writer.count(names.count)
                for name in names { writer.string(name) }
            }
        }
        writer.count(snapshot.windows.count)
        for window in snapshot.windows { writer.string(window) }

        writer.optionalInstant(snapshot.clock)
        writer.unsigned(snapshot.nextLotID)
        writer.unsigned(snapshot.nextActivity)
        writer.unsigned(snapshot.nextTimer)
        writer.count(snapshot.schedules.count)
        for schedule in snapshot.schedules {
            writer.count(schedule.pack)
            writer.byte(UInt8(schedule.kind.rawValue))
            writer.optionalInstant(schedule.nextDue)
        }

        writer.count(snapshot.members.count)
        // Through the buffer: iterating the array would copy (retain and release) every member.
        snapshot.members.withUnsafeBufferPointer { members in
            for index in members.indices { encodeMember(members[index], into: writer) }
        }

        writer.count(snapshot.birthdays.count)
        for key in snapshot.birthdays.keys.sorted() {
            let members = snapshot.birthdays[key]!
            writer.count(key)
            writer.count(members.count)
            for member in members { writer.count(Int(member)) }
        }
        writer.count(snapshot.timers.count)
        for timer in snapshot.timers {
            writer.count(Int(timer.member))
            writer.count(timer.pack)
            writer.byte(UInt8(timer.kind.rawValue))
            writer.signed(Int64(timer.rule))
            writer.instant(timer.time)
            writer.unsigned(timer.sequence)
        }

        writer.count(snapshot.purchases.count)
        for (id, record) in snapshot.purchases {
            writer.string(id)
            writer.count(Int(record.member))
            writer.decimal(record.amount)
            writer.decimal(record.refunded)
            writer.instant(record.at)
            writer.unsigned(record.activity)
            encodeMovements(record.earned, into: writer)
            encodeMovements(record.redeemed, into: writer)
        }

        writer.count(snapshot.seen.count)
        for id in snapshot.seen { writer.string(id) }

        // Sorted, so that the same state always gives the same bytes.
        writer.count(snapshot.stateRejects.count)
        for (id, position) in snapshot.stateRejects.sorted(by: { $0.key < $1.key }) {
            writer.string(id)
            writer.signed(Int64(position))
        }
    }

    static func decodeBody(_ reader: inout StateReader, version: UInt32) throws(StateError) -> StateSnapshot {
        var snapshot = StateSnapshot()
        let packCount = try reader.count("pack")
        for _ in 0..<packCount {
            let name = try reader.string()
            var tables: [[String]] = []
            for what in ["account", "variable", "tier", "rule"] {
                let count = try reader.count(what)
                var names: [String] = []
                names.reserveCapacity(count)
                for _ in 0..<count { names.append(try reader.string()) }
                tables.append(names)
            }
            snapshot.packs.append(.init(name: name, accounts: tables[0], variables: tables[1], tiers: tables[2], rules: tables[3]))
        }
        let windowCount = try reader.count("window")
        for _ in 0..<windowCount { snapshot.windows.append(try reader.string()) }

        snapshot.clock = try reader.optionalInstant()
        snapshot.nextLotID = try reader.unsigned()
        snapshot.nextActivity = try reader.unsigned()
        snapshot.nextTimer = try reader.unsigned()
        let scheduleCount = try reader.count("schedule", minimumBytes: 3)
        for _ in 0..<scheduleCount {
            let pack = try reader.index("a schedule's pack", below: packCount)
            let raw = try reader.byte()
            guard let kind = CalendarSchedule.Kind(rawValue: Int(raw)) else { throw .malformed("unknown schedule kind \(raw)") }
            snapshot.schedules.append(.init(pack: pack, kind: kind, nextDue: try reader.optionalInstant()))
        }

        let memberCount = try reader.count("member", minimumBytes: 8)
        snapshot.members.reserveCapacity(memberCount)
        for _ in 0..<memberCount { snapshot.members.append(try decodeMember(&reader, tables: snapshot)) }

        let birthdayCount = try reader.count("birthday", minimumBytes: 2)
        for _ in 0..<birthdayCount {
            let key = try reader.index("a birthday key", below: 1232)
            let count = try reader.count("birthday member")
            var members: [Int32] = []
            members.reserveCapacity(count)
            for _ in 0..<count { members.append(Int32(try reader.index("a birthday member", below: memberCount))) }
            snapshot.birthdays[key] = members
        }
        let timerCount = try reader.count("timer", minimumBytes: 6)
        snapshot.timers.reserveCapacity(timerCount)
        for _ in 0..<timerCount {
            let member = Int32(try reader.index("a timer's member", below: memberCount))
            let pack = try reader.index("a timer's pack", below: packCount)
            let raw = try reader.byte()
            guard let kind = MemberTimer.Kind(rawValue: Int(raw)) else { throw .malformed("unknown timer kind \(raw)") }
            let rule = try reader.signed()
            guard rule >= -1, rule < Int64(snapshot.packs[pack].rules.count) else { throw .malformed("a timer's rule \(rule) is out of range") }
            snapshot.timers.append(.init(member: member, pack: pack, kind: kind, rule: Int(rule), time: try reader.instant(),
                                         sequence: try reader.unsigned()))
        }

        let purchaseCount = try reader.count("purchase", minimumBytes: 8)
        snapshot.purchases.reserveCapacity(purchaseCount)
        for _ in 0..<purchaseCount {
            let id = try reader.string()
            let member = Int32(try reader.index("a purchase's member", below: memberCount))
            snapshot.purchases[id] = PurchaseRecord(
                member: member, amount: try reader.decimal(), refunded: try reader.decimal(), at: try reader.instant(),
                activity: try reader.unsigned(), earned: try decodeMovements(&reader, snapshot.packs, memberCount: memberCount),
                redeemed: try decodeMovements(&reader, snapshot.packs, memberCount: memberCount))
        }

        let seenCount = try reader.count("seen id")
        snapshot.seen.reserveCapacity(seenCount)
        for _ in 0..<seenCount { snapshot.seen.insert(try reader.string()) }

        // Version 1 files (before refused events were remembered) end here.
        guard version >= 2 else { return snapshot }
        let rejectCount = try reader.count("refused event")
        snapshot.stateRejects.reserveCapacity(rejectCount)
        for _ in 0..<rejectCount {
            let id = try reader.string()
            snapshot.stateRejects[id] = Int(try reader.signed())
        }
        return snapshot
    }

    private static func encodeMovements(_ movements: [PurchaseRecord.Movement], into writer: StateWriter) {
        writer.count(movements.count)
        for movement in movements {
            writer.count(Int(movement.pack))
            writer.count(Int(movement.account))
            writer.signed(movement.points)
            writer.signed(Int64(movement.member))
            writer.optionalInstant(movement.expiresAt)
        }
    }

    private static func decodeMovements(_ reader: inout StateReader, _ packs: [StateSnapshot.PackTable], memberCount: Int) throws(StateError)
        -> [PurchaseRecord.Movement] {
        let count = try reader.count("movement", minimumBytes: 5)
        var movements: [PurchaseRecord.Movement] = []
        movements.reserveCapacity(count)
        for _ in 0..<count {
            let pack = try reader.index("a movement's pack", below: min(packs.count, Int(Int16.max)))
            let account = try reader.index("a movement's account", below: min(packs[pack].accounts.count, Int(Int16.max)))
            let points = try reader.signed()
            let member = try reader.signed()
            guard member >= -1, member < Int64(memberCount) else { throw .malformed("a movement's member \(member) is out of range") }
            movements.append(.init(pack: Int16(pack), account: Int16(account), points: points, member: Int32(member),
                                   expiresAt: try reader.optionalInstant()))
        }
        return movements
    }
}

import RuleLanguage

/// Saving and restoring an engine (SPEC §6 "State"). A snapshot is taken between events;
/// restoring it into a fresh engine over the same packs gives an engine that decides every
/// later event exactly as the original would have. What can be derived is not stored: the
/// lot-expiry queue and the member timers are rebuilt from the members (`Engine+StateDerived.swift`).
extension Engine {
    /// The state now. Cheap: members, purchases and seen ids are shared copy-on-write, so
    /// encode (or drop) the snapshot before applying more events.
    public func makeStateSnapshot() -> StateSnapshot {
        var snapshot = StateSnapshot()
        snapshot.packs = packs.map(\.stateTable)
        snapshot.windows = context.metrics.windows.map(\.stateKey)
        snapshot.clock = clock
        snapshot.nextLotID = nextLotID
        snapshot.nextActivity = nextActivity
        snapshot.nextTimer = nextTimer
        snapshot.schedules = schedules.map { .init(pack: $0.pack, kind: $0.kind, nextDue: $0.nextDue) }
        snapshot.members = directory.members
        snapshot.birthdays = directory.birthdays.filter { !$0.value.isEmpty }
        snapshot.timers = pendingTimerRecords()
        snapshot.purchases = purchases
        snapshot.seen = seen
        snapshot.stateRejects = stateRejects
        return snapshot
    }

    /// Loads a snapshot into this engine, which must not have applied any event yet. Saved
    /// packs, accounts, variables, tiers and rules are matched to the loaded ones by name;
    /// returns a warning for each kind of saved state that had to be dropped.
    @discardableResult
    public func restore(from snapshot: StateSnapshot) throws(StateError) -> [String] {
        precondition(clock == nil && directory.count == 0 && seen.isEmpty, "restore(from:) needs an engine that has applied no event")
        var mapping = StateMapping(snapshot: snapshot, packs: packs, windows: context.metrics.windows.map(\.stateKey))
        clock = snapshot.clock
        nextLotID = snapshot.nextLotID
        nextActivity = snapshot.nextActivity
        nextTimer = snapshot.nextTimer
        restoreSchedules(snapshot)
        for (index, saved) in snapshot.members.enumerated() {
            var state = mapping.isIdentity ? saved : mapping.translate(saved)
            // Birthdays are set afterwards through the directory, which keeps the by-day index.
            state.birthday = nil
            let position = directory.findOrCreate(state.id) { _ in state }
            guard Int(position) == index else { throw .malformed("member '\(state.id)' appears more than once") }
        }
        restoreBirthdays(snapshot)
        purchases = mapping.isIdentity ? snapshot.purchases : snapshot.purchases.mapValues { mapping.translate($0) }
        seen = snapshot.seen
        stateRejects = snapshot.stateRejects
        rebuildLotExpiries()
        rebuildTimers(hints: snapshot.timers.compactMap { mapping.isIdentity ? $0 : mapping.translate($0) })
        mapping.finish()
        return mapping.warnings
    }

    /// Calendar hooks resume where they were; one new to the packs starts at the next period.
    private func restoreSchedules(_ snapshot: StateSnapshot) {
        for index in schedules.indices {
            let pack = packs[schedules[index].pack]
            let saved = snapshot.schedules.first { snapshot.packs[$0.pack].name == pack.name && $0.kind == schedules[index].kind }
            if let due = saved?.nextDue {
                schedules[index].nextDue = due
            } else if let clock {
                schedules[index].nextDue = schedules[index].period.next(after: clock, in: pack.zone)
            }
        }
    }

    /// Rebuilds the by-day index in its saved order (the order `on birthday` visits members).
    private func restoreBirthdays(_ snapshot: StateSnapshot) {
        var placed = [Bool](repeating: false, count: snapshot.members.count)
        for key in snapshot.birthdays.keys.sorted() {
            for member in snapshot.birthdays[key]! where !placed[Int(member)] {
                guard let birthday = snapshot.members[Int(member)].birthday, birthday.month * 100 + birthday.day == key else { continue }
                directory.setBirthday(birthday, for: member)
                placed[Int(member)] = true
            }
        }
        for (member, state) in snapshot.members.enumerated() where !placed[member] {
            if let birthday = state.birthday { directory.setBirthday(birthday, for: Int32(member)) }
        }
    }
}

import RuleLanguage

/// Everything the engine keeps about one member: identity facts from events, activity for
/// the metrics, and one `PackMemberState` per loaded pack.
struct MemberState: Sendable {
    var id: String
    var joined: Instant?
    var birthday: CivilDate?
    var referrer: String?
    var referrals: Int64 = 0
    var lastPurchase: Instant?
    /// Purchases (net of refunds) and interactions, for `member.spend(…)` and friends.
    var purchases: ActivityLog
    var interactions: ActivityLog
    var packs: [PackMemberState]

    init(id: String, packs: [PackMemberState], windowCount: Int) {
        self.id = id
        self.purchases = ActivityLog(windowCount: windowCount)
        self.interactions = ActivityLog(windowCount: windowCount)
        self.packs = packs
    }
}

extension MemberState {
    /// Starts journaling every ledger and log for an event (see `Transaction`).
    mutating func beginEvent(firstSequence: UInt64) {
        for pack in packs.indices {
            for account in packs[pack].accounts.indices { packs[pack].accounts[account].beginEvent() }
        }
        purchases.beginEvent(firstSequence: firstSequence)
        interactions.beginEvent(firstSequence: firstSequence)
    }

    mutating func commitEvent(compactingBefore horizon: Instant?) {
        for pack in packs.indices {
            for account in packs[pack].accounts.indices { packs[pack].accounts[account].commitEvent() }
        }
        purchases.commitEvent()
        interactions.commitEvent()
        if let horizon {
            purchases.compact(before: horizon)
            interactions.compact(before: horizon)
        }
    }

    /// A copy holding everything but the lots and activity entries, which stay unshared in
    /// the live state and are undone from their journals instead.
    func snapshot() -> MemberState {
        var copy = self
        for pack in copy.packs.indices {
            for account in copy.packs[pack].accounts.indices {
                copy.packs[pack].accounts[account] = copy.packs[pack].accounts[account].withoutLots()
            }
        }
        copy.purchases = purchases.withoutEntries()
        copy.interactions = interactions.withoutEntries()
        return copy
    }

    /// The state before the event: the snapshot with the live lots and entries undone.
    func restored(from snapshot: MemberState) -> MemberState {
        var state = snapshot
        for pack in state.packs.indices where pack < packs.count {
            for account in state.packs[pack].accounts.indices where account < packs[pack].accounts.count {
                state.packs[pack].accounts[account].restoreLots(packs[pack].accounts[account].lotsBeforeEvent())
            }
        }
        state.purchases.restoreEntries(purchases.entriesBeforeEvent())
        state.interactions.restoreEntries(interactions.entriesBeforeEvent())
        return state
    }
}

/// Which activity log a metric reads.
enum ActivityKind: Sendable {
    case purchases, interactions
}

extension MemberState {
    subscript(activity kind: ActivityKind) -> ActivityLog {
        get { kind == .purchases ? purchases : interactions }
        // Yielding in place keeps the log uniquely referenced, so appends never copy it.
        _modify {
            if kind == .purchases { yield &purchases } else { yield &interactions }
        }
    }
}

/// A member's standing in one pack: tier, balances per account, the pack's variables, and
/// the bookkeeping for `once` and `cap` clauses.
struct PackMemberState: Sendable {
    var tier: Int = 0
    /// When a tier set with `expiring …` lapses back to the ladder's first tier.
    var tierExpiresAt: Instant?
    var accounts: [AccountLedger]
    var variables: [Value]
    /// `once per …`: per rule, the period key of its last firing, or every key used (`once per EXPR`).
    var onceKeys: [Int: Set<String>] = [:]
    /// `cap … per …`: per rule, the period key and the points given in it so far.
    var capUsage: [Int: (period: String, used: Int64)] = [:]
    /// `on inactive`: per rule, the last purchase its inactivity already fired for.
    var inactiveNotified: [Int: Instant] = [:]

    init(accountCount: Int, variables: [Value]) {
        accounts = Array(repeating: AccountLedger(), count: accountCount)
        self.variables = variables
    }
}

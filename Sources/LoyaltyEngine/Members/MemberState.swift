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

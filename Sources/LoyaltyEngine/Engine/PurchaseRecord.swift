import RuleLanguage

/// What the engine remembers about an accepted purchase or recharge, so that a later
/// refund can claw back in proportion (SPEC §6 "Refunds").
struct PurchaseRecord: Sendable {
    var member: Int32
    var amount: ExactDecimal
    var refunded = ExactDecimal(0)
    var at: Instant
    /// The purchase's entry in the member's activity log.
    var activity: UInt64
    /// Points the event awarded, per member, pack and account (the purchaser, and anyone a
    /// rule rewarded because of the purchase, such as a referrer's share).
    var earned: [Movement] = []
    /// Points the purchase paid with, per pack and account, one entry per lot used (with
    /// that lot's expiry, so points given back by a refund lapse when they would have).
    var redeemed: [Movement] = []

    struct Movement: Sendable {
        var pack: Int16
        var account: Int16
        var points: Int64
        /// Who received (or paid) the points; -1 is the purchaser.
        var member: Int32 = -1
        /// For a redeemed lot: when it would have lapsed.
        var expiresAt: Instant? = nil
    }
}

/// A rule that failed at run time: the whole event is rejected (`rule-error`).
struct RuleFailure: Error {
    var message: String
}

/// Counts for the final summary on stderr.
public struct RunStatistics: Sendable {
    public var eventsRead = 0
    public var eventsApplied = 0
    public var duplicates = 0
    /// Events already in a loaded state, met again at the start of a rerun.
    public var replayed = 0
    /// Partitioned runs: events of other partitions' members, passed over.
    public var otherPartition = 0
    public var rejected: [InputError.Code: Int] = [:]
    public var decisions: [Decision.Kind: Int] = [:]

    public var rejectedTotal: Int { rejected.values.reduce(0, +) }
}

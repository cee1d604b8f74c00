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
    /// Points the event earned the purchaser, per pack and account.
    var earned: [Movement] = []
    /// Points the purchase paid with, per pack and account.
    var redeemed: [Movement] = []

    struct Movement: Sendable {
        var pack: Int16
        var account: Int16
        var points: Int64
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
    public var rejected: [InputError.Code: Int] = [:]
    public var decisions: [Decision.Kind: Int] = [:]

    public var rejectedTotal: Int { rejected.values.reduce(0, +) }
}

import RuleLanguage

/// Points awarded together by one rule for one event, lapsing together (SPEC §6 "Ledger").
struct PointLot: Sendable, Equatable {
    /// Global creation order: consumption is oldest first, expiry ties break by creation.
    var id: UInt64
    var remaining: Int64
    var expiresAt: Instant?
    /// The event that awarded it.
    var source: String
    /// The awarding rule, as `pack.rule`.
    var rule: String
}

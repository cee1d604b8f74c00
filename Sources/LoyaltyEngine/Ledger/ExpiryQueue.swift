import RuleLanguage

/// An entry of the global queue of lots that will lapse, ordered by (expiry time,
/// creation). Entries are checked against the ledger when they come due, so a lot used up
/// or rolled back in the meantime simply finds nothing left to expire.
struct LotExpiry: HeapOrdered {
    var expiresAt: Instant
    var lotID: UInt64
    var member: Int32
    var pack: Int16
    var account: Int16

    func precedes(_ other: LotExpiry) -> Bool {
        expiresAt != other.expiresAt ? expiresAt < other.expiresAt : lotID < other.lotID
    }
}

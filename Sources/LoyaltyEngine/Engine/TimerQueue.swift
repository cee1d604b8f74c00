import RuleLanguage

/// A per-member timer: a tier set "expiring in …" lapsing, or a member going inactive.
/// Ordered by (time, kind, creation); validated when it fires, so a timer made stale by
/// later activity does nothing.
struct MemberTimer: HeapOrdered {
    enum Kind: Int, Sendable, Codable {
        case tierExpiry = 1
        case inactive = 4
    }

    var time: Instant
    var kind: Kind
    var sequence: UInt64
    var member: Int32
    var pack: Int16
    var rule: Int32

    func precedes(_ other: MemberTimer) -> Bool {
        if time != other.time { return time < other.time }
        if kind != other.kind { return kind.rawValue < other.kind.rawValue }
        return sequence < other.sequence
    }
}

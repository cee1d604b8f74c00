import RuleLanguage

/// One output line: what happened to a member and which rule made it happen (SPEC §4).
/// Optional fields are printed only when present, always in the same order.
public struct Decision: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case points, tier, expire, redeem, grant
    }

    public var event: String
    public var member: String
    public var kind: Kind
    /// `pack.rule`.
    public var rule: String
    /// points and expire: the change and the balance after it, in `account`.
    public var delta: Int64 = 0
    public var balance: Int64 = 0
    public var account: String = "points"
    /// points: when the awarded lot lapses. grant: when the benefit lapses.
    public var expires: Instant?
    /// expire: the event that created the lapsed lot.
    public var lot: String?
    /// tier: the move.
    public var from: String = ""
    public var to: String = ""
    /// redeem: points used; redeem and grant: money value.
    public var points: Int64 = 0
    public var value: ExactDecimal?
    /// grant: the benefit and how many.
    public var benefit: String = ""
    public var count: Int64 = 1
    public var reason: String?
    /// With `--explain`: where the rule is and the values that produced the decision.
    public var explanation: Explanation?

    public init(event: String, member: String, kind: Kind, rule: String) {
        self.event = event
        self.member = member
        self.kind = kind
        self.rule = rule
    }
}

/// The `--explain` detail of a decision.
public struct Explanation: Sendable, Equatable {
    /// `rules/bench.rules:23:3`.
    public var source: String
    /// Named values, in the order they were computed: the condition, the amount, …
    public var values: [(name: String, value: Value)]

    public static func == (a: Explanation, b: Explanation) -> Bool {
        a.source == b.source && a.values.count == b.values.count
            && zip(a.values, b.values).allSatisfy { $0.name == $1.name && $0.value.isEqual(to: $1.value) }
    }
}

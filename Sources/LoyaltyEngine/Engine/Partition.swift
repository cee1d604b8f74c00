import RuleLanguage

/// One of N partitions of a stream by member (SPEC §8): a member belongs to partition
/// `hash(id) mod N`, with a hash fixed forever (FNV-1a, 64 bits, over the id's UTF-8 bytes),
/// so every tool that routes events — the splitter, a Kafka or Redis producer — agrees.
public struct Partition: Sendable, Equatable {
    public let index: Int
    public let count: Int

    public init?(index: Int, count: Int) {
        guard count >= 1, index >= 0, index < count else { return nil }
        self.index = index
        self.count = count
    }

    /// Parses `K/N`.
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }

    public func owns(_ member: String) -> Bool {
        Self.partition(of: member, count: count) == index
    }

    public static func partition(of member: String, count: Int) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in member.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return Int(hash % UInt64(count))
    }
}

/// An effect of one member's event on a member of another partition (a referrer's points),
/// carried to that member's partition as a `forwarded` event line.
public struct ForwardedEffect: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case award, deduct, grant, referral
    }

    /// Unique per effect, so a replayed forwarded line is skipped like any duplicate.
    public var id: String
    public var kind: Kind
    /// The originating event: its id (the decision's `event`), time and stream position.
    public var event: String
    public var at: Instant
    public var sequence: Int
    /// The target member, and whether it had to be a known member (`is_member`) for the
    /// effect to apply.
    public var member: String
    public var requiresKnownMember: Bool
    public var pack: String
    /// `pack.rule`.
    public var rule: String
    public var account: String = "points"
    public var points: Int64 = 0
    public var expires: Instant?
    public var benefit: String = ""
    public var count: Int64 = 1
    public var value: ExactDecimal?
    public var reason: String?

    /// The JSON line that carries it: an event of type `forwarded`.
    public var jsonLine: String {
        var fields: [String] = [
            "\"id\":" + JSONText.quoted(id), "\"type\":\"forwarded\"", "\"member\":" + JSONText.quoted(member),
            "\"at\":" + JSONText.quoted(at.rfc3339), "\"effect\":\"\(kind.rawValue)\"", "\"origin\":" + JSONText.quoted(event),
            "\"seq\":\(sequence)", "\"requires_member\":\(requiresKnownMember)", "\"pack\":" + JSONText.quoted(pack),
            "\"rule\":" + JSONText.quoted(rule), "\"account\":" + JSONText.quoted(account), "\"points\":\(points)",
        ]
        if let expires { fields.append("\"expires\":" + JSONText.quoted(expires.rfc3339)) }
        if kind == .grant {
            fields.append("\"benefit\":" + JSONText.quoted(benefit))
            fields.append("\"count\":\(count)")
            if let value { fields.append("\"value\":\(value)") }
        }
        if let reason { fields.append("\"reason\":" + JSONText.quoted(reason)) }
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// Reads a `forwarded` event's fields back; nil if it is not a well-formed one.
    public init?(event: Value) {
        guard case .map(let map) = event,
              case .string(let id)? = map.value(forKey: .string("id")),
              case .string(let member)? = map.value(forKey: .string("member")),
              case .timestamp(let at)? = map.value(forKey: .string("at")),
              case .string(let kindName)? = map.value(forKey: .string("effect")), let kind = Kind(rawValue: kindName),
              case .string(let origin)? = map.value(forKey: .string("origin")),
              case .int(let sequence)? = map.value(forKey: .string("seq")),
              case .string(let pack)? = map.value(forKey: .string("pack")),
              case .string(let rule)? = map.value(forKey: .string("rule")) else { return nil }
        self.init(id: id, kind: kind, event: origin, at: at, sequence: Int(sequence), member: member,
                  requiresKnownMember: map.value(forKey: .string("requires_member"))?.isEqual(to: .bool(true)) ?? false,
                  pack: pack, rule: rule)
        if case .string(let account)? = map.value(forKey: .string("account")) { self.account = account }
        if case .int(let points)? = map.value(forKey: .string("points")) { self.points = points }
        if case .string(let text)? = map.value(forKey: .string("expires")) { expires = Instant(rfc3339: text) }
        if case .string(let benefit)? = map.value(forKey: .string("benefit")) { self.benefit = benefit }
        if case .int(let count)? = map.value(forKey: .string("count")) { self.count = count }
        switch map.value(forKey: .string("value")) {
        case .decimal(let d)?: self.value = d
        case .int(let i)?: self.value = ExactDecimal(i)
        default: break
        }
        if case .string(let reason)? = map.value(forKey: .string("reason")) { self.reason = reason }
    }

    init(id: String, kind: Kind, event: String, at: Instant, sequence: Int, member: String, requiresKnownMember: Bool, pack: String, rule: String) {
        self.id = id
        self.kind = kind
        self.event = event
        self.at = at
        self.sequence = sequence
        self.member = member
        self.requiresKnownMember = requiresKnownMember
        self.pack = pack
        self.rule = rule
    }
}

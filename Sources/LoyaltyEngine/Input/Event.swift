import RuleLanguage

/// An accepted input event: the fields the engine itself needs, decoded and validated
/// once, plus the whole object as a `Value` for the rules.
public struct Event: Sendable {
    public enum Kind: Sendable, Hashable {
        case join, purchase, refund, interaction, recharge, tick
        case custom(String)

        init(_ type: String) {
            switch type {
            case "join": self = .join
            case "purchase": self = .purchase
            case "refund": self = .refund
            case "interaction": self = .interaction
            case "recharge": self = .recharge
            case "tick": self = .tick
            default: self = .custom(type)
            }
        }

        public var name: String {
            switch self {
            case .join: "join"
            case .purchase: "purchase"
            case .refund: "refund"
            case .interaction: "interaction"
            case .recharge: "recharge"
            case .tick: "tick"
            case .custom(let type): type
            }
        }
    }

    public var id: String
    public var kind: Kind
    /// Absent only on `tick`.
    public var member: String?
    public var at: Instant
    /// `amount` of a purchase, refund or recharge: exact, ≥ 0 and < 10^15.
    public var amount: ExactDecimal?
    /// `original` of a refund.
    public var original: String?
    /// `referrer` of a join.
    public var referrer: String?
    /// `birthday` of a join, as a calendar date.
    public var birthday: CivilDate?
    /// `action` of an interaction.
    public var action: String?
    /// The object as the rules see it (`at` already a timestamp).
    public var value: Value
}

/// A calendar date without a time or zone (a member's birthday).
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let text = String(n)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}

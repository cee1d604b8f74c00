import RuleLanguage

/// The fields of each event type (SPEC §3) as record types for the checker. Field order is
/// the order tills and `gen-stream` write them, so compiled field access finds a field at
/// its expected position on the first compare.
public enum EventSchemas {
    private static let common: [RecordType.Field] = [
        .init("id", .string), .init("type", .string), .init("member", .string), .init("at", .timestamp),
    ]

    /// One purchased line: `sku`, `category`, `qty`, `price`.
    public static let item = RecordType(name: "item", fields: [
        .init("sku", .string), .init("category", .string), .init("qty", .decimal), .init("price", .decimal),
    ])

    public static let join = event("join", [
        .init("birthday", .string, optional: true), .init("referrer", .string, optional: true),
        .init("channel", .string, optional: true), .init("fee", .decimal, optional: true),
    ])
    public static let purchase = event("purchase", [
        // items and coupons read as [] when the till sends none.
        .init("store", .string, optional: true), .init("amount", .decimal), .init("items", .list(.record(item)), default: .list([])),
        .init("redeem_points", .int, optional: true), .init("coupons", .list(.string), default: .list([])),
    ])
    public static let refund = event("refund", [
        .init("original", .string), .init("amount", .decimal), .init("items", .list(.record(item)), default: .list([])),
        // Added by the engine before refund rules run: the original's amount and the part of
        // this refund actually applied (capped at what was left to refund).
        .init("original_amount", .decimal), .init("refunded", .decimal),
    ])
    public static let interaction = event("interaction", [
        .init("action", .string), .init("count", .int, optional: true), .init("ref", .string, optional: true),
    ])
    public static let recharge = event("recharge", [.init("amount", .decimal)])
    public static let tick = RecordType(name: "tick event", displayName: "a 'tick' event", fields: [
        .init("id", .string), .init("type", .string), .init("at", .timestamp),
    ])

    /// What a scheduled hook (`on monthly`, `on birthday`, `on inactive …`) sees as `event`.
    public static func schedule(_ name: String) -> RecordType {
        RecordType(name: "\(name) event", displayName: article(name) + " '\(name)' schedule", fields: common, allowsExtraFields: false)
    }

    /// What `on tier_change` sees: the member's move on the ladder.
    public static let tierChange = RecordType(name: "tier_change event", displayName: "a 'tier_change' event", fields: common + [
        .init("from", .string), .init("to", .string), .init("upgrade", .bool),
    ], allowsExtraFields: false)

    /// A custom event type: the common fields, anything else read dynamically.
    public static func custom(_ type: String) -> RecordType {
        RecordType(name: "\(type) event", displayName: article(type) + " '\(type)' event", fields: common)
    }

    /// The record type of a known event type, nil for custom ones.
    public static func known(_ type: String) -> RecordType? {
        switch type {
        case "join": join
        case "purchase": purchase
        case "refund": refund
        case "interaction": interaction
        case "recharge": recharge
        case "tick": tick
        default: nil
        }
    }

    /// "an 'interaction' event", "an 'inactive' schedule", "a 'purchase' event".
    private static func article(_ name: String) -> String {
        "aeiou".contains(name.first?.lowercased() ?? "") ? "an" : "a"
    }

    private static func event(_ type: String, _ fields: [RecordType.Field]) -> RecordType {
        RecordType(name: "\(type) event", displayName: article(type) + " '\(type)' event", fields: common + fields)
    }
}

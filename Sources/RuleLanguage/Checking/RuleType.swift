/// The static type of an expression as the checker sees it. `dyn` is "not known until run
/// time" and matches anything; `error` marks an expression already reported, and stays
/// silent downstream so one mistake gives one diagnostic.
public indirect enum RuleType: Sendable, Hashable, CustomStringConvertible {
    case dyn
    case null
    case bool
    case int
    case double
    case decimal
    case string
    case timestamp
    case duration
    case list(RuleType)
    case map(RuleType, RuleType)
    /// A map with known fields (an event, a purchase item).
    case record(RecordType)
    /// An object the host provides, such as `member`: it has fields and methods but is not
    /// itself a value.
    case hostObject(String)
    case error

    public var description: String {
        switch self {
        case .dyn: "dyn"
        case .null: "null"
        case .bool: "bool"
        case .int: "int"
        case .double: "double"
        case .decimal: "decimal"
        case .string: "string"
        case .timestamp: "timestamp"
        case .duration: "duration"
        case .list(let element): element == .dyn ? "list" : "list of \(element)"
        case .map(let key, let value): key == .dyn && value == .dyn ? "map" : "map of \(key) to \(value)"
        case .record(let record): record.name
        case .hostObject(let name): name
        case .error: "error"
        }
    }

    /// True for the types that stand for "anything" (so no diagnostic follows).
    public var isUnknown: Bool { self == .dyn || self == .error }

    public var isNumber: Bool { self == .int || self == .decimal || self == .double }

    /// Whether a value of type `self` may be passed where `other` is expected.
    public func isAssignable(to other: RuleType) -> Bool {
        if isUnknown || other.isUnknown || self == other { return true }
        switch (self, other) {
        case (.int, .decimal): return true
        case (.list(let a), .list(let b)): return a.isAssignable(to: b)
        case (.map(let k1, let v1), .map(let k2, let v2)): return k1.isAssignable(to: k2) && v1.isAssignable(to: v2)
        case (.record, .map(let k, _)): return k.isAssignable(to: .string)
        case (.map(let k, _), .record): return k.isAssignable(to: .string)
        case (.null, _): return false
        default: return false
        }
    }
}

/// The shape of a record: named fields with types, in the order the engine builds them
/// (so field access can try the field's position first).
public final class RecordType: Sendable, Hashable {
    public struct Field: Sendable {
        public var name: String
        public var type: RuleType
        /// Optional fields may be absent; test them with `has()`.
        public var isOptional: Bool
        /// What reading the field gives when the event does not carry it (`items` → []),
        /// so rules need no `has()` test for it.
        public var defaultValue: Value?

        public init(_ name: String, _ type: RuleType, optional: Bool = false, default defaultValue: Value? = nil) {
            self.name = name
            self.type = type
            self.isOptional = optional
            self.defaultValue = defaultValue
        }
    }

    /// The type's name ("item", "purchase event").
    public let name: String
    /// How messages refer to it: "'item'", "a 'purchase' event".
    public let displayName: String
    public let fields: [Field]
    /// Records from the outside world (events) may carry more fields; reading one by name
    /// (`event["note"]`) is allowed, while `event.note` is checked against `fields`.
    public let allowsExtraFields: Bool

    public init(name: String, displayName: String? = nil, fields: [Field], allowsExtraFields: Bool = true) {
        self.name = name
        self.displayName = displayName ?? "'\(name)'"
        self.fields = fields
        self.allowsExtraFields = allowsExtraFields
    }

    public func field(named name: String) -> (position: Int, field: Field)? {
        guard let position = fields.firstIndex(where: { $0.name == name }) else { return nil }
        return (position, fields[position])
    }

    public static func == (a: RecordType, b: RecordType) -> Bool { a === b }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}

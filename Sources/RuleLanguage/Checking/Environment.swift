/// Everything a rule may name: variables, functions, host objects, and the options that
/// change how expressions evaluate (the default time zone). The engine builds one per
/// hook, the way cel-go's `Env` declares variables and functions.
public struct Environment: Sendable {
    /// How a name is bound at run time.
    public enum Binding: Sendable {
        /// Read from a slot the caller fills (e.g. `event`).
        case slot(Int)
        /// A value known at compile time (`param`s); folded into expressions.
        case constant(Value)
        /// Computed by the host on demand.
        case computed(CompiledExpr)
        /// A `let`: computed at most once per evaluation, cached in its slot.
        case cached(slot: Int, Program)
        /// A host object (`member`); only its fields and methods are values.
        case hostObject
    }

    public struct Variable: Sendable {
        public var type: RuleType
        public var binding: Binding
        /// Where the name was declared, for notes and "did you mean".
        public var help: String?

        public init(type: RuleType, binding: Binding, help: String? = nil) {
            self.type = type
            self.binding = binding
            self.help = help
        }
    }

    public var variables: [String: Variable] = [:]
    public var functions: FunctionTable
    public var hostObjects: [String: HostObjectType] = [:]
    /// The zone for timestamp getters without a zone argument and for `date()`. UTC as in
    /// CEL, unless a pack declares `timezone`.
    public var defaultZone: TimeZoneRule
    /// Slots below this are taken by the caller's variables; macros allocate above it.
    public var reservedSlots: Int

    public init(defaultZone: TimeZoneRule = .utc, reservedSlots: Int = 0) {
        self.functions = defaultZone == .utc ? StandardLibrary.functions : StandardLibrary.functions(defaultZone: defaultZone)
        self.defaultZone = defaultZone
        self.reservedSlots = reservedSlots
    }

    /// Declares a variable in the next free slot and returns the slot.
    @discardableResult
    public mutating func declareSlot(_ name: String, type: RuleType = .dyn) -> Int {
        let slot = reservedSlots
        reservedSlots += 1
        variables[name] = Variable(type: type, binding: .slot(slot))
        return slot
    }

    public mutating func declareConstant(_ name: String, _ value: Value, type: RuleType? = nil) {
        variables[name] = Variable(type: type ?? RuleType.of(value), binding: .constant(value))
    }

    public mutating func declareHostObject(_ name: String, _ object: HostObjectType) {
        hostObjects[name] = object
        variables[name] = Variable(type: .hostObject(name), binding: .hostObject)
    }
}

extension RuleType {
    /// The most precise static type of a known value.
    public static func of(_ value: Value) -> RuleType {
        switch value {
        case .null: .null
        case .bool: .bool
        case .int: .int
        case .double: .double
        case .decimal: .decimal
        case .string: .string
        case .timestamp: .timestamp
        case .duration: .duration
        case .list(let elements): .list(common(elements.map(of)))
        case .map(let map): .map(common(map.entries.map { of($0.key) }), common(map.entries.map { of($0.value) }))
        case .error: .error
        }
    }

    /// One type for a collection's elements: int and decimal unify to decimal; otherwise dyn.
    public static func common(_ types: [RuleType]) -> RuleType {
        guard var result = types.first else { return .dyn }
        for type in types.dropFirst() where type != result {
            if (type == .int && result == .decimal) || (type == .decimal && result == .int) {
                result = .decimal
            } else {
                return .dyn
            }
        }
        return result
    }
}

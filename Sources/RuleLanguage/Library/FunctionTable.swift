/// How a function's body is called: by fixed arity where possible, so a call does not
/// build an argument array.
public enum FunctionImplementation: Sendable {
    case unary(@Sendable (Value) -> Value)
    case binary(@Sendable (Value, Value) -> Value)
    case ternary(@Sendable (Value, Value, Value) -> Value)
    case variadic(@Sendable ([Value]) -> Value)
}

/// A static signature the checker matches arguments against; for receiver calls the
/// receiver is the first parameter.
public struct FunctionSignature: Sendable {
    public var parameters: [RuleType]
    public var result: RuleType

    public init(_ parameters: [RuleType], _ result: RuleType) {
        self.parameters = parameters
        self.result = result
    }
}

/// One callable shape of a function: global (`size(x)`) or receiver (`x.size()`) with a
/// given number of arguments (receiver included).
public struct FunctionOverload: Sendable {
    public enum Style: Sendable, Hashable { case global, receiver }

    public var style: Style
    public var arity: Int
    public var signatures: [FunctionSignature]
    /// Computes the result type from the argument types when one signature cannot say it
    /// (e.g. `list.sum()` gives the element type).
    public var resultType: (@Sendable ([RuleType]) -> RuleType)?
    public var implementation: FunctionImplementation
    /// Pure functions of constant arguments are evaluated at compile time.
    public var isPure: Bool
    /// Given the arguments known at compile time (nil where not constant), returns a faster
    /// implementation — e.g. `matches` with a constant pattern compiles the pattern once.
    public var specialize: (@Sendable ([Value?]) -> FunctionImplementation?)?

    public init(
        _ style: Style, arity: Int, signatures: [FunctionSignature], isPure: Bool = true,
        resultType: (@Sendable ([RuleType]) -> RuleType)? = nil,
        specialize: (@Sendable ([Value?]) -> FunctionImplementation?)? = nil,
        implementation: FunctionImplementation
    ) {
        self.style = style
        self.arity = arity
        self.signatures = signatures
        self.isPure = isPure
        self.resultType = resultType
        self.specialize = specialize
        self.implementation = implementation
    }
}

/// Functions by name; the standard library plus whatever the host adds.
public struct FunctionTable: Sendable {
    private var overloads: [String: [FunctionOverload]] = [:]

    public init() {}

    public mutating func add(_ name: String, _ overload: FunctionOverload) {
        overloads[name, default: []].append(overload)
    }

    public func overload(_ name: String, style: FunctionOverload.Style, arity: Int) -> FunctionOverload? {
        overloads[name]?.first { $0.style == style && $0.arity == arity }
    }

    public func overloads(named name: String) -> [FunctionOverload] {
        overloads[name] ?? []
    }

    public var names: Set<String> { Set(overloads.keys) }

    public func names(style: FunctionOverload.Style) -> [String] {
        overloads.filter { $0.value.contains { $0.style == style } }.map(\.key)
    }
}

/// The functions every rule can call: CEL's standard functions of our subset plus the
/// money and time extensions. Built per default time zone, because zone-less timestamp
/// getters and `date()` read the pack's `timezone`.
public enum StandardLibrary {
    /// The library with UTC as the default zone (CEL's behaviour).
    public static let functions = functions(defaultZone: .utc)

    public static func functions(defaultZone: TimeZoneRule) -> FunctionTable {
        var table = FunctionTable()
        StringFunctions.register(in: &table)
        Conversions.register(in: &table)
        TimeFunctions.register(in: &table, defaultZone: defaultZone)
        MoneyFunctions.register(in: &table)
        ListFunctions.register(in: &table)
        return table
    }
}

extension FunctionTable {
    /// Registers a one-argument function as a global call, a receiver call, or both.
    mutating func addUnary(_ name: String, _ styles: [FunctionOverload.Style], _ signatures: [FunctionSignature],
                           resultType: (@Sendable ([RuleType]) -> RuleType)? = nil,
                           _ body: @escaping @Sendable (Value) -> Value) {
        for style in styles {
            add(name, FunctionOverload(style, arity: 1, signatures: signatures, resultType: resultType, implementation: .unary(body)))
        }
    }

    mutating func addBinary(_ name: String, _ styles: [FunctionOverload.Style], _ signatures: [FunctionSignature],
                            specialize: (@Sendable ([Value?]) -> FunctionImplementation?)? = nil,
                            _ body: @escaping @Sendable (Value, Value) -> Value) {
        for style in styles {
            add(name, FunctionOverload(style, arity: 2, signatures: signatures, specialize: specialize, implementation: .binary(body)))
        }
    }
}

/// The error for a function applied to arguments of the wrong types.
func noOverload(_ name: String, _ values: Value...) -> Value {
    .failure(.noMatchingOverload(function: name, types: values.map(\.typeName)))
}

/// CEL's commutative, error-absorbing logic: `false && error` is `false`, `true || error`
/// is `true`, whichever side the error is on; a non-bool operand counts as an error.
enum Logic {
    /// Combines `&&` once the left side did not short-circuit.
    @inline(__always)
    static func and(_ left: Value, _ right: Value) -> Value {
        switch (left, right) {
        case (.bool(true), .bool(let r)): return .bool(r)
        case (_, .bool(false)): return .bool(false)
        case (.bool(false), _): return .bool(false)
        default: return firstError(left, right, "&&")
        }
    }

    @inline(__always)
    static func or(_ left: Value, _ right: Value) -> Value {
        switch (left, right) {
        case (.bool(false), .bool(let r)): return .bool(r)
        case (_, .bool(true)): return .bool(true)
        case (.bool(true), _): return .bool(true)
        default: return firstError(left, right, "||")
        }
    }

    static func not(_ value: Value) -> Value {
        switch value {
        case .bool(let b): return .bool(!b)
        case .error: return value
        default: return .failure(.noMatchingOverload(function: "!", types: [value.typeName]))
        }
    }

    /// The error to report when neither side decided the result.
    private static func firstError(_ left: Value, _ right: Value, _ symbol: String) -> Value {
        if case .error = left { return left }
        if case .error = right { return right }
        return .failure(.noMatchingOverload(function: symbol, types: [left.typeName, right.typeName]))
    }
}

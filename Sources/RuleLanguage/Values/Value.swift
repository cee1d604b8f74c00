/// A run-time value of the rule language: CEL's values plus an exact `decimal`.
///
/// One concrete enum, switched on directly by the compiled closures — no `Any`, no
/// protocol existentials. Errors are values (`.error`) so that `&&`, `||` and the
/// `all`/`exists` macros can absorb them as CEL requires.
public enum Value: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    /// IEEE-754, only ever produced by `double(x)`; fractional literals are decimals.
    case double(Double)
    case decimal(ExactDecimal)
    case string(String)
    case timestamp(Instant)
    case duration(TimeSpan)
    case list([Value])
    case map(ValueMap)
    /// An evaluation error travelling as a value; boxed so it does not widen every value.
    indirect case error(EvaluationError)

    /// The type's name as merchants see it in messages: `int`, `decimal`, `list`, …
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "bool"
        case .int: "int"
        case .double: "double"
        case .decimal: "decimal"
        case .string: "string"
        case .timestamp: "timestamp"
        case .duration: "duration"
        case .list: "list"
        case .map: "map"
        case .error: "error"
        }
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    public var isError: Bool {
        if case .error = self { return true }
        return false
    }

    /// Shorthand for an error value.
    public static func failure(_ kind: EvaluationError.Kind, at range: SourceRange? = nil) -> Value {
        .error(EvaluationError(kind, at: range))
    }
}

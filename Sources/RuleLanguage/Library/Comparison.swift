/// `< <= > >=` (numbers across types, strings by code point, bools, timestamps,
/// durations; anything else is an error) and `in` (list membership by `==`, map keys).
enum Comparison {
    /// -1, 0 or 1; an error value when the pair has no ordering.
    static func order(_ symbol: BinaryOperator, _ a: Value, _ b: Value) -> Value {
        let sign: Int?
        switch (a, b) {
        case (.int(let x), .int(let y)): sign = x < y ? -1 : (x > y ? 1 : 0)
        case (.string(let x), .string(let y)): sign = CodePoints.compare(x, y)
        case (.bool(let x), .bool(let y)): sign = x == y ? 0 : (x ? 1 : -1)
        case (.timestamp(let x), .timestamp(let y)): sign = x < y ? -1 : (x > y ? 1 : 0)
        case (.duration(let x), .duration(let y)): sign = x < y ? -1 : (x > y ? 1 : 0)
        case (.error, _): return a
        case (_, .error): return b
        case (.int, _), (.decimal, _), (.double, _):
            guard let numeric = NumericComparison.compare(a, b) else {
                if case .double(let x) = a, x.isNaN { return .bool(false) }
                if case .double(let y) = b, y.isNaN { return .bool(false) }
                return .failure(.noMatchingOverload(function: symbol.rawValue, types: [a.typeName, b.typeName]))
            }
            sign = numeric
        default:
            return .failure(.noMatchingOverload(function: symbol.rawValue, types: [a.typeName, b.typeName]))
        }
        guard let sign else { return .bool(false) }
        switch symbol {
        case .less: return .bool(sign < 0)
        case .lessEqual: return .bool(sign <= 0)
        case .greater: return .bool(sign > 0)
        default: return .bool(sign >= 0)
        }
    }

    static func contains(_ element: Value, in container: Value) -> Value {
        if case .error = element { return element }
        switch container {
        case .list(let elements):
            for candidate in elements where candidate.isEqual(to: element) { return .bool(true) }
            return .bool(false)
        case .map(let map):
            return .bool(map.position(of: element) != nil)
        case .error:
            return container
        default:
            return .failure(.noMatchingOverload(function: "in", types: [element.typeName, container.typeName]))
        }
    }
}

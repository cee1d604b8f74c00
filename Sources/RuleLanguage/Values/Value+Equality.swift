/// CEL's heterogeneous equality: values of different types are unequal (not an error),
/// numbers compare by value across int, decimal and double, lists element by element and
/// maps by key set and values.
extension Value {
    /// `a == b` as a language value: an error operand makes an error result.
    public static func equality(_ a: Value, _ b: Value) -> Value {
        if case .error = a { return a }
        if case .error = b { return b }
        return .bool(a.isEqual(to: b))
    }

    /// Structural equality; `false` for different types, errors never equal.
    public func isEqual(to other: Value) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return CodePoints.equal(a, b)
        case (.int(let a), .int(let b)): return a == b
        case (.timestamp(let a), .timestamp(let b)): return a == b
        case (.duration(let a), .duration(let b)): return a == b
        case (.int, .decimal), (.int, .double), (.decimal, .int), (.decimal, .decimal),
             (.decimal, .double), (.double, .int), (.double, .decimal), (.double, .double):
            return NumericComparison.compare(self, other) == 0
        case (.list(let a), .list(let b)):
            guard a.count == b.count else { return false }
            for (x, y) in zip(a, b) where !x.isEqual(to: y) { return false }
            return true
        case (.map(let a), .map(let b)):
            guard a.count == b.count else { return false }
            for entry in a.entries {
                guard let value = b.value(forKey: entry.key), value.isEqual(to: entry.value) else { return false }
            }
            return true
        default:
            return false
        }
    }
}

/// Exact comparison of numbers across representations; nil when unordered (NaN) or not numbers.
public enum NumericComparison {
    public static func compare(_ a: Value, _ b: Value) -> Int? {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.decimal(let x), .decimal(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.decimal(let x), .int(let y)): return x.compare(to: y)
        case (.int(let x), .decimal(let y)): return -y.compare(to: x)
        case (.double(let x), .double(let y)): return compareDoubles(x, y)
        case (.int(let x), .double(let y)): return compareIntToDouble(x, y)
        case (.double(let x), .int(let y)): return compareIntToDouble(y, x).map { -$0 }
        // Decimals and doubles meet only when a rule calls double(); comparing through
        // Double is as exact as the double itself.
        case (.decimal(let x), .double(let y)): return compareDoubles(x.doubleValue, y)
        case (.double(let x), .decimal(let y)): return compareDoubles(x, y.doubleValue)
        default: return nil
        }
    }

    static func compareDoubles(_ x: Double, _ y: Double) -> Int? {
        if x.isNaN || y.isNaN { return nil }
        return x < y ? -1 : (x > y ? 1 : 0)
    }

    /// Exact, without rounding the int to a double (which is lossy near 2^63).
    static func compareIntToDouble(_ x: Int64, _ y: Double) -> Int? {
        if y.isNaN { return nil }
        if y >= 9_223_372_036_854_775_808.0 { return -1 }
        if y < -9_223_372_036_854_775_808.0 { return 1 }
        let whole = y.rounded(.towardZero)
        let truncated = Int64(whole)
        if x != truncated { return x < truncated ? -1 : 1 }
        let fraction = y - whole
        return fraction > 0 ? -1 : (fraction < 0 ? 1 : 0)
    }
}

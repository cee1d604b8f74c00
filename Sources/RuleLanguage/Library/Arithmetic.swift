/// `+ - * / %` and unary `-`. Ints overflow into errors; decimals are exact (`/` rounds to
/// 18 places, see `ExactDecimal.dividing`); an int meeting a decimal is promoted to decimal;
/// doubles meet ints and decimals as doubles. Every failure is an error value.
enum Arithmetic {
    static func add(_ a: Value, _ b: Value) -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (sum, overflow) = x.addingReportingOverflow(y)
            return overflow ? .failure(.integerOverflow) : .int(sum)
        case (.string(let x), .string(let y)): return .string(x + y)
        case (.list(let x), .list(let y)): return .list(x + y)
        case (.timestamp(let t), .duration(let d)), (.duration(let d), .timestamp(let t)):
            return t.adding(d).map(Value.timestamp) ?? .failure(.outOfRange("the timestamp"))
        case (.duration(let x), .duration(let y)):
            return x.adding(y).map(Value.duration) ?? .failure(.outOfRange("the duration"))
        default:
            return numeric("+", a, b, ExactDecimal.adding, +)
        }
    }

    static func subtract(_ a: Value, _ b: Value) -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (difference, overflow) = x.subtractingReportingOverflow(y)
            return overflow ? .failure(.integerOverflow) : .int(difference)
        case (.timestamp(let t), .duration(let d)):
            return t.subtracting(d).map(Value.timestamp) ?? .failure(.outOfRange("the timestamp"))
        case (.timestamp(let x), .timestamp(let y)):
            return x.span(since: y).map(Value.duration) ?? .failure(.outOfRange("the duration"))
        case (.duration(let x), .duration(let y)):
            return x.subtracting(y).map(Value.duration) ?? .failure(.outOfRange("the duration"))
        default:
            return numeric("-", a, b, ExactDecimal.subtracting, -)
        }
    }

    static func multiply(_ a: Value, _ b: Value) -> Value {
        if case .int(let x) = a, case .int(let y) = b {
            let (product, overflow) = x.multipliedReportingOverflow(by: y)
            return overflow ? .failure(.integerOverflow) : .int(product)
        }
        return numeric("*", a, b, ExactDecimal.multiplying(by:), *)
    }

    static func divide(_ a: Value, _ b: Value) -> Value {
        if case .int(let x) = a, case .int(let y) = b {
            if y == 0 { return .failure(.divisionByZero) }
            let (quotient, overflow) = x.dividedReportingOverflow(by: y)
            return overflow ? .failure(.integerOverflow) : .int(quotient)
        }
        return numeric("/", a, b, ExactDecimal.dividing(by:), /)
    }

    static func remainder(_ a: Value, _ b: Value) -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            if y == 0 { return .failure(.moduloByZero) }
            // Int64.min % -1 overflows in hardware; the answer is 0.
            if y == -1 { return .int(0) }
            return .int(x % y)
        case (.error, _): return a
        case (_, .error): return b
        default:
            return .failure(.noMatchingOverload(function: "%", types: [a.typeName, b.typeName]))
        }
    }

    static func negate(_ a: Value) -> Value {
        switch a {
        case .int(let x):
            return x == .min ? .failure(.integerOverflow) : .int(-x)
        case .decimal(let x): return .decimal(x.negated)
        case .double(let x): return .double(-x)
        case .duration(let x): return x.negated.map(Value.duration) ?? .failure(.outOfRange("the duration"))
        case .error: return a
        default: return .failure(.noMatchingOverload(function: "-", types: [a.typeName]))
        }
    }

    /// The mixed-number cases shared by `+ - * /`.
    @inline(__always)
    private static func numeric(
        _ symbol: String, _ a: Value, _ b: Value,
        _ exact: (ExactDecimal) -> (ExactDecimal) throws(DecimalError) -> ExactDecimal,
        _ float: (Double, Double) -> Double
    ) -> Value {
        switch (a, b) {
        case (.decimal(let x), .decimal(let y)): return decimal(exact, x, y)
        case (.decimal(let x), .int(let y)): return decimal(exact, x, ExactDecimal(y))
        case (.int(let x), .decimal(let y)): return decimal(exact, ExactDecimal(x), y)
        case (.double(let x), .double(let y)): return .double(float(x, y))
        case (.double(let x), .int(let y)): return .double(float(x, Double(y)))
        case (.int(let x), .double(let y)): return .double(float(Double(x), y))
        case (.double(let x), .decimal(let y)): return .double(float(x, y.doubleValue))
        case (.decimal(let x), .double(let y)): return .double(float(x.doubleValue, y))
        case (.error, _): return a
        case (_, .error): return b
        default:
            return .failure(.noMatchingOverload(function: symbol, types: [a.typeName, b.typeName]))
        }
    }

    @inline(__always)
    private static func decimal(
        _ operation: (ExactDecimal) -> (ExactDecimal) throws(DecimalError) -> ExactDecimal,
        _ x: ExactDecimal, _ y: ExactDecimal
    ) -> Value {
        do {
            return .decimal(try operation(x)(y))
        } catch .divisionByZero {
            return .failure(.divisionByZero)
        } catch {
            return .failure(.decimalOverflow)
        }
    }
}

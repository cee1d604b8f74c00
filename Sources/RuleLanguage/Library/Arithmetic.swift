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
            return numeric(.add, a, b)
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
            return numeric(.subtract, a, b)
        }
    }

    static func multiply(_ a: Value, _ b: Value) -> Value {
        if case .int(let x) = a, case .int(let y) = b {
            let (product, overflow) = x.multipliedReportingOverflow(by: y)
            return overflow ? .failure(.integerOverflow) : .int(product)
        }
        return numeric(.multiply, a, b)
    }

    static func divide(_ a: Value, _ b: Value) -> Value {
        if case .int(let x) = a, case .int(let y) = b {
            if y == 0 { return .failure(.divisionByZero) }
            let (quotient, overflow) = x.dividedReportingOverflow(by: y)
            return overflow ? .failure(.integerOverflow) : .int(quotient)
        }
        return numeric(.divide, a, b)
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

    /// The four operators shared by the mixed-number cases.
    enum Operation: String {
        case add = "+", subtract = "-", multiply = "*", divide = "/"
    }

    /// The mixed-number cases shared by `+ - * /`. The operation is switched on directly
    /// (not passed as a method reference, which would build a closure on every call).
    @inline(__always)
    private static func numeric(_ operation: Operation, _ a: Value, _ b: Value) -> Value {
        switch (a, b) {
        case (.decimal(let x), .decimal(let y)): return decimal(operation, x, y)
        case (.decimal(let x), .int(let y)): return decimal(operation, x, ExactDecimal(y))
        case (.int(let x), .decimal(let y)): return decimal(operation, ExactDecimal(x), y)
        case (.double(let x), .double(let y)): return .double(float(operation, x, y))
        case (.double(let x), .int(let y)): return .double(float(operation, x, Double(y)))
        case (.int(let x), .double(let y)): return .double(float(operation, Double(x), y))
        case (.double(let x), .decimal(let y)): return .double(float(operation, x, y.doubleValue))
        case (.decimal(let x), .double(let y)): return .double(float(operation, x.doubleValue, y))
        case (.error, _): return a
        case (_, .error): return b
        default:
            return .failure(.noMatchingOverload(function: operation.rawValue, types: [a.typeName, b.typeName]))
        }
    }

    @inline(__always)
    private static func float(_ operation: Operation, _ x: Double, _ y: Double) -> Double {
        switch operation {
        case .add: x + y
        case .subtract: x - y
        case .multiply: x * y
        case .divide: x / y
        }
    }

    @inline(__always)
    private static func decimal(_ operation: Operation, _ x: ExactDecimal, _ y: ExactDecimal) -> Value {
        do throws(DecimalError) {
            switch operation {
            case .add: return .decimal(try x.adding(y))
            case .subtract: return .decimal(try x.subtracting(y))
            case .multiply: return .decimal(try x.multiplying(by: y))
            case .divide: return .decimal(try x.dividing(by: y))
            }
        } catch .divisionByZero {
            return .failure(.divisionByZero)
        } catch {
            return .failure(.decimalOverflow)
        }
    }
}

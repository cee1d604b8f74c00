/// Unary and binary operators and the conditional, with constant folding and CEL's
/// short-circuit-but-commutative logic.
extension Compiler {
    mutating func compileUnary(_ op: UnaryOperator, _ operand: Expr, range: SourceRange) -> Compiled {
        let compiled = compileNode(operand)
        let operation: @Sendable (Value) -> Value = op == .not ? Logic.not : Arithmetic.negate
        if let constant = compiled.constant { return .constant(Self.located(operation(constant), range)) }
        let evaluate = compiled.evaluate
        if op == .not {
            // `!cond` in filters: a bool flips without the generic dispatch.
            return Compiled(evaluate: { activation in
                let value = evaluate(activation)
                if case .bool(let b) = value { return .bool(!b) }
                return Self.located(operation(value), range)
            }, constant: nil, type: .bool)
        }
        return Compiled(evaluate: { Self.located(operation(evaluate($0)), range) }, constant: nil, type: compiled.type)
    }

    mutating func compileBinary(_ op: BinaryOperator, _ left: Expr, _ right: Expr, range: SourceRange) -> Compiled {
        let l = compileNode(left)
        let r = compileNode(right)
        switch op {
        case .and: return compileLogic(l, r, shortCircuit: false, combine: Logic.and, range: range)
        case .or: return compileLogic(l, r, shortCircuit: true, combine: Logic.or, range: range)
        default: break
        }
        let operation = Self.operation(op)
        let type = Self.resultType(op, l.type, r.type)
        if let a = l.constant, let b = r.constant {
            var folded = Compiled.constant(Self.located(operation(a, b), range))
            folded.type = type
            return folded
        }
        let evaluateLeft = l.evaluate
        let evaluateRight = r.evaluate
        // The common `x == "gold"` compares against a constant string without a generic dispatch.
        if op == .equal, case .string(let constant)? = r.constant {
            return Compiled(evaluate: { activation in
                let value = evaluateLeft(activation)
                if case .string(let s) = value { return .bool(CodePoints.equal(s, constant)) }
                return Value.equality(value, .string(constant))
            }, constant: nil, type: .bool)
        }
        // `category in excluded` with a constant list of strings: compared as bytes, in place.
        if op == .in, case .list(let elements)? = r.constant, !elements.isEmpty,
           case let strings = elements.compactMap({ if case .string(let s) = $0 { s } else { nil } }), strings.count == elements.count {
            return Compiled(evaluate: { activation in
                let value = evaluateLeft(activation)
                if case .string(let s) = value {
                    for candidate in strings where CodePoints.equal(s, candidate) { return .bool(true) }
                    return .bool(false)
                }
                return Self.located(operation(value, .list(elements)), range)
            }, constant: nil, type: .bool)
        }
        // `amount >= 100`: an int or decimal against a constant whole number, without the
        // generic dispatch.
        if [.less, .lessEqual, .greater, .greaterEqual].contains(op), case .int(let bound)? = r.constant {
            return Compiled(evaluate: { activation in
                let value = evaluateLeft(activation)
                let sign: Int
                switch value {
                case .int(let x): sign = x < bound ? -1 : (x > bound ? 1 : 0)
                case .decimal(let d): sign = d.compare(to: bound)
                default: return Self.located(operation(value, .int(bound)), range)
                }
                switch op {
                case .less: return .bool(sign < 0)
                case .lessEqual: return .bool(sign <= 0)
                case .greater: return .bool(sign > 0)
                default: return .bool(sign >= 0)
                }
            }, constant: nil, type: .bool)
        }
        return Compiled(evaluate: { activation in
            Self.located(operation(evaluateLeft(activation), evaluateRight(activation)), range)
        }, constant: nil, type: type)
    }

    /// `&&` / `||`: the left side decides alone when it can; otherwise both sides combine
    /// commutatively so an error on either side is absorbed by a deciding value on the other.
    private func compileLogic(_ l: Compiled, _ r: Compiled, shortCircuit decidingValue: Bool,
                              combine: @escaping @Sendable (Value, Value) -> Value, range: SourceRange) -> Compiled {
        if case .bool(decidingValue)? = l.constant { return .constant(.bool(decidingValue)) }
        if case .bool(decidingValue)? = r.constant { return .constant(.bool(decidingValue)) }
        if let a = l.constant, let b = r.constant { return .constant(Self.located(combine(a, b), range)) }
        let evaluateLeft = l.evaluate
        let evaluateRight = r.evaluate
        return Compiled(evaluate: { activation in
            let left = evaluateLeft(activation)
            if case .bool(decidingValue) = left { return left }
            return Self.located(combine(left, evaluateRight(activation)), range)
        }, constant: nil, type: .bool)
    }

    mutating func compileConditional(_ condition: Expr, _ then: Expr, _ otherwise: Expr, range: SourceRange) -> Compiled {
        let c = compileNode(condition)
        let t = compileNode(then)
        let o = compileNode(otherwise)
        let type = t.type == o.type ? t.type : .dyn
        if let constant = c.constant {
            switch constant {
            case .bool(true): return t
            case .bool(false): return o
            default: return .constant(Self.located(Self.badCondition(constant), range))
            }
        }
        let evaluateCondition = c.evaluate
        let evaluateThen = t.evaluate
        let evaluateOtherwise = o.evaluate
        return Compiled(evaluate: { activation in
            switch evaluateCondition(activation) {
            case .bool(true): return evaluateThen(activation)
            case .bool(false): return evaluateOtherwise(activation)
            case let other: return Self.located(Self.badCondition(other), range)
            }
        }, constant: nil, type: type)
    }

    private static func badCondition(_ value: Value) -> Value {
        if case .error = value { return value }
        return .failure(.noMatchingOverload(function: "?:", types: [value.typeName]))
    }

    static func operation(_ op: BinaryOperator) -> @Sendable (Value, Value) -> Value {
        switch op {
        case .add: Arithmetic.add
        case .subtract: Arithmetic.subtract
        case .multiply: Arithmetic.multiply
        case .divide: Arithmetic.divide
        case .remainder: Arithmetic.remainder
        case .equal: Value.equality
        case .notEqual: { a, b in
            let equal = Value.equality(a, b)
            if case .bool(let e) = equal { return .bool(!e) }
            return equal
        }
        case .less, .lessEqual, .greater, .greaterEqual: { a, b in Comparison.order(op, a, b) }
        case .in: Comparison.contains
        case .and: Logic.and
        case .or: Logic.or
        }
    }

    /// Best-known result type; only precise enough to carry record types through.
    static func resultType(_ op: BinaryOperator, _ l: RuleType, _ r: RuleType) -> RuleType {
        switch op {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .in, .and, .or: return .bool
        default: return l == r ? l : .dyn
        }
    }
}

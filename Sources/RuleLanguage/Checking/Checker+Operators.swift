/// The operator typing rules of our dialect: ints and decimals mix (int promotes), doubles
/// mix with both, strings and lists concatenate, time arithmetic as in CEL.
extension Checker {
    mutating func checkUnary(_ op: UnaryOperator, _ operand: Expr, range: SourceRange) -> RuleType {
        let type = checkNode(operand)
        if type.isUnknown { return op == .not ? .bool : type }
        switch op {
        case .not:
            if type != .bool { error(.unaryMismatch("!", type), at: range) }
            return .bool
        case .negate:
            if !type.isNumber && type != .duration {
                error(.unaryMismatch("-", type), at: range)
                return .error
            }
            return type
        }
    }

    mutating func checkBinary(_ op: BinaryOperator, _ left: Expr, _ right: Expr, range: SourceRange) -> RuleType {
        let l = checkNode(left)
        let r = checkNode(right)
        switch op {
        case .and, .or:
            for (type, expr) in [(l, left), (r, right)] where !type.isUnknown && type != .bool {
                error(.conditionNotBool(type), at: expr.range)
            }
            return .bool
        case .equal, .notEqual:
            return .bool
        case .in:
            switch r {
            case .list, .map, .record, .dyn, .error: break
            default: error(.operatorMismatch("in", l, r), at: range)
            }
            return .bool
        case .less, .lessEqual, .greater, .greaterEqual:
            if !l.isUnknown, !r.isUnknown, !(l.isNumber && r.isNumber),
               !(l == r && [RuleType.string, .bool, .timestamp, .duration].contains(l)) {
                error(.operatorMismatch(op.rawValue, l, r), at: range)
            }
            return .bool
        case .add, .subtract, .multiply, .divide, .remainder:
            if op == .divide, warnsOnIntegerDivision, l == .int, r == .int {
                warning(.integerDivision(), at: range)
            }
            guard let type = Self.arithmeticType(op, l, r) else {
                error(.operatorMismatch(op.rawValue, l, r), at: range)
                return .error
            }
            return type
        }
    }

    /// The result of an arithmetic operator, or nil when the operands cannot combine.
    static func arithmeticType(_ op: BinaryOperator, _ l: RuleType, _ r: RuleType) -> RuleType? {
        if l == .error || r == .error { return .error }
        if l == .dyn || r == .dyn {
            // One known side still says something: a decimal stays a decimal.
            let known = l == .dyn ? r : l
            return known == .decimal || known == .double ? known : .dyn
        }
        switch (op, l, r) {
        case (.remainder, .int, .int): return .int
        case (.remainder, _, _): return nil
        case (_, .int, .int): return .int
        case (_, .double, _) where r.isNumber, (_, _, .double) where l.isNumber: return .double
        case (_, _, _) where l.isNumber && r.isNumber: return .decimal
        default: break
        }
        switch (op, l, r) {
        case (.add, .string, .string): return .string
        case (.add, .list(let a), .list(let b)): return .list(a == b ? a : .dyn)
        case (.add, .timestamp, .duration), (.add, .duration, .timestamp), (.subtract, .timestamp, .duration): return .timestamp
        case (.add, .duration, .duration), (.subtract, .duration, .duration), (.subtract, .timestamp, .timestamp): return .duration
        default: return nil
        }
    }
}

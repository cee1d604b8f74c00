/// Turns a parsed expression into nested closures over `Value`: names resolve to slots,
/// constants and accessors once, pure calls on constants fold at compile time, and field
/// access on records carries the field's position. Nothing is looked up by name per
/// evaluation.
///
/// Compilation never fails: what the checker would reject compiles to an error value, so
/// unchecked expressions keep CEL's run-time error semantics (`undeclared || true` is `true`).
public struct Compiler {
    let environment: Environment
    /// Macro variables in scope, innermost last.
    var locals: [(name: String, slot: Int, type: RuleType)] = []
    /// The next slot for a macro variable or cached value.
    public private(set) var slotCount: Int

    public init(environment: Environment) {
        self.environment = environment
        self.slotCount = environment.reservedSlots
    }

    /// Compiles one expression; the activation that runs it needs `slotCount` slots.
    public mutating func compile(_ expr: Expr) -> Program {
        let compiled = compileNode(expr)
        return Program(evaluate: compiled.evaluate, constant: compiled.constant)
    }

    /// Reserves a slot (for a pack's cached `let` values, say).
    public mutating func allocateSlot() -> Int {
        defer { slotCount += 1 }
        return slotCount
    }

    /// A compiled node: its closure, its value when constant, and its best-known static
    /// type (used for record field positions).
    struct Compiled: Sendable {
        var evaluate: CompiledExpr
        var constant: Value?
        var type: RuleType

        static func constant(_ value: Value) -> Compiled {
            Compiled(evaluate: { _ in value }, constant: value, type: .of(value))
        }
    }

    mutating func compileNode(_ expr: Expr) -> Compiled {
        switch expr.kind {
        case .literal(let literal):
            return .constant(literal.value)
        case .identifier(let name):
            return compileIdentifier(name, range: expr.range)
        case .select(let target, let field, _):
            return compileSelect(target, field: field, range: expr.range)
        case .presenceTest(let target, let field, _):
            return compilePresenceTest(target, field: field, range: expr.range)
        case .index(let target, let index):
            return compileIndex(target, index, range: expr.range)
        case .call(let name, let args, _):
            return compileCall(name, receiver: nil, args, range: expr.range)
        case .receiverCall(let target, let name, let args, _):
            return compileCall(name, receiver: target, args, range: expr.range)
        case .unary(let op, let operand):
            return compileUnary(op, operand, range: expr.range)
        case .binary(let op, let left, let right):
            return compileBinary(op, left, right, range: expr.range)
        case .conditional(let condition, let then, let otherwise):
            return compileConditional(condition, then, otherwise, range: expr.range)
        case .list(let elements):
            return compileList(elements, range: expr.range)
        case .map(let entries):
            return compileMap(entries, range: expr.range)
        case .comprehension(let comprehension):
            return compileComprehension(comprehension, range: expr.range)
        case .invalid:
            return .constant(.failure(.invalidArgument("this expression could not be read"), at: expr.range))
        }
    }

    private mutating func compileIdentifier(_ name: String, range: SourceRange) -> Compiled {
        if let local = locals.last(where: { $0.name == name }) {
            let slot = local.slot
            return Compiled(evaluate: { $0.slots[slot] }, constant: nil, type: local.type)
        }
        guard let variable = environment.variables[name] else {
            return .constant(.failure(.unboundVariable(name), at: range))
        }
        switch variable.binding {
        case .slot(let slot):
            return Compiled(evaluate: { $0.slots[slot] }, constant: nil, type: variable.type)
        case .constant(let value):
            var compiled = Compiled.constant(value)
            compiled.type = variable.type
            return compiled
        case .computed(let evaluate):
            return Compiled(evaluate: evaluate, constant: nil, type: variable.type)
        case .cached(let slot, let program):
            if let constant = program.constant { return .constant(constant) }
            let evaluate = program.evaluate
            return Compiled(evaluate: { activation in
                if activation.stamps[slot] == activation.stamp { return activation.slots[slot] }
                let value = evaluate(activation)
                activation.slots[slot] = value
                activation.stamps[slot] = activation.stamp
                return value
            }, constant: nil, type: variable.type)
        case .hostObject:
            return .constant(.failure(.invalidArgument("'\(name)' is not a value by itself; use one of its fields, like \(name).tier"), at: range))
        }
    }

    /// Wraps an operation so that a new error gets this node's range.
    @inline(__always)
    static func located(_ value: Value, _ range: SourceRange) -> Value {
        if case .error(let error) = value, error.range == nil {
            return .failure(error.kind, at: range)
        }
        return value
    }
}

extension Literal {
    var value: Value {
        switch self {
        case .null: .null
        case .bool(let b): .bool(b)
        case .int(let i): .int(i)
        case .decimal(let d): .decimal(d)
        case .string(let s): .string(s)
        }
    }
}

/// Infers the static type of an expression and reports every problem it can find before
/// a single event is processed: unknown names and fields (with "did you mean"), calls to
/// unknown functions or with the wrong arguments, operators on the wrong types.
///
/// After an error the offending node gets type `.error`, which is silent downstream, so a
/// merchant sees one message per mistake.
public struct Checker {
    let environment: Environment
    let file: SourceFile
    public private(set) var diagnostics = DiagnosticBag()
    /// Macro variables in scope, innermost last.
    var locals: [(name: String, type: RuleType)] = []
    /// Warn about `int / int`, where a merchant likely meant an exact decimal (money and points).
    public var warnsOnIntegerDivision = false
    /// Paths like `event.note` that a `has()` test guards, so reading a field a record does
    /// not declare (a till's extra field) is allowed there. `check` adds the expression's own
    /// tests; a caller adds those its context guarantees (a rule's condition for its actions).
    public var guardedPaths: Set<String> = []

    public init(environment: Environment, file: SourceFile) {
        self.environment = environment
        self.file = file
    }

    /// Checks one expression and returns its type.
    @discardableResult
    public mutating func check(_ expr: Expr) -> RuleType {
        let outer = guardedPaths
        guardedPaths.formUnion(expr.presenceTestedPaths)
        defer { guardedPaths = outer }
        return checkNode(expr)
    }

    mutating func checkNode(_ expr: Expr) -> RuleType {
        switch expr.kind {
        case .literal(let literal):
            return RuleType.of(literal.value)
        case .identifier(let name):
            return checkIdentifier(name, range: expr.range)
        case .select(let target, let field, let fieldRange):
            return checkSelect(target, field: field, fieldRange: fieldRange, isPresenceTest: false)
        case .presenceTest(let target, let field, let fieldRange):
            checkSelect(target, field: field, fieldRange: fieldRange, isPresenceTest: true)
            return .bool
        case .index(let target, let index):
            return checkIndex(target, index, range: expr.range)
        case .call(let name, let args, let nameRange):
            return checkCall(name, receiver: nil, args, nameRange: nameRange)
        case .receiverCall(let target, let name, let args, let nameRange):
            return checkCall(name, receiver: target, args, nameRange: nameRange)
        case .unary(let op, let operand):
            return checkUnary(op, operand, range: expr.range)
        case .binary(let op, let left, let right):
            return checkBinary(op, left, right, range: expr.range)
        case .conditional(let condition, let then, let otherwise):
            requireBool(condition)
            let a = checkNode(then)
            let b = checkNode(otherwise)
            return a == b ? a : (a.isNumber && b.isNumber && a != .double && b != .double ? .decimal : .dyn)
        case .list(let elements):
            return .list(RuleType.common(elements.map { checkNode($0) }))
        case .map(let entries):
            return checkMapLiteral(entries)
        case .comprehension(let comprehension):
            return checkComprehension(comprehension)
        case .invalid:
            return .error
        }
    }

    /// Checks that an expression can be a condition.
    public mutating func requireBool(_ expr: Expr) {
        let type = check(expr)
        if !type.isUnknown, type != .bool {
            error(.conditionNotBool(type), at: expr.range)
        }
    }

    mutating func error(_ message: DiagnosticMessage, at range: SourceRange, help: String? = nil) {
        diagnostics.error(message, in: file, at: range, help: help)
    }

    mutating func warning(_ message: DiagnosticMessage, at range: SourceRange, help: String? = nil) {
        diagnostics.warning(message, in: file, at: range, help: help)
    }

    static func didYouMean(_ name: String, _ candidates: some Sequence<String>) -> String? {
        Suggestions.closest(to: name, among: candidates).map { "did you mean '\($0)'?" }
    }

    private mutating func checkIdentifier(_ name: String, range: SourceRange) -> RuleType {
        if let local = locals.last(where: { $0.name == name }) { return local.type }
        if let variable = environment.variables[name] {
            if case .hostObject = variable.binding {
                error(.notAValue(name), at: range)
                return .error
            }
            return variable.type
        }
        let candidates = Array(environment.variables.keys) + locals.map(\.name)
        error(.unknownName(name), at: range, help: Self.didYouMean(name, candidates))
        return .error
    }

    private mutating func checkMapLiteral(_ entries: [Expr.MapEntry]) -> RuleType {
        var keys: [RuleType] = []
        var values: [RuleType] = []
        for entry in entries {
            let key = checkNode(entry.key)
            if !key.isUnknown, ![RuleType.int, .string, .bool].contains(key) {
                error(.unsupportedMapKey(key), at: entry.key.range)
            }
            keys.append(key)
            values.append(checkNode(entry.value))
        }
        return .map(RuleType.common(keys), RuleType.common(values))
    }

    private mutating func checkComprehension(_ c: Expr.Comprehension) -> RuleType {
        let rangeType = checkNode(c.range)
        var element = RuleType.dyn
        switch rangeType {
        case .list(let e): element = e
        case .map(let k, _): element = k
        case .record: element = .string
        case .dyn, .error: element = .dyn
        default:
            error(.notAList(c.macro.rawValue, rangeType), at: c.range.range)
            element = .error
        }
        locals.append((c.variable, element))
        defer { locals.removeLast() }
        if let predicate = c.predicate { requireBool(predicate) }
        let transformed = c.transform.map { checkNode($0) }
        switch c.macro {
        case .all, .exists, .existsOne: return .bool
        case .filter:
            if case .record = rangeType { return .list(.string) }
            if case .map(let k, _) = rangeType { return .list(k) }
            return rangeType.isUnknown ? .list(.dyn) : rangeType
        case .map: return .list(transformed ?? .dyn)
        }
    }
}

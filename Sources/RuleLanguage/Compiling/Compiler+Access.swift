/// Field selection, `has()` and indexing.
extension Compiler {
    mutating func compileSelect(_ target: Expr, field: String, range: SourceRange) -> Compiled {
        if case .identifier(let name) = target.kind, let host = hostObject(named: name) {
            guard let hostField = host.fields[field] else {
                return .constant(.failure(.noFields(typeName: name, field: field), at: range))
            }
            return Compiled(evaluate: hostField.evaluate, constant: nil, type: hostField.type)
        }
        let compiledTarget = compileNode(target)
        var hint = 0
        var type = RuleType.dyn
        var fallback: Value?
        if case .record(let record) = compiledTarget.type, let (position, recordField) = record.field(named: field) {
            hint = position
            type = recordField.type
            fallback = recordField.defaultValue
        }
        let evaluateTarget = compiledTarget.evaluate
        let position = hint
        let missing = fallback ?? .failure(.noSuchKey("'\(field)'"), at: range)
        let operation: @Sendable (Value) -> Value = { value in
            switch value {
            case .map(let map):
                return map.value(forField: field, hint: position) ?? missing
            case .error:
                return value
            default:
                return .failure(.noFields(typeName: value.typeName, field: field), at: range)
            }
        }
        if let constant = compiledTarget.constant { return .constant(operation(constant)) }
        // `i.price` on a macro variable or a bound slot: the field is read from the slot in
        // place, in one closure (the innermost operation of item loops).
        if let slot = directSlot(of: target) {
            return Compiled(evaluate: { activation in
                if case .map(let map) = activation.slots[slot], let value = map.value(forField: field, hint: position) { return value }
                return operation(activation.slots[slot])
            }, constant: nil, type: type)
        }
        return Compiled(evaluate: { operation(evaluateTarget($0)) }, constant: nil, type: type)
    }

    /// The slot an identifier reads directly: a macro variable, or a variable the caller binds.
    func directSlot(of target: Expr) -> Int? {
        guard case .identifier(let name) = target.kind else { return nil }
        if let local = locals.last(where: { $0.name == name }) { return local.slot }
        if case .slot(let slot)? = environment.variables[name]?.binding { return slot }
        return nil
    }

    mutating func compilePresenceTest(_ target: Expr, field: String, range: SourceRange) -> Compiled {
        if case .identifier(let name) = target.kind, let host = hostObject(named: name) {
            return .constant(.bool(host.fields[field] != nil))
        }
        let compiledTarget = compileNode(target)
        let evaluateTarget = compiledTarget.evaluate
        var hint = 0
        if case .record(let record) = compiledTarget.type, let (position, _) = record.field(named: field) {
            hint = position
        }
        let position = hint
        let operation: @Sendable (Value) -> Value = { value in
            switch value {
            case .map(let map): return .bool(map.value(forField: field, hint: position) != nil)
            case .error: return value
            default: return .failure(.noFields(typeName: value.typeName, field: field), at: range)
            }
        }
        if let constant = compiledTarget.constant { return .constant(operation(constant)) }
        return Compiled(evaluate: { operation(evaluateTarget($0)) }, constant: nil, type: .bool)
    }

    mutating func compileIndex(_ target: Expr, _ index: Expr, range: SourceRange) -> Compiled {
        let compiledTarget = compileNode(target)
        let compiledIndex = compileNode(index)
        var type = RuleType.dyn
        switch compiledTarget.type {
        case .list(let element): type = element
        case .map(_, let value): type = value
        default: break
        }
        if let constant = compiledTarget.constant, let key = compiledIndex.constant {
            return .constant(Self.located(Self.index(constant, key), range))
        }
        let evaluateTarget = compiledTarget.evaluate
        let evaluateIndex = compiledIndex.evaluate
        return Compiled(evaluate: { activation in
            Self.located(Self.index(evaluateTarget(activation), evaluateIndex(activation)), range)
        }, constant: nil, type: type)
    }

    /// `list[i]` (an int, or an integral decimal or double) and `map[key]`.
    static func index(_ container: Value, _ key: Value) -> Value {
        switch (container, key) {
        case (.error, _): return container
        case (_, .error): return key
        case (.list(let elements), _):
            guard let position = integralIndex(key) else {
                return .failure(.noMatchingOverload(function: "[]", types: [container.typeName, key.typeName]))
            }
            guard position >= 0, position < Int64(elements.count) else {
                return .failure(.indexOutOfRange(index: String(position), count: elements.count))
            }
            return elements[Int(position)]
        case (.map(let map), _):
            switch key {
            case .int, .bool, .string, .decimal, .double:
                return map.value(forKey: key) ?? .failure(.noSuchKey(key.debugDescription))
            default:
                return .failure(.unsupportedKey(key.typeName))
            }
        default:
            return .failure(.noMatchingOverload(function: "[]", types: [container.typeName, key.typeName]))
        }
    }

    private static func integralIndex(_ key: Value) -> Int64? {
        switch key {
        case .int(let i): return i
        case .decimal(let d):
            guard let whole = d.truncated(), d.compare(to: whole) == 0 else { return nil }
            return whole
        case .double(let d):
            guard d.isFinite, d.rounded(.towardZero) == d, abs(d) < 9.2e18 else { return nil }
            return Int64(d)
        default: return nil
        }
    }

    /// The host object a name refers to, unless a macro variable shadows it.
    func hostObject(named name: String) -> HostObjectType? {
        guard !locals.contains(where: { $0.name == name }),
              let variable = environment.variables[name], case .hostObject = variable.binding else { return nil }
        return environment.hostObjects[name]
    }
}

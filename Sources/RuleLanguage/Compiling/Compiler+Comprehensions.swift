/// The macros `all`, `exists`, `exists_one`, `map` and `filter`. Each iteration binds the
/// variable in its own slot and counts against the activation's step budget, so a rule
/// looping over a huge list fails cleanly instead of stalling the stream.
extension Compiler {
    mutating func compileComprehension(_ c: Expr.Comprehension, range: SourceRange) -> Compiled {
        let compiledRange = compileNode(c.range)
        var elementType = RuleType.dyn
        switch compiledRange.type {
        case .list(let element): elementType = element
        case .map(let key, _): elementType = key
        default: break
        }
        let slot = allocateSlot()
        locals.append((c.variable, slot, elementType))
        let predicate = c.predicate.map { compileNode($0) }
        let transform = c.transform.map { compileNode($0) }
        locals.removeLast()
        let evaluateRange = compiledRange.evaluate
        let loop = Self.loop(c.macro, slot: slot, predicate: predicate, transform: transform, range: range)
        let type: RuleType
        switch c.macro {
        case .all, .exists, .existsOne: type = .bool
        case .filter: type = compiledRange.type
        case .map: type = .list(transform?.type ?? .dyn)
        }
        return Compiled(evaluate: { activation in
            let source = evaluateRange(activation)
            let elements: [Value]
            switch source {
            case .list(let list): elements = list
            case .map(let map): elements = map.keys
            case .error: return source
            default:
                return .failure(.noMatchingOverload(function: c.macro.rawValue, types: [source.typeName]), at: range)
            }
            activation.steps += elements.count
            if activation.steps > activation.stepLimit {
                return .failure(.costLimitExceeded(activation.stepLimit), at: range)
            }
            return loop(activation, elements)
        }, constant: nil, type: type)
    }

    /// The loop of one macro. Predicates and transforms stay inside `Compiled` structs (not
    /// optional closures) so they are called directly.
    private static func loop(_ macro: Expr.Comprehension.Macro, slot: Int, predicate compiledPredicate: Compiled?,
                             transform compiledTransform: Compiled?, range: SourceRange) -> @Sendable (Activation, [Value]) -> Value {
        switch macro {
        case .all, .exists:
            let deciding = macro == .exists
            let predicate = compiledPredicate!.evaluate
            return { activation, elements in
                var firstError: Value?
                let decided = activation.forEach(elements, inSlot: slot) { _ in
                    switch predicate(activation) {
                    case .bool(deciding): return .bool(deciding)
                    case .bool: return nil
                    case .error(let error): firstError = firstError ?? .error(error)
                    case let other:
                        firstError = firstError ?? .failure(.noMatchingOverload(function: macro.rawValue, types: [other.typeName]), at: range)
                    }
                    return nil
                }
                return decided ?? firstError ?? .bool(!deciding)
            }
        case .existsOne:
            let predicate = compiledPredicate!.evaluate
            return { activation, elements in
                var count = 0
                let failed = activation.forEach(elements, inSlot: slot) { _ in
                    switch predicate(activation) {
                    case .bool(true): count += 1
                    case .bool(false): break
                    case .error(let error): return .error(error)
                    case let other: return .failure(.noMatchingOverload(function: "exists_one", types: [other.typeName]), at: range)
                    }
                    return nil
                }
                return failed ?? .bool(count == 1)
            }
        case .filter:
            let predicate = compiledPredicate!.evaluate
            return { activation, elements in
                var kept: [Value] = []
                let failed = activation.forEach(elements, inSlot: slot) { position in
                    switch predicate(activation) {
                    case .bool(true): kept.append(elements[position])
                    case .bool(false): break
                    case .error(let error): return .error(error)
                    case let other: return .failure(.noMatchingOverload(function: "filter", types: [other.typeName]), at: range)
                    }
                    return nil
                }
                return failed ?? .list(kept)
            }
        case .map:
            let transform = compiledTransform!.evaluate
            let mapPredicate = compiledPredicate?.evaluate
            return { activation, elements in
                var mapped: [Value] = []
                mapped.reserveCapacity(elements.count)
                let failed = activation.forEach(elements, inSlot: slot) { _ in
                    if let mapPredicate {
                        switch mapPredicate(activation) {
                        case .bool(true): break
                        case .bool(false): return nil
                        case .error(let error): return .error(error)
                        case let other: return .failure(.noMatchingOverload(function: "map", types: [other.typeName]), at: range)
                        }
                    }
                    let value = transform(activation)
                    if case .error = value { return value }
                    mapped.append(value)
                    return nil
                }
                return failed ?? .list(mapped)
            }
        }
    }
}

/// Fused loops for the shapes rules use most: `list.filter(x, p).map(y, t).sum()` (and
/// `map(…).sum()`, `filter(…).size()`) run as one loop with one running total, without
/// building the intermediate lists. Results are those of the unfused expression; only
/// which error is reported first may differ when several elements fail.
extension Compiler {
    /// A fused compilation of `receiver.name()`, or nil when the shape does not apply.
    mutating func compileFused(_ name: String, receiver: Expr, range: SourceRange) -> Compiled? {
        guard case .comprehension(let outer) = receiver.kind else { return nil }
        switch (name, outer.macro) {
        case ("sum", .map):
            return compileFusedLoop(outer, range: range, isSum: true)
        case ("size", .filter):
            return compileFusedLoop(outer, range: range, isSum: false)
        default:
            return nil
        }
    }

    /// One loop over the source list: an optional inner filter, the outer predicate, then
    /// (for sums) the transform added to the total.
    private mutating func compileFusedLoop(_ outer: Expr.Comprehension, range: SourceRange, isSum: Bool) -> Compiled {
        var source = outer.range
        var innerFilter: FusedFilter?
        var sourceType = RuleType.dyn
        if isSum, case .comprehension(let inner) = source.kind, inner.macro == .filter, let predicate = inner.predicate {
            let compiledSource = compileNode(inner.range)
            sourceType = compiledSource.type
            let slot = allocateSlot()
            locals.append((inner.variable, slot, Self.elementType(of: sourceType)))
            innerFilter = FusedFilter(slot: slot, predicate: compileNode(predicate))
            locals.removeLast()
            source = inner.range
            return finishFusedLoop(compiledSource, innerFilter: innerFilter, outer: outer, range: range, isSum: isSum)
        }
        let compiledSource = compileNode(source)
        return finishFusedLoop(compiledSource, innerFilter: nil, outer: outer, range: range, isSum: isSum)
    }

    private mutating func finishFusedLoop(_ compiledSource: Compiled, innerFilter: FusedFilter?,
                                          outer: Expr.Comprehension, range: SourceRange, isSum: Bool) -> Compiled {
        let elementType = Self.elementType(of: compiledSource.type)
        // The filter's variable and the map's hold the same element: one slot serves both.
        let slot = innerFilter?.slot ?? allocateSlot()
        locals.append((outer.variable, slot, elementType))
        let predicate = outer.predicate.map { compileNode($0) }
        let transform = outer.transform.map { compileNode($0) }
        locals.removeLast()
        let evaluateSource = compiledSource.evaluate
        // Only the closures are captured: copying a `Compiled` (with its type) per element
        // would retain and release the type's payloads each time.
        let evaluateFilter = innerFilter?.predicate.evaluate
        let evaluatePredicate = predicate?.evaluate
        let evaluateTransform = transform?.evaluate
        // Errors name the macro the unfused expression would have failed in: the innermost.
        let macroName = innerFilter != nil ? "filter" : outer.macro.rawValue
        let loop: @Sendable (Activation) -> Value = { activation in
            let sourceValue = evaluateSource(activation)
            let elements: [Value]
            switch sourceValue {
            case .list(let list): elements = list
            case .map(let map): elements = map.keys
            case .error: return sourceValue
            default: return .failure(.noMatchingOverload(function: macroName, types: [sourceValue.typeName]), at: range)
            }
            activation.steps += elements.count
            if activation.steps > activation.stepLimit {
                return .failure(.costLimitExceeded(activation.stepLimit), at: range)
            }
            var total: Value = .int(0)
            var count: Int64 = 0
            let stopped = activation.forEach(elements, inSlot: slot) { _ in
                if let evaluateFilter {
                    switch evaluateFilter(activation) {
                    case .bool(true):
                        // The unfused map would iterate this kept element again: charge it the same.
                        activation.steps += 1
                        if activation.steps > activation.stepLimit {
                            return .failure(.costLimitExceeded(activation.stepLimit), at: range)
                        }
                    case .bool(false): return nil
                    case .error(let error): return .error(error)
                    case let other: return .failure(.noMatchingOverload(function: "filter", types: [other.typeName]), at: range)
                    }
                }
                if let evaluatePredicate {
                    switch evaluatePredicate(activation) {
                    case .bool(true): break
                    case .bool(false): return nil
                    case .error(let error): return .error(error)
                    case let other: return .failure(.noMatchingOverload(function: isSum ? "map" : "filter", types: [other.typeName]), at: range)
                    }
                }
                guard let evaluateTransform else {
                    count += 1
                    return nil
                }
                let value = evaluateTransform(activation)
                if case .error = value { return value }
                total = count == 0 ? value : Arithmetic.add(total, value)
                count += 1
                if case .error = total { return Self.located(total, range) }
                return nil
            }
            if let stopped { return stopped }
            guard isSum else { return .int(count) }
            switch total {
            case .int, .decimal, .double, .duration: return total
            default: return .failure(.noMatchingOverload(function: "sum", types: [total.typeName]), at: range)
            }
        }
        let type: RuleType = isSum ? (transform?.type ?? .dyn) : .int
        return Compiled(evaluate: loop, constant: nil, type: type)
    }

    static func elementType(of type: RuleType) -> RuleType {
        switch type {
        case .list(let element): element
        case .map(let key, _): key
        default: .dyn
        }
    }
}

/// The filter folded into a fused loop.
struct FusedFilter: Sendable {
    let slot: Int
    let predicate: Compiler.Compiled
}

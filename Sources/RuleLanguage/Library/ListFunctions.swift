/// List extensions: `sum()`, `min()`, `max()`.
enum ListFunctions {
    static func register(in table: inout FunctionTable) {
        let elementType: @Sendable ([RuleType]) -> RuleType = { types in
            if case .list(let element)? = types.first { return element }
            return .dyn
        }
        table.addUnary("sum", [.receiver], [FunctionSignature([.list(.dyn)], .dyn)], resultType: { types in
            let element = elementType(types)
            return element == .dyn ? .dyn : element
        }) { value in
            guard case .list(let elements) = value else { return noOverload("sum", value) }
            return sum(elements)
        }
        for (name, wantsLarger) in [("min", false), ("max", true)] {
            table.addUnary(name, [.receiver], [FunctionSignature([.list(.dyn)], .dyn)], resultType: elementType) { value in
                guard case .list(let elements) = value else { return noOverload(name, value) }
                return extreme(elements, name: name, wantsLarger: wantsLarger)
            }
        }
    }

    /// The sum of numbers (int stays int until a decimal joins) or of durations; 0 when empty.
    static func sum(_ elements: [Value]) -> Value {
        guard var total = elements.first else { return .int(0) }
        if case .error = total { return total }
        for element in elements.dropFirst() {
            total = Arithmetic.add(total, element)
            if case .error = total { return total }
        }
        switch total {
        case .int, .decimal, .double, .duration: return total
        default: return noOverload("sum", total)
        }
    }

    /// The least or greatest element by the language's ordering; an error for an empty list.
    static func extreme(_ elements: [Value], name: String, wantsLarger: Bool) -> Value {
        guard var best = elements.first else {
            return .failure(.invalidArgument("\(name)() of an empty list"))
        }
        if case .error = best { return best }
        for element in elements.dropFirst() {
            switch Comparison.order(wantsLarger ? .greater : .less, element, best) {
            case .bool(true): best = element
            case .bool(false): continue
            case let other: return other
            }
        }
        return best
    }
}

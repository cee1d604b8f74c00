/// List and map literals. Both are strict: any error element makes the literal an error.
extension Compiler {
    mutating func compileList(_ elements: [Expr], range: SourceRange) -> Compiled {
        let compiled = elements.map { compileNode($0) }
        let type = RuleType.list(RuleType.common(compiled.map(\.type)))
        if compiled.allSatisfy({ $0.constant != nil }) {
            var folded = Compiled.constant(Self.makeList(compiled.map { $0.constant! }))
            folded.type = type
            return folded
        }
        let evaluates = compiled.map(\.evaluate)
        return Compiled(evaluate: { activation in
            var values: [Value] = []
            values.reserveCapacity(evaluates.count)
            for evaluate in evaluates {
                let value = evaluate(activation)
                if case .error = value { return value }
                values.append(value)
            }
            return .list(values)
        }, constant: nil, type: type)
    }

    private static func makeList(_ values: [Value]) -> Value {
        for value in values where value.isError { return value }
        return .list(values)
    }

    mutating func compileMap(_ entries: [Expr.MapEntry], range: SourceRange) -> Compiled {
        let keys = entries.map { compileNode($0.key) }
        let values = entries.map { compileNode($0.value) }
        let type = RuleType.map(RuleType.common(keys.map(\.type)), RuleType.common(values.map(\.type)))
        let keyRanges = entries.map(\.key.range)
        if keys.allSatisfy({ $0.constant != nil }) && values.allSatisfy({ $0.constant != nil }) {
            var folded = Compiled.constant(Self.makeMap(keys.map { $0.constant! }, values.map { $0.constant! }, keyRanges))
            folded.type = type
            return folded
        }
        let evaluateKeys = keys.map(\.evaluate), evaluateValues = values.map(\.evaluate)
        return Compiled(evaluate: { activation in
            Self.makeMap(evaluateKeys.map { $0(activation) }, evaluateValues.map { $0(activation) }, keyRanges)
        }, constant: nil, type: type)
    }

    /// Checks key types and duplicates, as CEL's map literals do.
    static func makeMap(_ keys: [Value], _ values: [Value], _ keyRanges: [SourceRange]) -> Value {
        var entries: [ValueMap.Entry] = []
        entries.reserveCapacity(keys.count)
        for (position, key) in keys.enumerated() {
            switch key {
            case .error: return key
            case .int, .bool, .string: break
            default: return .failure(.unsupportedKey(key.typeName), at: keyRanges[position])
            }
            if case .error = values[position] { return values[position] }
            if entries.contains(where: { $0.key.isSameKey(as: key) }) {
                return .failure(.duplicateKey(key.debugDescription), at: keyRanges[position])
            }
            entries.append(ValueMap.Entry(key: key, value: values[position]))
        }
        return .map(ValueMap(uniqueEntries: entries))
    }
}

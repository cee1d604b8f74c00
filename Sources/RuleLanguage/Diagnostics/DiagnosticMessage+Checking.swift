/// The catalogue of type-checking messages, sorted by name. Each id is stable.
extension DiagnosticMessage {
    public static func conditionNotBool(_ type: RuleType) -> DiagnosticMessage {
        DiagnosticMessage(id: "condition-not-bool", "a condition must be true or false, but this is \(type.withArticle)")
    }

    public static func integerDivision() -> DiagnosticMessage {
        DiagnosticMessage(id: "integer-division", "this divides two whole numbers, so the result is rounded down to a whole number",
                          help: "write a decimal (10.0) or decimal(x) to keep the fraction, or floor(...) to say the rounding is intended")
    }

    public static func invalidRegex(_ reason: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "invalid-regex", "this pattern is not a valid regular expression: \(reason)",
                          help: "patterns use RE2 syntax; backreferences and lookaround are not available")
    }

    public static func noFields(_ type: RuleType, field: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "no-fields", "\(type.withArticle) has no fields, so '.\(field)' cannot be read")
    }

    public static func notAList(_ macro: String, _ type: RuleType) -> DiagnosticMessage {
        DiagnosticMessage(id: "macro-not-list", "\(macro)() works on a list or map, but this is \(type.withArticle)")
    }

    public static func notIndexable(_ type: RuleType) -> DiagnosticMessage {
        DiagnosticMessage(id: "not-indexable", "\(type.withArticle) cannot be indexed with [ ]")
    }

    public static func notAValue(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "not-a-value", "'\(name)' is not a value by itself",
                          help: "use one of its fields, like \(name).tier")
    }

    public static func operatorMismatch(_ symbol: String, _ left: RuleType, _ right: RuleType) -> DiagnosticMessage {
        DiagnosticMessage(id: "operator-mismatch", "'\(symbol)' cannot be applied to \(left.withArticle) and \(right.withArticle)")
    }

    public static func unaryMismatch(_ symbol: String, _ type: RuleType) -> DiagnosticMessage {
        DiagnosticMessage(id: "operator-mismatch", "'\(symbol)' cannot be applied to \(type.withArticle)")
    }

    public static func unknownField(_ field: String, on owner: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "unknown-field", "\(owner) has no field '\(field)'")
    }

    public static func unknownFunction(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "unknown-function", "there is no function called '\(name)'")
    }

    public static func unknownMethod(_ name: String, on type: RuleType) -> DiagnosticMessage {
        DiagnosticMessage(id: "unknown-function", "\(type.withArticle) has no function '\(name)'")
    }

    public static func unknownName(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "unknown-name", "unknown name '\(name)'")
    }

    public static func unsupportedMapKey(_ type: RuleType) -> DiagnosticMessage {
        DiagnosticMessage(id: "unsupported-key", "\(type.withArticle) cannot be a map key",
                          help: "map keys are whole numbers, strings or true/false")
    }

    public static func wrongArgumentCount(_ name: String, expected: [Int], found: Int) -> DiagnosticMessage {
        // `min` takes 2…8 arguments: "2 to 8", not "2 or 3 or 4 or 5 or 6 or 7 or 8".
        let isRange = expected.count > 2 && expected.last! - expected.first! == expected.count - 1
        let counts = isRange ? "\(expected.first!) to \(expected.last!)" : expected.map(String.init).joined(separator: " or ")
        let noun = expected == [1] ? "argument" : "arguments"
        return DiagnosticMessage(id: "wrong-argument-count", "'\(name)' takes \(counts) \(noun), but \(found) \(found == 1 ? "was" : "were") given")
    }

    public static func wrongArgumentTypes(_ name: String, _ types: [RuleType]) -> DiagnosticMessage {
        let list = types.map(\.withArticle).joined(separator: " and ")
        return DiagnosticMessage(id: "wrong-argument-types", "'\(name)' cannot be applied to \(list)")
    }
}

extension RuleType {
    /// "a decimal", "an int", "a list of decimal", for sentences.
    public var withArticle: String {
        let text = description
        let vowel = text.first.map { "aeiou".contains($0) } ?? false
        return (vowel ? "an " : "a ") + text
    }
}

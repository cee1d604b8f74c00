/// Why an evaluation failed, with the range of the node that failed so that a rejected
/// event can name the rule's file, line and column. `Equatable`, so tests compare values.
public struct EvaluationError: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case divisionByZero
        case moduloByZero
        case integerOverflow
        case decimalOverflow
        /// A map has no such key (`m['k']`, `m.k`).
        case noSuchKey(String)
        /// `x.f` on a value that has no fields.
        case noFields(typeName: String, field: String)
        case indexOutOfRange(index: String, count: Int)
        /// An operator or function applied to types it does not accept.
        case noMatchingOverload(function: String, types: [String])
        case unboundVariable(String)
        case unknownFunction(String)
        /// A value outside a type's range (timestamps, durations, int conversions).
        case outOfRange(String)
        /// A conversion whose input cannot be read (`int('abc')`, `bool('maybe')`).
        case conversion(String)
        /// A repeated key in a map literal.
        case duplicateKey(String)
        /// A value that cannot be a map key (null, decimal, double, list, map).
        case unsupportedKey(String)
        case invalidArgument(String)
        case invalidRegex(String)
        /// The per-event evaluation budget ran out (e.g. a macro over a huge list).
        case costLimitExceeded(Int)
    }

    public var kind: Kind
    public var range: SourceRange?

    public init(_ kind: Kind, at range: SourceRange? = nil) {
        self.kind = kind
        self.range = range
    }

    /// One plain sentence, lower-case, no final period.
    public var message: String {
        switch kind {
        case .divisionByZero: "division by zero"
        case .moduloByZero: "modulus by zero"
        case .integerOverflow: "whole-number overflow (the result does not fit in 64 bits)"
        case .decimalOverflow: "decimal overflow (the result has more than 38 digits)"
        case .noSuchKey(let key): "no such key: \(key)"
        case .noFields(let type, let field): "\(Self.article(type)) \(type) has no field '\(field)'"
        case .indexOutOfRange(let index, let count): "index \(index) is out of range for a list of \(count)"
        case .noMatchingOverload(let function, let types):
            "no matching overload: '\(function)' cannot be applied to (\(types.joined(separator: ", ")))"
        case .unboundVariable(let name): "undeclared reference to '\(name)'"
        case .unknownFunction(let name): "unknown function '\(name)'"
        case .outOfRange(let what): "\(what) is out of range"
        case .conversion(let what): "type conversion error: \(what)"
        case .duplicateKey(let key): "repeated key \(key) in a map"
        case .unsupportedKey(let type): "\(Self.article(type)) \(type) cannot be a map key"
        case .invalidArgument(let what): what
        case .invalidRegex(let what): "invalid regular expression: \(what)"
        case .costLimitExceeded(let limit): "the evaluation took more than \(limit) steps"
        }
    }

    /// "an" before type names that start with a vowel (`an int`, `an error`), else "a".
    private static func article(_ typeName: String) -> String {
        typeName.first.map { "aeiou".contains($0) } == true ? "an" : "a"
    }
}

/// An expression's syntax tree: a kind and the source range it was parsed from.
///
/// Value types and an exhaustive `switch` replace a visitor class hierarchy. The parser
/// bounds the tree's height (`ParserLimits`), so building, checking and releasing it never
/// recurses deeper than that.
public struct Expr: Sendable {
    public var kind: Kind
    public var range: SourceRange
    /// The number of levels in this tree (a leaf is 1); the parser rejects trees taller than
    /// `ParserLimits.maximumHeight`, so every later stage may recurse safely.
    public private(set) var height: Int32

    public init(_ kind: Kind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
        self.height = 1 + kind.children.reduce(0) { max($0, $1.height) }
    }

    public indirect enum Kind: Sendable {
        case literal(Literal)
        case identifier(String)
        /// `target.field`; `fieldRange` locates the field name for "no field" diagnostics.
        case select(Expr, field: String, fieldRange: SourceRange)
        /// `has(target.field)`.
        case presenceTest(Expr, field: String, fieldRange: SourceRange)
        case index(Expr, Expr)
        /// `name(args)`.
        case call(String, [Expr], nameRange: SourceRange)
        /// `target.name(args)`.
        case receiverCall(Expr, String, [Expr], nameRange: SourceRange)
        case unary(UnaryOperator, Expr)
        case binary(BinaryOperator, Expr, Expr)
        case conditional(Expr, Expr, Expr)
        case list([Expr])
        case map([MapEntry])
        /// A macro over a list or map (`all`, `exists`, `exists_one`, `map`, `filter`).
        case comprehension(Comprehension)
        /// Stands in for text that failed to parse; already reported.
        case invalid
    }

    public struct MapEntry: Sendable {
        public var key: Expr
        public var value: Expr
    }

    /// `range.macro(variable, predicate)` or `range.map(variable, [filter,] transform)`.
    public struct Comprehension: Sendable {
        public enum Macro: String, Sendable {
            case all, exists, existsOne = "exists_one", map, filter
        }
        public var macro: Macro
        public var range: Expr
        public var variable: String
        public var variableRange: SourceRange
        /// The predicate of all/exists/exists_one/filter, or the filter of a three-argument map.
        public var predicate: Expr?
        /// The transform of map.
        public var transform: Expr?
    }
}

/// A constant written in the source.
public enum Literal: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case decimal(ExactDecimal)
    case string(String)
}

public enum UnaryOperator: String, Sendable {
    case not = "!"
    case negate = "-"
}

/// Binary operators, named so a `switch` in every stage is exhaustive.
public enum BinaryOperator: String, Sendable, CaseIterable {
    case or = "||"
    case and = "&&"
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
    case `in` = "in"
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case remainder = "%"

    /// Binding strength, tightest highest (CEL's table: `* / %` 5, `+ -` 4, relations 3, `&&` 2, `||` 1).
    public var precedence: Int {
        switch self {
        case .or: 1
        case .and: 2
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .in: 3
        case .add, .subtract: 4
        case .multiply, .divide, .remainder: 5
        }
    }
}

extension Expr.Kind {
    /// The direct subexpressions, in source order.
    public var children: [Expr] {
        switch self {
        case .literal, .identifier, .invalid: []
        case .select(let target, _, _), .presenceTest(let target, _, _): [target]
        case .index(let target, let index): [target, index]
        case .call(_, let args, _): args
        case .receiverCall(let target, _, let args, _): [target] + args
        case .unary(_, let operand): [operand]
        case .binary(_, let left, let right): [left, right]
        case .conditional(let condition, let then, let otherwise): [condition, then, otherwise]
        case .list(let elements): elements
        case .map(let entries): entries.flatMap { [$0.key, $0.value] }
        case .comprehension(let c): [c.range] + [c.predicate, c.transform].compactMap { $0 }
        }
    }
}

extension Expr {
    /// The paths tested with `has()` anywhere in this expression, written `event.note`.
    public var presenceTestedPaths: Set<String> {
        var paths = Set<String>()
        var stack = [self]
        while let node = stack.popLast() {
            stack.append(contentsOf: node.kind.children)
            if case .presenceTest(let target, let field, _) = node.kind, let path = target.path {
                paths.insert(path + "." + field)
            }
        }
        return paths
    }

    /// `a`, `a.b`, `a.b.c`: the expression written as a path of names, or nil.
    public var path: String? {
        switch kind {
        case .identifier(let name): name
        case .select(let target, let field, _): target.path.map { $0 + "." + field }
        default: nil
        }
    }
}

@testable import RuleLanguage

/// Renders a syntax tree with every operator application in parentheses, so a precedence
/// test states the tree as text: `a + b * c` prints `(a + (b * c))`. Macros print in a form
/// no call can take (`[all x in xs: p]`), so a test sees which calls became macros.
enum TreePrinter {
    static func render(_ expr: Expr) -> String {
        switch expr.kind {
        case .literal(let literal): return render(literal)
        case .identifier(let name): return name
        case .select(let target, let field, _): return "\(render(target)).\(field)"
        case .presenceTest(let target, let field, _): return "has(\(render(target)).\(field))"
        case .index(let target, let index): return "\(render(target))[\(render(index))]"
        case .call(let name, let args, _): return "\(name)(\(list(args)))"
        case .receiverCall(let target, let name, let args, _): return "\(render(target)).\(name)(\(list(args)))"
        case .unary(let op, let operand): return "(\(op.rawValue)\(render(operand)))"
        case .binary(let op, let left, let right): return "(\(render(left)) \(op.rawValue) \(render(right)))"
        case .conditional(let c, let t, let o): return "(\(render(c)) ? \(render(t)) : \(render(o)))"
        case .list(let elements): return "[\(list(elements))]"
        case .map(let entries): return "{" + entries.map { "\(render($0.key)): \(render($0.value))" }.joined(separator: ", ") + "}"
        case .comprehension(let c):
            let head = "[\(c.macro.rawValue) \(c.variable) in \(render(c.range))"
            switch (c.macro, c.predicate, c.transform) {
            case (.map, let filter?, let transform?): return "\(head) if \(render(filter)): \(render(transform))]"
            case (.map, nil, let transform?): return "\(head): \(render(transform))]"
            case (_, let predicate?, _): return "\(head): \(render(predicate))]"
            default: return "\(head)]"
            }
        case .invalid: return "<invalid>"
        }
    }

    private static func render(_ literal: Literal) -> String {
        switch literal {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .int(let i): String(i)
        case .decimal(let d): d.description
        case .string(let s): Value.string(s).debugDescription
        }
    }

    private static func list(_ exprs: [Expr]) -> String {
        exprs.map(render).joined(separator: ", ")
    }
}

/// Parses an expression for the syntax tables.
enum Parse {
    /// The tree printed by `TreePrinter`, and every diagnostic as `line:col: message`.
    static func expression(_ source: String) -> (tree: String, diagnostics: [String]) {
        let (expr, diagnostics) = Parser.parseExpression(SourceFile(name: "<test>", text: source))
        return (TreePrinter.render(expr), diagnostics.sorted.map(summary))
    }
}

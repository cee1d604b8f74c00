import RuleLanguage

/// Warns where a rule reads an optional event field (`referrer`, `count`, `redeem_points`,
/// …) without testing it with `has()`: for events that lack the field the rule would fail at
/// run time and reject the whole event.
extension PackCompiler {
    /// Checks one expression, given the fields some enclosing expression already tests.
    mutating func checkOptionalFields(_ expr: Expr, record: RecordType, guarded: Set<String>) {
        let tested = guarded.union(expr.testedEventFields)
        var stack = [expr]
        var warned = Set<String>()
        while let node = stack.popLast() {
            stack.append(contentsOf: node.kind.children)
            guard case .select(let target, let field, let fieldRange) = node.kind,
                  case .identifier("event") = target.kind,
                  let (_, definition) = record.field(named: field), definition.isOptional,
                  !tested.contains(field), warned.insert(field).inserted else { continue }
            diagnostics.warning(.unguardedOptionalField(field, on: record.displayName), in: file, at: fieldRange)
        }
    }
}

extension Expr {
    /// The `event` fields tested with `has(event.field)` anywhere in this expression.
    var testedEventFields: Set<String> {
        var fields = Set<String>()
        var stack = [self]
        while let node = stack.popLast() {
            stack.append(contentsOf: node.kind.children)
            if case .presenceTest(let target, let field, _) = node.kind, case .identifier("event") = target.kind {
                fields.insert(field)
            }
        }
        return fields
    }
}

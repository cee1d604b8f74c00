import RuleLanguage

/// Warns where a rule reads an optional event field (`referrer`, `count`, `redeem_points`,
/// …) without testing it with `has()`: for events that lack the field the rule would fail at
/// run time and reject the whole event.
extension PackCompiler {
    /// Checks one expression, given the paths (`event.referrer`) the rule's condition tests.
    mutating func checkOptionalFields(_ expr: Expr, record: RecordType, guarded: Set<String>) {
        let tested = guarded.union(expr.presenceTestedPaths)
        var stack = [expr]
        var warned = Set<String>()
        while let node = stack.popLast() {
            stack.append(contentsOf: node.kind.children)
            guard case .select(let target, let field, let fieldRange) = node.kind,
                  case .identifier("event") = target.kind,
                  let (_, definition) = record.field(named: field), definition.isOptional,
                  !tested.contains("event." + field), warned.insert(field).inserted else { continue }
            diagnostics.warning(.unguardedOptionalField(field, on: record.displayName), in: file, at: fieldRange)
        }
    }
}

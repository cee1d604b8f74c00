import Testing
@testable import RuleLanguage

/// A purchase's items as the engine builds them: maps with sku, category, qty, price.
private func item(_ sku: String, _ category: String, _ qty: Value, _ price: String) -> Value {
    .map(ValueMap(fields: [("sku", .string(sku)), ("category", .string(category)), ("qty", qty),
                           ("price", .decimal(ExactDecimal(price)!))]))
}

private let basket: Value = .list([
    item("A1", "grocery", .int(2), "12.50"), item("B2", "tobacco", .int(1), "45.00"),
    item("C3", "winter-apparel", .int(1), "399.90"), item("D4", "gift-card", .int(1), "100"),
    item("E5", "grocery", .int(3), "0.99"), item("F6", "winter-apparel", .int(2), "59.95"),
])

/// The fused loops (`filter(…).map(…).sum()`, `map(…).sum()`, `filter(…).size()`) must
/// give what the same macros give one at a time. `dyn(…)` around a receiver stops fusion.
@Suite struct FusionTests {
    private static let bindings: [(String, Value)] = [
        ("items", basket), ("excluded", .list([.string("tobacco"), .string("gift-card")])),
        ("mixed", .list([.int(1), .decimal(ExactDecimal("2.5")!), .int(3)])), ("empty", .list([])),
        ("big", .list([.int(Int64.max), .int(1)])), ("words", .list([.string("a"), .string("b")])),
        ("keys", .map(ValueMap(fields: [("a", .int(1)), ("bb", .int(2))]))), ("number", .int(7)),
        ("zero", .int(0)),
    ]

    /// Rows: the filter predicate (over `i`), the map transform (over `j`), and the
    /// expected sum; the source list is `items` unless the predicate names another.
    @Test(arguments: [
        ("items", "!(i.category in excluded)", "j.price * j.qty", "decimal 547.77"),
        ("items", "i.category == 'winter-apparel'", "j.price * j.qty", "decimal 519.80"),
        ("items", "i.category == 'none'", "j.price * j.qty", "int 0"),
        ("items", "i.qty > 1", "j.qty", "int 7"),
        ("items", "true", "j.price", "decimal 618.34"),
        ("items", "i.qty > 1", "j.missing", "error: no such key: 'missing'"),
        ("items", "i.missing", "j.qty", "error: no such key: 'missing'"),
        ("items", "i.qty", "j.qty", "error: no matching overload: 'filter' cannot be applied to (int)"),
        ("items", "i.qty > 0", "j.qty / zero", "error: division by zero"),
        ("items", "i.qty > 0", "j.sku", "error: no matching overload: 'sum' cannot be applied to (string)"),
        ("mixed", "i != 2.5", "j", "int 4"), ("mixed", "true", "j", "decimal 6.5"), ("empty", "true", "j", "int 0"),
        ("big", "true", "j", "error: whole-number overflow (the result does not fit in 64 bits)"),
        ("words", "true", "j", "error: no matching overload: 'sum' cannot be applied to (string)"),
        ("keys", "true", "size(j)", "int 3"), ("number", "true", "j", "error: no matching overload: 'filter' cannot be applied to (int)"),
    ])
    func filterMapSum(source: String, predicate: String, transform: String, outcome: String) {
        let fused = "\(source).filter(i, \(predicate)).map(j, \(transform)).sum()"
        let halfFused = "dyn(\(source).filter(i, \(predicate))).map(j, \(transform)).sum()"
        let unfused = "dyn(\(source).filter(i, \(predicate)).map(j, \(transform))).sum()"
        #expect(Evaluation.outcome(of: unfused, bindings: Self.bindings) == outcome, "unfused")
        #expect(Evaluation.outcome(of: fused, bindings: Self.bindings) == outcome, "fused")
        #expect(Evaluation.outcome(of: halfFused, bindings: Self.bindings) == outcome, "map-sum fused")
    }

    /// Same variable name in both macros, and a three-argument map, fused and not.
    @Test(arguments: [
        ("items.filter(i, i.qty > 1).map(i, i.price * i.qty).sum()", "decimal 147.87"),
        ("items.map(i, i.qty > 1, i.price * i.qty).sum()", "decimal 147.87"),
        ("items.filter(i, i.qty > 0).map(i, i.qty > 1, i.price * i.qty).sum()", "decimal 147.87"),
        ("items.filter(i, i.category != 'tobacco').map(i, i.category != 'gift-card', i.qty).sum()", "int 8"),
        ("floor(items.filter(i, !(i.category in excluded)).map(i, i.price * i.qty).sum() * 1.5)", "int 821"),
        ("items.map(i, i.qty).sum() + items.map(i, i.qty).sum()", "int 20"),
        ("[1, 2, 3].map(x, x * 2).sum()", "int 12"), ("[1, 2, 3].filter(x, x > 1).size()", "int 2"),
        ("items.filter(i, i.qty > 1).map(j, i.qty).sum()", "error: undeclared reference to 'i'"),
    ])
    func variants(source: String, outcome: String) {
        #expect(Evaluation.outcome(of: source, bindings: Self.bindings) == outcome)
        let unfused = source.replacingOccurrences(of: ".sum()", with: "").replacingOccurrences(of: ".size()", with: "")
        if unfused != source, !source.contains("floor"), !source.contains(" + ") {
            let wrapped = "dyn(\(unfused))" + (source.hasSuffix(".size()") ? ".size()" : ".sum()")
            #expect(Evaluation.outcome(of: wrapped, bindings: Self.bindings) == outcome, "unfused: \(wrapped)")
        }
    }

    @Test(arguments: [
        ("items", "i.category == 'grocery'", "int 2"), ("items", "true", "int 6"), ("empty", "true", "int 0"),
        ("keys", "size(i) > 1", "int 1"), ("items", "i.missing", "error: no such key: 'missing'"),
        ("items", "i.qty", "error: no matching overload: 'filter' cannot be applied to (int)"),
        ("number", "true", "error: no matching overload: 'filter' cannot be applied to (int)"),
    ])
    func filterSize(source: String, predicate: String, outcome: String) {
        let fused = "\(source).filter(i, \(predicate)).size()"
        let unfused = "dyn(\(source).filter(i, \(predicate))).size()"
        let global = "size(\(source).filter(i, \(predicate)))"
        #expect(Evaluation.outcome(of: unfused, bindings: Self.bindings) == outcome, "unfused")
        #expect(Evaluation.outcome(of: global, bindings: Self.bindings) == outcome, "global size")
        #expect(Evaluation.outcome(of: fused, bindings: Self.bindings) == outcome, "fused")
    }

    /// The step budget is part of the result: fusing must not change whether a rule runs
    /// out of it. Four items kept by the filter are 4 + 4 iterations unfused.
    @Test(arguments: [7, 8])
    func stepBudgetAgrees(limit: Int) {
        let fused = "xs.filter(i, true).map(j, j).sum()"
        let unfused = "dyn(xs.filter(i, true)).map(j, j).sum()"
        let bindings: [(String, Value)] = [("xs", .list([.int(1), .int(2), .int(3), .int(4)]))]
        #expect(Evaluation.outcome(of: fused, bindings: bindings, stepLimit: limit)
            == Evaluation.outcome(of: unfused, bindings: bindings, stepLimit: limit))
    }
}

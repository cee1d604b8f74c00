import Testing
@testable import RuleLanguage

/// The macros: results, error absorption (`all`/`exists` absorb like `&&`/`||`, the others
/// fail on any error), maps ranging over keys, and shadowing.
@Suite struct MacroTests {
    @Test(arguments: [
        ("[1, 2, 3].filter(x, x > 1)", "list [2, 3]"), ("[1, 2, 3].map(x, x * 2)", "list [2, 4, 6]"),
        ("[1, 2, 3].map(x, x > 1, x * 10)", "list [20, 30]"), ("[].map(x, x)", "list []"),
        ("[1, 2, 3].all(x, x > 0)", "bool true"), ("[1, 2, 3].all(x, x > 1)", "bool false"), ("[].all(x, false)", "bool true"),
        ("[1, 2, 3].exists(x, x > 2)", "bool true"), ("[1, 2, 3].exists(x, x > 3)", "bool false"), ("[].exists(x, true)", "bool false"),
        ("[1, 2, 3].exists_one(x, x > 1)", "bool false"), ("[1, 2, 3].exists_one(x, x > 2)", "bool true"),
        ("[].exists_one(x, true)", "bool false"),
        ("{'a': 1, 'b': 2}.map(k, k)", "list ['a', 'b']"), ("{'a': 1, 'b': 2}.filter(k, k == 'b')", "list ['b']"),
        ("{'a': 1, 'b': 2}.all(k, k != '')", "bool true"), ("{'a': 1}.exists(k, k == 'a')", "bool true"),
        ("[1, 2].all(x, [3].all(x, x == 3))", "bool true"), ("[1, 2].map(x, [10].map(y, x + y))", "list [[11], [12]]"),
        ("[[1], [2, 3]].map(l, l.size()).sum()", "int 3"), ("[1, 2, 3].filter(x, x > 1).map(x, x * x)", "list [4, 9]"),
        ("1.map(x, x)", "error: no matching overload: 'map' cannot be applied to (int)"),
        ("'abc'.all(c, true)", "error: no matching overload: 'all' cannot be applied to (string)"),
    ])
    func results(source: String, outcome: String) {
        #expect(Evaluation.outcome(of: source) == outcome)
    }

    @Test(arguments: [
        ("[1, 0].all(x, 1 / x > 0)", "error: division by zero"), ("[0, -1].all(x, 1 / x > 0)", "bool false"),
        ("[-1, 0].all(x, 1 / x > 0)", "bool false"), ("[0, 1].exists(x, 1 / x > 0)", "bool true"),
        ("[1, 0].exists(x, 1 / x > 0)", "bool true"), ("[0].exists(x, 1 / x > 0)", "error: division by zero"),
        ("[0, -1].exists(x, 1 / x > 0)", "error: division by zero"),
        ("[1, 'a'].all(x, x > 0)", "error: no matching overload: '>' cannot be applied to (string, int)"),
        ("['a', 0].all(x, x > 0)", "bool false"), ("[1, 'a'].exists(x, x > 0)", "bool true"),
        ("[1, 2].all(x, 'yes')", "error: no matching overload: 'all' cannot be applied to (string)"),
        ("[1, 0].exists_one(x, 1 / x > 0)", "error: division by zero"), ("[0, 1].filter(x, 1 / x > 0)", "error: division by zero"),
        ("[0].map(x, 1 / x)", "error: division by zero"), ("[0, 1].map(x, x > 0, 1 / x)", "list [1]"),
        ("[0, 1].map(x, 1 / x > 0, x)", "error: division by zero"), ("[1].filter(x, 1)", "error: no matching overload: 'filter' cannot be applied to (int)"),
    ])
    func errors(source: String, outcome: String) {
        #expect(Evaluation.outcome(of: source) == outcome)
    }

    /// Macros over values bound at run time, with the loop variable shadowing an outer name.
    @Test(arguments: [
        ("xs.map(x, x * 2)", "list [2, 4, 6]"), ("xs.filter(x, x != 2).size()", "int 2"),
        ("xs.exists(x, x == 3)", "bool true"), ("xs.all(xs, xs > 0)", "bool true"), ("xs.map(y, y + x)", "list [101, 102, 103]"),
        ("xs.map(x, x).sum() + x", "int 106"),
    ])
    func runTime(source: String, outcome: String) {
        let bindings: [(String, Value)] = [("xs", .list([.int(1), .int(2), .int(3)])), ("x", .int(100))]
        #expect(Evaluation.outcome(of: source, bindings: bindings) == outcome)
    }

    /// Every macro iteration counts against the activation's step budget.
    @Test(arguments: [
        ("xs.map(x, x).size()", 3, "int 3"), ("xs.map(x, x).size()", 2, "error: the evaluation took more than 2 steps"),
        ("xs.all(x, xs.all(y, true))", 12, "bool true"), ("xs.all(x, xs.all(y, true))", 11, "error: the evaluation took more than 11 steps"),
        ("xs.map(x, x).map(y, y).size()", 6, "int 3"), ("xs.map(x, x).map(y, y).size()", 5, "error: the evaluation took more than 5 steps"),
    ])
    func stepBudget(source: String, limit: Int, outcome: String) {
        let bindings: [(String, Value)] = [("xs", .list([.int(1), .int(2), .int(3)]))]
        #expect(Evaluation.outcome(of: source, bindings: bindings, stepLimit: limit) == outcome)
    }

    @Test func defaultBudgetIsAMillionIterations() {
        #expect(EvaluationLimits.defaultStepLimit == 1_000_000)
        let list = Value.list((0..<1_000).map { .int(Int64($0)) })
        #expect(Evaluation.outcome(of: "xs.all(a, xs.all(b, true))", bindings: [("xs", list)])
            == "error: the evaluation took more than 1000000 steps")
        let smaller = Value.list((0..<999).map { .int(Int64($0)) })
        #expect(Evaluation.outcome(of: "xs.all(a, xs.all(b, true))", bindings: [("xs", smaller)]) == "bool true")
    }

    @Test func beginEvaluationRefillsTheBudget() {
        var environment = Environment()
        let slot = environment.declareSlot("xs")
        let result = ExpressionCompiler.compile(SourceFile(name: "<test>", text: "xs.map(x, x).size()"), environment: environment)
        let activation = Activation(slotCount: result.slotCount, stepLimit: 4)
        activation.bind(.list([.int(1), .int(2), .int(3)]), to: slot)
        activation.beginEvaluation()
        #expect(Outcome.of(result.program(activation)) == "int 3")
        #expect(Outcome.of(result.program(activation)) == "error: the evaluation took more than 4 steps")
        activation.beginEvaluation()
        #expect(Outcome.of(result.program(activation)) == "int 3")
    }
}

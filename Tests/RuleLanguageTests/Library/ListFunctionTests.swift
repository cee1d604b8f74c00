import Testing
@testable import RuleLanguage

/// The list extensions `sum()`, `min()`, `max()`, global `min`/`max`, `in`, indexing.
@Suite struct ListFunctionTests {
    @Test(arguments: [
        ("[1, 2, 3].sum()", "int 6"), ("[1, 2.5].sum()", "decimal 3.5"), ("[1.50, 2.25].sum()", "decimal 3.75"),
        ("[].sum()", "int 0"), ("[7].sum()", "int 7"), ("[0.10, 0.20].sum() == 0.3", "bool true"),
        ("[duration('1s'), duration('2s')].sum()", "duration duration('3s')"),
        ("[9223372036854775807, 1].sum()", "error: whole-number overflow (the result does not fit in 64 bits)"),
        ("['a'].sum()", "error: no matching overload: 'sum' cannot be applied to (string)"),
        ("['a', 'b'].sum()", "error: no matching overload: 'sum' cannot be applied to (string)"),
        ("[1, 'a'].sum()", "error: no matching overload: '+' cannot be applied to (int, string)"),
        ("[[1], [2]].sum()", "error: no matching overload: 'sum' cannot be applied to (list)"),
    ])
    func sum(source: String, outcome: String) {
        #expect(Evaluation.outcome(of: source) == outcome)
    }

    @Test(arguments: [
        ("[3, 1, 2].min()", "int 1"), ("[3, 1, 2].max()", "int 3"), ("[1, 2.5, -1.5].min()", "decimal -1.5"),
        ("[1, 2.5, -1.5].max()", "decimal 2.5"), ("['b', 'a'].min()", "string 'a'"), ("[2, 2.0].max()", "int 2"),
        ("[].min()", "error: min() of an empty list"), ("[].max()", "error: max() of an empty list"),
        ("[1, 'a'].max()", "error: no matching overload: '>' cannot be applied to (string, int)"),
        ("min(3, 1, 2)", "int 1"), ("max(1, 2.5)", "decimal 2.5"), ("max('a', 'b')", "string 'b'"), ("min(1, 1/0)", "error: division by zero"),
        ("max(1, 2, 3, 4, 5, 6, 7, 8)", "int 8"),
        ("max(days(1), hours(25))", "duration duration('90000s')"),
    ])
    func extremes(source: String, outcome: String) {
        #expect(Evaluation.outcome(of: source) == outcome)
    }

    @Test(arguments: [
        ("[1, 2, 3][0]", "int 1"), ("[1, 2, 3][2]", "int 3"), ("[1, 2, 3][3]", "error: index 3 is out of range for a list of 3"),
        ("[1, 2, 3][-1]", "error: index -1 is out of range for a list of 3"), ("[7, 8, 9][dyn(1.0)]", "int 8"),
        ("[7, 8, 9][1.5]", "error: no matching overload: '[]' cannot be applied to (list, decimal)"),
        ("{'a': 1}['a']", "int 1"), ("{'a': 1}.a", "int 1"), ("{'a': 1}['b']", "error: no such key: 'b'"),
        ("{'a': 1}.b", "error: no such key: 'b'"), ("{1: 'x', true: 'y'}[true]", "string 'y'"),
        ("'elem' in [1, 'elem']", "bool true"), ("2 in [1, 2.0]", "bool true"), ("'a' in {'a': 1}", "bool true"),
        ("'b' in {'a': 1}", "bool false"), ("1 in 'abc'", "error: no matching overload: 'in' cannot be applied to (int, string)"),
        ("has({'a': null}.a)", "bool true"), ("has({'a': 1}.b)", "bool false"),
        ("has(x.a)", "error: undeclared reference to 'x'"),
        ("{'a': 1, 'a': 2}", "error: repeated key 'a' in a map"), ("{1.5: 1}", "error: a decimal cannot be a map key"),
        ("{null: 1}", "error: a null cannot be a map key"), ("[1, 2] == [1, 2]", "bool true"), ("{'a': 1} == {'a': 1.0}", "bool true"),
        ("[1] < [2]", "error: no matching overload: '<' cannot be applied to (list, list)"), ("1.f", "error: an int has no field 'f'"),
    ])
    func access(source: String, outcome: String) {
        #expect(Evaluation.outcome(of: source) == outcome)
    }

    /// Maps larger than twelve entries are hashed; lookups must agree with small maps.
    @Test(arguments: [0, 7, 12, 13, 40])
    func largeMapLookups(size: Int) {
        let entries = (0..<max(size, 1)).map { "\($0): 'v\($0)'" }.joined(separator: ", ")
        let last = max(size, 1) - 1
        #expect(Evaluation.outcome(of: "{\(entries)}[\(last)]") == "string 'v\(last)'")
        #expect(Evaluation.outcome(of: "{\(entries)}[\(last).0]") == "string 'v\(last)'")
        #expect(Evaluation.outcome(of: "\(last) in {\(entries)}") == "bool true")
        #expect(Evaluation.outcome(of: "\(last + 1) in {\(entries)}") == "bool false")
    }
}

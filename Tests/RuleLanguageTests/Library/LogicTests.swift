import Testing
@testable import RuleLanguage

/// `&&`, `||`, `!` and `?:` with CEL's error absorption, which works from either side.
@Suite struct LogicTests {
    @Test(arguments: [
        ("true && false", "bool false"), ("true && true", "bool true"), ("false || true", "bool true"),
        ("false || false", "bool false"), ("!true", "bool false"), ("!!true", "bool true"),
        ("false && (1/0 > 2)", "bool false"), ("(1/0 > 2) && false", "bool false"),
        ("true || (1/0 > 2)", "bool true"), ("(1/0 > 2) || true", "bool true"),
        ("true && (1/0 > 2)", "error: division by zero"), ("(1/0 > 2) && true", "error: division by zero"),
        ("false || (1/0 > 2)", "error: division by zero"), ("(1/0 > 2) || false", "error: division by zero"),
        ("(1/0 > 2) && (1 % 0 > 2)", "error: division by zero"),
        ("'horses' && false", "bool false"), ("false && 'horses'", "bool false"), ("'horses' || true", "bool true"),
        ("'horses' && true", "error: no matching overload: '&&' cannot be applied to (string, bool)"),
        ("true || 'horses'", "bool true"), ("false || 1", "error: no matching overload: '||' cannot be applied to (bool, int)"),
        ("undeclared || true", "bool true"), ("undeclared && false", "bool false"),
        ("undeclared && true", "error: undeclared reference to 'undeclared'"),
        ("!1", "error: no matching overload: '!' cannot be applied to (int)"), ("!(1/0 > 2)", "error: division by zero"),
    ])
    func constants(source: String, outcome: String) {
        #expect(Evaluation.outcome(of: source) == outcome)
    }

    /// Operands known only at run time: the left side no longer folds, and absorption
    /// must still work from the right.
    @Test(arguments: [
        ("no && 1/zero > 2", "bool false"), ("1/zero > 2 && no", "bool false"),
        ("yes || 1/zero > 2", "bool true"), ("1/zero > 2 || yes", "bool true"),
        ("yes && 1/zero > 2", "error: division by zero"), ("1/zero > 2 && yes", "error: division by zero"),
        ("no || 1/zero > 2", "error: division by zero"), ("1/zero > 2 || no", "error: division by zero"),
        ("text && no", "bool false"), ("text || yes", "bool true"),
        ("text && yes", "error: no matching overload: '&&' cannot be applied to (string, bool)"),
        ("yes && no || yes", "bool true"), ("!no && yes", "bool true"), ("!text", "error: no matching overload: '!' cannot be applied to (string)"),
        ("[1/zero > 0, no].exists(b, b == false)", "error: division by zero"),
    ])
    func runTime(source: String, outcome: String) {
        let bindings: [(String, Value)] = [("yes", .bool(true)), ("no", .bool(false)), ("zero", .int(0)), ("text", .string("horses"))]
        #expect(Evaluation.outcome(of: source, bindings: bindings) == outcome)
    }

    @Test(arguments: [
        ("true ? 1 : 1/0", "int 1"), ("false ? 1/0 : 2", "int 2"), ("yes ? 'a' : 1/zero", "string 'a'"),
        ("no ? 1/zero : 'b'", "string 'b'"), ("1 ? 2 : 3", "error: no matching overload: '?:' cannot be applied to (int)"),
        ("zero ? 2 : 3", "error: no matching overload: '?:' cannot be applied to (int)"),
        ("1/zero > 0 ? 1 : 2", "error: division by zero"),
    ])
    func conditional(source: String, outcome: String) {
        let bindings: [(String, Value)] = [("yes", .bool(true)), ("no", .bool(false)), ("zero", .int(0))]
        #expect(Evaluation.outcome(of: source, bindings: bindings) == outcome)
    }
}

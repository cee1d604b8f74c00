import Testing
@testable import RuleLanguage

private let overflow = "error: whole-number overflow (the result does not fit in 64 bits)"

/// Int arithmetic as CEL defines it: overflow and division by zero are errors, `/`
/// truncates toward zero, `%` keeps the dividend's sign.
@Suite struct ArithmeticTests {
    @Test(arguments: [
        ("1 + 2", "int 3"), ("2 + 3 * 4", "int 14"), ("(2 + 3) * 4", "int 20"), ("10 - 2 - 3", "int 5"),
        ("-5 + 2", "int -3"), ("--5", "int 5"),
        ("9223372036854775807 + 1", overflow), ("-9223372036854775808 - 1", overflow),
        ("9223372036854775807 - -1", overflow), ("9223372036854775807 * 2", overflow),
        ("-9223372036854775808 * -1", overflow), ("-9223372036854775808 / -1", overflow),
        ("-(-9223372036854775808)", overflow), ("-9223372036854775808 % -1", "int 0"),
        ("9223372036854775806 + 1", "int 9223372036854775807"), ("-9223372036854775807 - 1", "int -9223372036854775808"),
        ("5 / 0", "error: division by zero"), ("0 / 0", "error: division by zero"), ("5 % 0", "error: modulus by zero"),
        ("7 / 2", "int 3"), ("-7 / 2", "int -3"), ("7 / -2", "int -3"), ("-7 / -2", "int 3"), ("1 / 3", "int 0"),
        ("-3 % 5", "int -3"), ("43 % -5", "int 3"), ("-43 % 5", "int -3"), ("-43 % -5", "int -3"), ("7 % 7", "int 0"),
        ("0x10 + 1", "int 17"), ("'a' + 1", "error: no matching overload: '+' cannot be applied to (string, int)"),
        ("true + 1", "error: no matching overload: '+' cannot be applied to (bool, int)"),
        ("null * 2", "error: no matching overload: '*' cannot be applied to (null, int)"),
        ("-'a'", "error: no matching overload: '-' cannot be applied to (string)"),
        ("[1] + [2, 3]", "list [1, 2, 3]"), ("1 + (2 / 0)", "error: division by zero"),
    ])
    func constants(source: String, outcome: String) {
        #expect(Evaluation.outcome(of: source) == outcome)
    }

    /// The same operations on values bound at run time (nothing folds at compile time).
    @Test(arguments: [
        ("x + 1", Int64.max, overflow), ("x - 1", Int64.min, overflow), ("x * x", Int64.max, overflow),
        ("x / -1", Int64.min, overflow), ("x % -1", Int64.min, "int 0"), ("-x", Int64.min, overflow),
        ("1 / x", 0, "error: division by zero"), ("1 % x", 0, "error: modulus by zero"),
        ("x / 2", -7, "int -3"), ("x % 5", -3, "int -3"), ("43 % x", -5, "int 3"), ("x * 3 + 1", 4, "int 13"),
    ])
    func runTime(source: String, x: Int64, outcome: String) {
        #expect(Evaluation.outcome(of: source, bindings: [("x", .int(x))]) == outcome)
    }

    /// A run-time error names the operator's node, so a rejected event can point at it.
    @Test func errorsCarryTheirRange() {
        let value = Evaluation.value(of: "1 + x / 0", bindings: [("x", .int(1))])
        guard case .error(let error) = value else {
            Issue.record("expected an error, got \(value)")
            return
        }
        #expect(error.kind == .divisionByZero)
        #expect(error.range == SourceRange(start: 4, end: 9))
    }
}

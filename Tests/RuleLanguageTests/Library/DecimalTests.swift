import Testing
@testable import RuleLanguage

/// Our decimal: fractional literals are exact, `+ - *` exact with the larger (or summed)
/// scale, `/` to 18 places rounding half away from zero, trimmed to the operands' scale.
@Suite struct DecimalTests {
    @Test(arguments: [
        ("0.1 + 0.2 == 0.3", "bool true"), ("0.1 + 0.2", "decimal 0.3"), ("1.50 * 2", "decimal 3.00"),
        ("1.5 * 2.25", "decimal 3.375"), ("19.99 * 3", "decimal 59.97"), ("10.00 - 0.5", "decimal 9.50"),
        ("100 * 1.2", "decimal 120.0"), ("1 + 1.5", "decimal 2.5"), ("1.5 + 1", "decimal 2.5"), ("3 - 0.25", "decimal 2.75"),
        ("-(1.50)", "decimal -1.50"), ("-1.50 * -2", "decimal 3.00"), ("0.0", "decimal 0.0"), ("1e3", "decimal 1000"),
        ("2.5e-3", "decimal 0.0025"), (".5 + .5", "decimal 1.0"), ("128.50", "decimal 128.50"),
    ])
    func exact(source: String, outcome: String) {
        #expect(Evaluation.outcome(of: source) == outcome)
    }

    @Test(arguments: [
        ("10 / 4", "int 2"), ("10.0 / 4", "decimal 2.5"), ("10 / 4.0", "decimal 2.5"), ("10.00 / 4", "decimal 2.50"),
        ("7.5 / 2.5", "decimal 3.0"), ("1.0 / 8", "decimal 0.125"), ("100 / 8.0", "decimal 12.5"),
        ("1 / 3.0", "decimal 0.333333333333333333"), ("2.0 / 3", "decimal 0.666666666666666667"),
        ("-2.0 / 3", "decimal -0.666666666666666667"), ("2.0 / -3", "decimal -0.666666666666666667"),
        ("1 / 7.0", "decimal 0.142857142857142857"), ("5.0 / 9", "decimal 0.555555555555555556"),
        ("0.000000000000000005 / 10", "decimal 0.000000000000000001"),
        ("-0.000000000000000005 / 10", "decimal -0.000000000000000001"),
        ("0.000000000000000004 / 10", "decimal 0.000000000000000000"),
        ("1.123456789012345678901 / 1", "decimal 1.123456789012345678901"),
        ("1 / 0.0", "error: division by zero"), ("1.5 / 0", "error: division by zero"), ("0.0 / 0.0", "error: division by zero"),
        ("1.5 % 1", "error: no matching overload: '%' cannot be applied to (decimal, int)"),
    ])
    func division(source: String, outcome: String) {
        #expect(Evaluation.outcome(of: source) == outcome)
    }

    /// Rounding to whole numbers: floor and ceil by direction, round half away from zero.
    @Test(arguments: [
        ("floor(2.5)", "int 2"), ("floor(-2.5)", "int -3"), ("floor(-0.0001)", "int -1"), ("floor(7)", "int 7"),
        ("ceil(2.1)", "int 3"), ("ceil(-2.1)", "int -2"), ("ceil(-0.9)", "int 0"), ("ceil(2.000)", "int 2"),
        ("round(2.5)", "int 3"), ("round(-2.5)", "int -3"), ("round(2.49)", "int 2"), ("round(-2.49)", "int -2"),
        ("round(-0.5)", "int -1"), ("round(0.5)", "int 1"), ("round(1.4999999999)", "int 1"), ("round(-7)", "int -7"),
        ("floor(128.50 * 1.5)", "int 192"), ("round(1e30)", "error: round(1000000000000000000000000000000) is out of range"),
        ("floor(double(2.7))", "int 2"), ("round(double(-2.5))", "int -3"), ("ceil(double(-2.5))", "int -2"),
        ("abs(-1.50)", "decimal 1.50"), ("abs(-3)", "int 3"), ("abs(2.5)", "decimal 2.5"),
        ("abs(-9223372036854775808)", "error: whole-number overflow (the result does not fit in 64 bits)"),
    ])
    func rounding(source: String, outcome: String) {
        #expect(Evaluation.outcome(of: source) == outcome)
    }

    @Test(arguments: [
        ("string(128.50) == '128.50'", "bool true"), ("string(128.50)", "string '128.50'"), ("string(-0.0045)", "string '-0.0045'"),
        ("string(1.50 * 2)", "string '3.00'"), ("string(10.00 / 4)", "string '2.50'"), ("string(1e3)", "string '1000'"),
        ("string(0.0)", "string '0.0'"),
    ])
    func text(source: String, outcome: String) {
        #expect(Evaluation.outcome(of: source) == outcome)
    }

    /// Numbers compare by value across int, decimal and double.
    @Test(arguments: [
        ("1 == 1.0", "bool true"), ("1.50 == 1.5", "bool true"), ("2 < 2.5", "bool true"), ("2.5 >= 3", "bool false"),
        ("1.0 in [1]", "bool true"), ("1 in [1.0]", "bool true"), ("0.1 == double(0.1)", "bool true"),
        ("double(0.1) + double(0.2)", "double 0.30000000000000004"), ("double(0.1) + double(0.2) == 0.3", "bool false"),
        ("0.3 < double(0.1) + double(0.2)", "bool true"), ("[1, 2.0] == [1.0, 2]", "bool true"),
        ("{1: 'a'}[1.0]", "string 'a'"), ("{1: 'a'}[1.5]", "error: no such key: 1.5"),
    ])
    func comparison(source: String, outcome: String) {
        #expect(Evaluation.outcome(of: source) == outcome)
    }

    @Test(arguments: [
        ("1e37 * 100", "error: decimal overflow (the result has more than 38 digits)"),
        ("1e37 * 17 + 1e37", "error: decimal overflow (the result has more than 38 digits)"),
        ("-1e37 * 20", "error: decimal overflow (the result has more than 38 digits)"),
        ("1e37 / 0.01", "error: decimal overflow (the result has more than 38 digits)"),
        ("1e37 * 10", "decimal 100000000000000000000000000000000000000"),
        ("1e38", "rejected: the number 1e38 is out of range"),
        // A quotient keeps 18 places within 38 digits: past 20 whole digits it cannot.
        ("12345678901234567890.5 / 3", "decimal 4115226300411522630.166666666666666667"),
        ("1234567890123456789012.5 / 3", "error: decimal overflow (the result has more than 38 digits)"),
        ("1234567890123456789012.0 / 2", "decimal 617283945061728394506.0"),
        ("1e39", "rejected: the number 1e39 is out of range"),
        ("0.000000000000000000000000000000000000001", "rejected: the number 0.000000000000000000000000000000000000001 is out of range"),
    ])
    func range(source: String, outcome: String) {
        #expect(Evaluation.outcome(of: source) == outcome)
    }

    /// Run-time decimals (from bindings) follow the same rules as constants.
    @Test(arguments: [
        ("price * qty", "decimal 257.00"), ("price / qty", "decimal 64.25"), ("price + qty", "decimal 130.50"),
        ("floor(price * 1.5)", "int 192"), ("price / 0", "error: division by zero"), ("string(price)", "string '128.50'"),
        ("price > qty", "bool true"), ("price == 128.5", "bool true"),
    ])
    func runTime(source: String, outcome: String) {
        let bindings: [(String, Value)] = [("price", .decimal(ExactDecimal("128.50")!)), ("qty", .int(2))]
        #expect(Evaluation.outcome(of: source, bindings: bindings) == outcome)
    }
}

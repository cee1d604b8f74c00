import Testing
@testable import RuleLanguage

/// `int`, `double`, `decimal`, `string`, `bool`, `timestamp`, `duration`, `dyn`.
@Suite struct ConversionTests {
    @Test(arguments: [
        ("int('42')", "int 42"), ("int('-9223372036854775808')", "int -9223372036854775808"),
        ("int('9223372036854775808')", "error: type conversion error: '9223372036854775808' is not a whole number"),
        ("int('1.5')", "error: type conversion error: '1.5' is not a whole number"), ("int(' 1')", "error: type conversion error: ' 1' is not a whole number"),
        ("int(1.9)", "int 1"), ("int(-1.9)", "int -1"), ("int(42)", "int 42"), ("int(double('-2.5'))", "int -2"),
        ("int(1e19)", "error: the decimal 10000000000000000000 as a whole number is out of range"),
        ("int(double('1e19'))", "error: the double 1e+19 as a whole number is out of range"),
        ("int(double('NaN'))", "error: the double NaN as a whole number is out of range"),
        ("int(true)", "error: no matching overload: 'int' cannot be applied to (bool)"),
    ])
    func toInt(source: String, outcome: String) {
        #expect(Evaluation.outcome(of: source) == outcome)
    }

    @Test(arguments: [
        ("double('1.5')", "double 1.5"), ("double(2)", "double 2.0"), ("double(0.1)", "double 0.1"), ("double('1e3')", "double 1000.0"),
        ("double('NaN') == double('NaN')", "bool false"), ("double('-Infinity') < -1e37", "bool true"),
        ("double('abc')", "error: type conversion error: 'abc' is not a number"), ("double('')", "error: type conversion error: '' is not a number"),
        ("decimal('1.50')", "decimal 1.50"), ("decimal(3)", "decimal 3"), ("decimal(double('0.1'))", "decimal 0.1"),
        ("decimal(double(1.25))", "decimal 1.25"), ("decimal('.5')", "decimal 0.5"), ("decimal(1.50)", "decimal 1.50"),
        ("decimal('abc')", "error: type conversion error: 'abc' is not a decimal number"),
        ("decimal('1e39')", "error: type conversion error: '1e39' is not a decimal number"),
        ("decimal(double('Infinity'))", "error: the double Infinity as a decimal is out of range"),
        ("decimal(7) / 2", "decimal 3.5"),
    ])
    func toNumber(source: String, outcome: String) {
        #expect(Evaluation.outcome(of: source) == outcome)
    }

    @Test(arguments: [
        ("string(1)", "string '1'"), ("string(-7)", "string '-7'"), ("string(true)", "string 'true'"),
        ("string(double(1.5))", "string '1.5'"), ("string(decimal('1.50'))", "string '1.50'"), ("string('a')", "string 'a'"),
        ("string(duration('90s'))", "string '90s'"), ("string(duration('1.5s'))", "string '1.5s'"),
        ("string(timestamp('2009-02-13T23:31:30Z'))", "string '2009-02-13T23:31:30Z'"),
        ("string([1])", "error: no matching overload: 'string' cannot be applied to (list)"),
        ("string(null)", "error: no matching overload: 'string' cannot be applied to (null)"),
    ])
    func toString(source: String, outcome: String) {
        #expect(Evaluation.outcome(of: source) == outcome)
    }

    @Test(arguments: [
        ("bool('true')", "bool true"), ("bool('TRUE')", "bool true"), ("bool('True')", "bool true"), ("bool('t')", "bool true"),
        ("bool('1')", "bool true"), ("bool('false')", "bool false"), ("bool('f')", "bool false"), ("bool('0')", "bool false"),
        ("bool('FALSE')", "bool false"), ("bool(false)", "bool false"),
        ("bool('yes')", "error: type conversion error: 'yes' is not a bool"), ("bool('tRuE')", "error: type conversion error: 'tRuE' is not a bool"),
        ("timestamp('2009-02-13T23:31:30Z') == timestamp(1234567890)", "bool true"),
        ("timestamp('2009-02-13T23:31:30+01:00')", "timestamp timestamp('2009-02-13T22:31:30Z')"),
        ("timestamp('yesterday')", "error: the timestamp 'yesterday' is out of range"),
        ("duration('1h30m') == duration('5400s')", "bool true"), ("duration('-1.5s')", "duration duration('-1.5s')"),
        ("duration('0')", "duration duration('0s')"), ("duration(duration('1s'))", "duration duration('1s')"),
        ("dyn(1) == 1", "bool true"), ("dyn([1, 2]).size()", "int 2"), ("dyn('a') + 'b'", "string 'ab'"),
    ])
    func others(source: String, outcome: String) {
        #expect(Evaluation.outcome(of: source) == outcome)
    }
}

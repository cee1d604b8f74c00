import Testing
@testable import LoyaltyEngine
import RuleLanguage

@Suite("JSONReader: numbers")
struct JSONReaderNumberTests {
    static let forty = "1234567890123456789012345678901234567890"

    /// Input and the value with its type.
    static let accepted: [(String, String)] = [
        ("0", "int(0)"),
        ("-0", "int(0)"),
        ("7", "int(7)"),
        ("-12", "int(-12)"),
        ("1000000", "int(1000000)"),
        ("9223372036854775807", "int(9223372036854775807)"),
        ("-9223372036854775808", "int(-9223372036854775808)"),
        ("9999999999999999999", "decimal(9999999999999999999)"),  // 19 digits, past Int64
        ("9223372036854775808", "decimal(9223372036854775808)"),
        ("-9223372036854775809", "decimal(-9223372036854775809)"),
        ("12345678901234567890", "decimal(12345678901234567890)"),  // 20 digits: the wide path
        ("1.50", "decimal(1.50)"),  // keeps its scale
        ("128.50", "decimal(128.50)"),
        ("-0.0", "decimal(0.0)"),
        ("0.05", "decimal(0.05)"),
        ("-4.5", "decimal(-4.5)"),
        ("2049.41", "decimal(2049.41)"),
        ("0.1234567890123456789", "decimal(0.1234567890123456789)"),  // 19 digits with the zero
        ("1234567890.0987654321", "decimal(1234567890.0987654321)"),  // 20 digits: the wide path
        ("1e3", "decimal(1000)"),
        ("1E3", "decimal(1000)"),
        ("1e+3", "decimal(1000)"),
        ("1E-2", "decimal(0.01)"),
        ("2.30e1", "decimal(23.0)"),
        ("-4.5e-3", "decimal(-0.0045)"),
        ("0e0", "decimal(0)"),
        ("99999999999999999999999999999999999999", "decimal(99999999999999999999999999999999999999)"),
        (forty, "double(1.2345678901234568e+39)"),
        ("-" + forty, "double(-1.2345678901234568e+39)"),
        ("1e999", "double(inf)"),
        ("-1e999", "double(-inf)"),
        ("1e-999", "double(0.0)"),
        ("[1,-2.50,3e0]", "[int(1), decimal(-2.50), decimal(3)]"),
        ("{\"qty\":2,\"price\":2.11}", "{qty: int(2), price: decimal(2.11)}"),
    ]

    @Test(arguments: accepted)
    func accepts(json: String, expected: String) {
        #expect(JSONReaderTesting.outcome(json) == expected)
    }

    /// Input, column and message.
    static let rejected: [(String, Int, String)] = [
        ("01", 1, "a number cannot start with 0 followed by more digits"),
        ("-01", 2, "a number cannot start with 0 followed by more digits"),
        ("00", 1, "a number cannot start with 0 followed by more digits"),
        ("+1", 1, "a number cannot start with '+'"),
        (".5", 1, "a number needs a digit before its '.', as in 0.5"),
        ("-.5", 1, "'-' must be followed by a digit"),
        ("1.", 3, "a '.' in a number must be followed by digits, as in 1.0"),
        ("1.e3", 3, "a '.' in a number must be followed by digits, as in 1.0"),
        ("1e", 3, "the exponent of a number needs digits, as in 1e3"),
        ("1e+", 4, "the exponent of a number needs digits, as in 1e3"),
        ("1E-x", 4, "the exponent of a number needs digits, as in 1e3"),
        ("-", 1, "'-' must be followed by a digit"),
        ("--1", 1, "'-' must be followed by a digit"),
        ("-Infinity", 1, "'-' must be followed by a digit"),
        ("[1.]", 4, "a '.' in a number must be followed by digits, as in 1.0"),
        ("0x10", 2, "unexpected 'x' after the end of the JSON value"),
        ("1_000", 2, "unexpected '_' after the end of the JSON value"),
        ("[1a]", 3, "expected ',' or ']' after an array element"),
    ]

    @Test(arguments: rejected)
    func rejects(json: String, column: Int, message: String) throws {
        let error = try #require(JSONReader.parse(json).jsonError)
        #expect(error == JSONError(code: .invalidJSON, message: "\(message) (column \(column))", column: column))
    }

    @Test func decimalsKeepTheirExactDigits() throws {
        guard case .decimal(let amount) = try JSONReader.parse("2209.70").get() else { Issue.record("not a decimal"); return }
        #expect(amount.significand == 220970)
        #expect(amount.scale == 2)
    }
}

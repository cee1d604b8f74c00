import Testing
@testable import RuleLanguage

/// A decimal the table states as text; a typo in a table fails the test instead of crashing it.
private func decimal(_ text: String) throws -> ExactDecimal { try #require(ExactDecimal(text)) }

/// 2^127 - 1 at the given scale: the largest magnitude an `ExactDecimal` holds.
private func largest(scale: Int, negative: Bool = false) -> ExactDecimal {
    ExactDecimal(significand: negative ? -Int128.max : Int128.max, scale: scale)
}

// MARK: - Comparison and conversion

@Suite("ExactDecimal comparison and conversion")
struct ExactDecimalComparisonTests {
    @Test(arguments: [
        ("1.50", "1.5"), ("0", "0.000"), ("-0.0", "0"), ("100", "1e2"), ("1000", "1.000e3"),
        ("123.4500", "123.45"), ("-5", "-5.00000000000000000000000000000000000"),
        ("10000000000000000000000000000000000000", "1e37"),
    ])
    func equalAcrossScales(a: String, b: String) throws {
        let x = try decimal(a)
        let y = try decimal(b)
        #expect(x == y)
        #expect(!(x < y) && !(y < x))
        #expect(x.compare(y) == 0)
        #expect(x.hashValue == y.hashValue)
        #expect(Set([x, y]).count == 1)
    }

    /// smaller, larger.
    @Test(arguments: [
        ("1.5", "1.51"),
        ("-1.51", "-1.5"),
        ("-1", "0.0"),
        ("0.99999999999999999999999999999999999999", "1"),
        ("-1", "-0.99999999999999999999999999999999999999"),
        ("0.00000000000000000000000000000000000001", "0.0000000000000000000000000000000000001"),
        ("99999999999999999999999999999999999998", "99999999999999999999999999999999999999"),
        ("9.9999999999999999999999999999999999999", "99999999999999999999999999999999999999"),
        ("-99999999999999999999999999999999999999", "-0.00000000000000000000000000000000000001"),
        ("-99999999999999999999999999999999999999", "0.00000000000000000000000000000000000001"),
    ])
    func orderedAcrossScales(smaller: String, larger: String) throws {
        try expectOrdered(decimal(smaller), decimal(larger))
    }

    /// Rescaling these for a common scale overflows; the comparison must not.
    @Test(arguments: [
        (largest(scale: 38), largest(scale: 0)),
        (largest(scale: 0, negative: true), largest(scale: 38, negative: true)),
        (largest(scale: 0, negative: true), largest(scale: 38)),
        (largest(scale: 38, negative: true), largest(scale: 0)),
        (largest(scale: 1), largest(scale: 0)),
        (ExactDecimal(significand: 1, scale: 38), largest(scale: 0)),
        (largest(scale: 0, negative: true), ExactDecimal(significand: -1, scale: 38)),
    ])
    func orderedNearTheLimits(smaller: ExactDecimal, larger: ExactDecimal) {
        expectOrdered(smaller, larger)
    }

    private func expectOrdered(_ smaller: ExactDecimal, _ larger: ExactDecimal) {
        #expect(smaller < larger)
        #expect(!(larger < smaller))
        #expect(smaller != larger)
        #expect(smaller.compare(larger) == -1)
        #expect(larger.compare(smaller) == 1)
    }

    @Test(arguments: [
        ("9223372036854775807", Int64.max, 0),
        ("9223372036854775807.0", Int64.max, 0),
        ("9223372036854775807.5", Int64.max, 1),
        ("9223372036854775806.99", Int64.max, -1),
        ("-9223372036854775808", Int64.min, 0),
        ("-9223372036854775808.01", Int64.min, -1),
        ("-9223372036854775807.99", Int64.min, 1),
        ("99999999999999999999999999999999999999", Int64.max, 1),
        ("-99999999999999999999999999999999999999", Int64.min, -1),
        ("0.99999999999999999999999999999999999999", Int64.max, -1),
        ("-0.99999999999999999999999999999999999999", Int64.min, 1),
        ("0.00000000000000000000000000000000000001", 0, 1),
        ("-0.00000000000000000000000000000000000001", 0, -1),
        ("5.000", 5, 0),
        ("0.000", 0, 0),
    ] as [(String, Int64, Int)])
    func compareToInt(value: String, int: Int64, expected: Int) throws {
        #expect(try decimal(value).compare(to: int) == expected)
    }

    @Test func compareToIntAtTheLimits() {
        #expect(largest(scale: 38).compare(to: Int64.max) == -1)
        #expect(largest(scale: 38, negative: true).compare(to: Int64.min) == 1)
        #expect(largest(scale: 0).compare(to: Int64.max) == 1)
        #expect(largest(scale: 0, negative: true).compare(to: Int64.min) == -1)
    }

    @Test(arguments: [
        ("0.1", 0.1),
        ("128.50", 128.5),
        ("-0.0045", -0.0045),
        ("1e3", 1000.0),
        ("0.30000000000000004", 0.30000000000000004),
        ("9007199254740993", 9007199254740992.0),          // tie rounds to even
        ("12345678901234567890123456789012345678", 1.2345678901234568e37),
        ("123456789012345678.9", 1.2345678901234568e17),
        ("0.00000000000000000000000000000000000001", 1e-38),
        ("-0.12345678901234567890123456789012345678", -0.12345678901234568),
        ("0.0", 0.0),
    ])
    func doubleValue(value: String, expected: Double) throws {
        #expect(try decimal(value).doubleValue == expected)
    }

    @Test func doubleValueOfTheLargestSignificand() {
        #expect(largest(scale: 0).doubleValue == 1.7014118346046923e38)
        #expect(largest(scale: 38, negative: true).doubleValue == -1.7014118346046923)
    }

    @Test(arguments: [
        (0.1, "0.1"),
        (1e-05, "0.00001"),
        (123.456, "123.456"),
        (-0.0, "0"),
        (0.0, "0"),
        (100.0, "100"),
        (-2.5, "-2.5"),
        (1e16, "10000000000000000"),
        (0.1 + 0.2, "0.30000000000000004"),
        (9.223372036854776e18, "9223372036854776000"),   // the shortest form, not the binary value
        (1e37, "10000000000000000000000000000000000000"),
        (1.5e-30, "0.0000000000000000000000000000015"),
        (1.5e300, nil), (1e38, nil), (1e-300, nil), (.leastNonzeroMagnitude, nil), (1.2345e-36, nil),
        (.infinity, nil), (-.infinity, nil), (.nan, nil),
    ] as [(Double, String?)])
    func fromDouble(double: Double, expected: String?) {
        #expect(ExactDecimal(exactly: double)?.description == expected)
    }

    @Test(arguments: [
        ("0.1", 0.1, 0),
        ("0.1", 0.10000000000000002, -1),
        ("0.30000000000000004", 0.1 + 0.2, 0),
        ("0.3", 0.1 + 0.2, -1),
        ("2.5", 2.5, 0),
        ("-2.5", 2.5, -1),
        ("2.5", -2.5, 1),
        ("0", -0.0, 0),
        ("0", 1e-300, -1),
        ("0.00000000000000000000000000000000000001", 1e-300, 1),
        ("-0.00000000000000000000000000000000000001", -1e-300, -1),
        ("99999999999999999999999999999999999999", 1e38, -1),
        ("99999999999999999999999999999999999999", 1e300, -1),
        ("-99999999999999999999999999999999999999", -1e300, 1),
        ("9223372036854776000", 9.223372036854776e18, 0),
        ("99999999999999999999999999999999999999", .infinity, -1),
        ("-99999999999999999999999999999999999999", -.infinity, 1),
        ("1", .nan, nil),
    ] as [(String, Double, Int?)])
    func compareToDouble(value: String, double: Double, expected: Int?) throws {
        #expect(try decimal(value).compare(to: double) == expected)
    }
}

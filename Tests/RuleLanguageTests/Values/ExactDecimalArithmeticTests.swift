import Testing
@testable import RuleLanguage

/// A decimal the table states as text; a typo in a table fails the test instead of crashing it.
private func decimal(_ text: String) throws -> ExactDecimal { try #require(ExactDecimal(text)) }

/// 2^127 - 1 at the given scale: the largest magnitude an `ExactDecimal` holds.
private func largest(scale: Int, negative: Bool = false) -> ExactDecimal {
    ExactDecimal(significand: negative ? -Int128.max : Int128.max, scale: scale)
}

// MARK: - Arithmetic

@Suite("ExactDecimal arithmetic")
struct ExactDecimalArithmeticTests {
    /// a, b, a + b, a - b, a × b: compared as text, so the scale is checked too.
    @Test(arguments: [
        ("0.1", "0.2", "0.3", "-0.1", "0.02"),
        ("10.00", "1", "11.00", "9.00", "10.00"),
        ("1.5", "2.25", "3.75", "-0.75", "3.375"),
        ("19.99", "3", "22.99", "16.99", "59.97"),
        ("-1.5", "1.5", "0.0", "-3.0", "-2.25"),
        ("-2", "-0.5", "-2.5", "-1.5", "1.0"),
        ("0", "0.000", "0.000", "0.000", "0.000"),
        ("99999999999999999999.99", "0.01", "100000000000000000000.00", "99999999999999999999.98",
         "999999999999999999.9999"),
        ("9223372036854775807", "9223372036854775807", "18446744073709551614", "0",
         "85070591730234615847396907784232501249"),
        ("-9223372036854775808", "9223372036854775807", "-1", "-18446744073709551615",
         "-85070591730234615856620279821087277056"),
        ("0.0000000000000000001", "0.0000000000000000003", "0.0000000000000000004", "-0.0000000000000000002",
         "0.00000000000000000000000000000000000003"),
        ("12345678901234567890.5", "-0.25", "12345678901234567890.25", "12345678901234567890.75",
         "-3086419725308641972.625"),
    ])
    func exact(a: String, b: String, sum: String, difference: String, product: String) throws {
        let x = try decimal(a)
        let y = try decimal(b)
        #expect(try x.adding(y).description == sum)
        #expect(try x.subtracting(y).description == difference)
        #expect(try x.multiplying(by: y).description == product)
        // Commutative, whichever path (64-bit fast path or 128-bit slow path) computes it.
        #expect(try y.adding(x) == x.adding(y))
        #expect(try y.multiplying(by: x) == x.multiplying(by: y))
    }

    /// Results that only fit once trailing zeros are dropped: exact, at a smaller scale.
    @Test func dropsTrailingZerosToFit() throws {
        // Scale 28 + 20 = 48 > 38: the product's trailing zeros go.
        let product = try decimal("1.0000000000000000000000000000").multiplying(by: decimal("1.00000000000000000000"))
        #expect(product.description == "1." + String(repeating: "0", count: 38))
        // 10^37 × 10.0 = 10^39 at scale 1 overflows; 10^38 at scale 0 fits.
        let big = try decimal("10000000000000000000000000000000000000").multiplying(by: decimal("10.0"))
        #expect(big.description == "1" + String(repeating: "0", count: 38))
        // 10^35 + 1.0000 needs 10^39 at scale 4; scale 3 is the largest at which it fits.
        let sum = try decimal("100000000000000000000000000000000000").adding(decimal("1.0000"))
        #expect(sum.description == "100000000000000000000000000000000001.000")
        // 2 × (10^37 at scale 1) carries past 2^127 at scale 1; 2 × 10^37 at scale 0 fits.
        let half = ExactDecimal(significand: Int128(ExactDecimal.powersOfTen[38]), scale: 1)
        #expect(try half.adding(half).description == "20000000000000000000000000000000000000")
        // A zero product at scale 40 is still zero, at the largest legal scale.
        let zero = try decimal("0.00000000000000000000").multiplying(by: decimal("0.00000000000000000000"))
        #expect(zero.isZero && zero.scale == 38)
    }

    @Test(arguments: [
        (largest(scale: 0), ExactDecimal(1), "add"),
        (largest(scale: 0, negative: true), ExactDecimal(-1), "add"),
        (largest(scale: 0), largest(scale: 0, negative: true), "subtract"),
        (largest(scale: 0), largest(scale: 38), "add"),             // needs 39 + 38 digits
        (largest(scale: 0), ExactDecimal(2), "multiply"),
        (largest(scale: 10), largest(scale: 10), "multiply"),
        (ExactDecimal(significand: 1, scale: 20), ExactDecimal(significand: 1, scale: 20), "multiply"),  // 1e-40
        (ExactDecimal(significand: 3, scale: 38), ExactDecimal(significand: 3, scale: 1), "multiply"),   // 9e-39
        (ExactDecimal(Int64.max), ExactDecimal(significand: 1, scale: 38), "add"),
    ])
    func overflows(a: ExactDecimal, b: ExactDecimal, operation: String) {
        #expect(throws: DecimalError.overflow) {
            switch operation {
            case "add": _ = try a.adding(b)
            case "subtract": _ = try a.subtracting(b)
            default: _ = try a.multiplying(by: b)
            }
        }
    }

    /// a ÷ b as text.
    @Test(arguments: [
        ("10.00", "4", "2.50"),
        ("10", "4", "2.5"),
        ("1.0", "3", "0.333333333333333333"),
        ("2", "3", "0.666666666666666667"),
        ("-1.0", "3", "-0.333333333333333333"),
        ("2", "-3", "-0.666666666666666667"),
        ("-2", "-3", "0.666666666666666667"),
        ("7.5", "2.5", "3.0"),
        ("1", "8", "0.125"),
        ("1", "16", "0.0625"),
        ("5", "9", "0.555555555555555556"),
        ("100", "0.01", "10000.00"),
        ("0", "5", "0"),
        ("0.00", "-5", "0.00"),
        ("1", "3.000", "0.333333333333333333"),
        ("1.00000000000000000000", "3", "0.33333333333333333333"),           // precision follows scale 20
        ("0.000000000000000005", "10", "0.000000000000000001"),             // half rounds away from zero
        ("-0.000000000000000005", "10", "-0.000000000000000001"),
        ("0.000000000000000004", "10", "0.000000000000000000"),
        ("0.00000000000000000000000000000000000001", "10", "0.00000000000000000000000000000000000000"),
        ("99999999999999999999999999999999999999", "1", "99999999999999999999999999999999999999"),
        ("99999999999999999999999999999999999999", "99999999999999999999999999999999999999", "1"),
        ("1", "99999999999999999999999999999999999999", "0"),   // rounds to zero at 18 places
        ("99999999999999999999999999999999999999", "0.9", "111111111111111111111111111111111111110"),
        // Only fits with fewer fractional digits than the divisor has: keeps as many as fit.
        ("12345678901234567890", "0.000000000000000001", "12345678901234567890000000000000000000.0"),
        ("1", "0.00000000000000000000000000000000000001", "100000000000000000000000000000000000000"),
        ("50000000000000000000000000000000000000", "0.5", "100000000000000000000000000000000000000"),
        ("1", "0.0000000000000000000000000000000000001", "10000000000000000000000000000000000000.0"),
        ("1", "7", "0.142857142857142857"),
        ("22", "7", "3.142857142857142857"),
        ("1000000", "3", "333333.333333333333333333"),
    ])
    func division(a: String, b: String, quotient: String) throws {
        #expect(try decimal(a).dividing(by: decimal(b)).description == quotient)
    }

    @Test(arguments: [
        ("99999999999999999999999999999999999999", "0.7"),   // 1.4e38 with repeating digits
        ("99999999999999999999999999999999999999", "0.1"),   // 10^39
        ("10000000000000000000000000000000000000", "3"),     // 3.3e36 plus 18 repeating digits
    ])
    func divisionOverflows(a: String, b: String) throws {
        let x = try decimal(a)
        let y = try decimal(b)
        #expect(throws: DecimalError.overflow) { try x.dividing(by: y) }
    }

    @Test(arguments: ["0", "0.00", "-0.0"])
    func divisionByZero(zero: String) throws {
        let divisor = try decimal(zero)
        #expect(throws: DecimalError.divisionByZero) { try ExactDecimal(1).dividing(by: divisor) }
        #expect(throws: DecimalError.divisionByZero) { try ExactDecimal(0).dividing(by: divisor) }
    }

    /// value, floor, ceil, rounded (half away from zero), truncated.
    @Test(arguments: [
        ("2.5", 2, 3, 3, 2),
        ("-2.5", -3, -2, -3, -2),
        ("2.49", 2, 3, 2, 2),
        ("-2.49", -3, -2, -2, -2),
        ("-7.9", -8, -7, -8, -7),
        ("7.9", 7, 8, 8, 7),
        ("7", 7, 7, 7, 7),
        ("-7.000", -7, -7, -7, -7),
        ("0.0", 0, 0, 0, 0),
        ("0.5", 0, 1, 1, 0),
        ("-0.5", -1, 0, -1, 0),
        ("0.50000000000000000000000000000000000000", 0, 1, 1, 0),
        ("0.49999999999999999999999999999999999999", 0, 1, 0, 0),
        ("-0.99999999999999999999999999999999999999", -1, 0, -1, 0),
        ("9223372036854775807.4", Int64.max, nil, Int64.max, Int64.max),
        ("9223372036854775807.5", Int64.max, nil, nil, Int64.max),
        ("-9223372036854775808.5", nil, Int64.min, nil, Int64.min),
        ("-9223372036854775808", Int64.min, Int64.min, Int64.min, Int64.min),
        ("9223372036854775808", nil, nil, nil, nil),
        ("1e30", nil, nil, nil, nil),
        ("-99999999999999999999999999999999999999", nil, nil, nil, nil),
        ("1234567890123456789.0123456789", 1_234_567_890_123_456_789, 1_234_567_890_123_456_790,
         1_234_567_890_123_456_789, 1_234_567_890_123_456_789),
    ] as [(String, Int64?, Int64?, Int64?, Int64?)])
    func rounding(value: String, floor: Int64?, ceil: Int64?, rounded: Int64?, truncated: Int64?) throws {
        let x = try decimal(value)
        #expect(x.floor() == floor)
        #expect(x.ceil() == ceil)
        #expect(x.rounded() == rounded)
        #expect(x.truncated() == truncated)
    }

    @Test func roundingAtTheLargestSignificand() {
        let x = largest(scale: 38)  // 1.70141183460469231731687303715884105727
        #expect(x.floor() == 1 && x.ceil() == 2 && x.rounded() == 2 && x.truncated() == 1)
        let y = largest(scale: 38, negative: true)
        #expect(y.floor() == -2 && y.ceil() == -1 && y.rounded() == -2 && y.truncated() == -1)
    }
}

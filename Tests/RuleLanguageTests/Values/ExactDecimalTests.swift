import Testing
@testable import RuleLanguage

/// Parses with the JSON grammar (no leading dot, no leading zeros).
private func json(_ text: String) -> ExactDecimal? {
    var text = text
    return text.withUTF8 { ExactDecimal.parse($0) }
}

/// Parses with the CEL grammar, as `ExactDecimal.init?(_:)` does.
private func cel(_ text: String) -> ExactDecimal? { ExactDecimal(text) }

/// 2^127 - 1 at the given scale: the largest magnitude an `ExactDecimal` holds.
private func largest(scale: Int, negative: Bool = false) -> ExactDecimal {
    ExactDecimal(significand: negative ? -Int128.max : Int128.max, scale: scale)
}

// MARK: - Parsing and description

@Suite("ExactDecimal parsing and description")
struct ExactDecimalParsingTests {
    /// Accepted by both grammars: input, description, scale.
    static let roundTrips: [(String, String, Int)] = [
        ("128.50", "128.50", 2),
        ("0.0", "0.0", 1),
        ("0", "0", 0),
        ("-0", "0", 0),
        ("-0.00", "0.00", 2),
        ("-4.5e-3", "-0.0045", 4),
        ("-0.0045", "-0.0045", 4),
        ("1e3", "1000", 0),
        ("1E3", "1000", 0),
        ("2.3e+1", "23", 0),
        ("2.30e1", "23.0", 1),
        ("1.5e-3", "0.0015", 4),
        ("0.5", "0.5", 1),
        ("1e0", "1", 0),
        ("1e-0", "1", 0),
        ("12345e-2", "123.45", 2),
        ("0e-50", "0.00000000000000000000000000000000000000", 38),
        ("0e50", "0", 0),
        ("1.0e-38", "0.00000000000000000000000000000000000001", 38),
        ("10e-39", "0.00000000000000000000000000000000000001", 38),
        ("1e37", "10000000000000000000000000000000000000", 0),
        ("99999999999999999999999999999999999999", "99999999999999999999999999999999999999", 0),
        ("-99999999999999999999999999999999999999", "-99999999999999999999999999999999999999", 0),
        ("0.12345678901234567890123456789012345678", "0.12345678901234567890123456789012345678", 38),
        ("-9.9999999999999999999999999999999999999", "-9.9999999999999999999999999999999999999", 37),
        ("0000000000000000000000000000000000000000000000000001", "1", 0),  // CEL only, see below
        ("18446744073709551615", "18446744073709551615", 0),   // UInt64.max: the fast accumulator's edge
        ("18446744073709551616", "18446744073709551616", 0),
        ("9999999999999999999", "9999999999999999999", 0),    // 19 digits
        ("10000000000000000000", "10000000000000000000", 0),  // 20 digits
        ("1234567890.0987654321", "1234567890.0987654321", 10),
        // Past 38 significant digits only trailing fractional zeros can go, and they do.
        ("1.00000000000000000000000000000000000000000000", "1.0000000000000000000000000000000000000", 37),
    ]

    @Test(arguments: roundTrips)
    func celRoundTrip(input: String, expected: String, scale: Int) throws {
        let value = try #require(cel(input))
        #expect(value.description == expected)
        #expect(value.scale == scale)
        // The description reads back as the same representation.
        let again = try #require(cel(value.description))
        #expect(again.significand == value.significand && again.scale == value.scale)
    }

    @Test(arguments: roundTrips.filter { !$0.0.hasPrefix("00") })
    func jsonRoundTrip(input: String, expected: String, scale: Int) throws {
        let value = try #require(json(input))
        #expect(value.description == expected)
        #expect(value.scale == scale)
    }

    /// CEL literals may omit the integer part and may have leading zeros; JSON may not.
    @Test(arguments: [
        (".5", "0.5"),
        ("-.5", "-0.5"),
        (".5e1", "5"),
        (".05", "0.05"),
        ("00.5", "0.5"),
        ("01", "1"),
        ("-01.50", "-1.50"),
        ("00", "0"),
    ])
    func celOnlyForms(input: String, expected: String) throws {
        let value = try #require(cel(input))
        #expect(value.description == expected)
        #expect(json(input) == nil)
    }

    /// Rejected by both grammars: syntax errors and values out of range.
    @Test(arguments: [
        "", " ", " 1", "1 ", "1.", "-", ".", "-.", "1e", "1e+", "1E-", "+1", "--1", "1.2.3", "1e5.5",
        "1,5", "0x10", "1_000", "NaN", "inf", "e5", ".e5", "1.e5", "1e999", "1e-999",
        "1e1000000000000000000000000",
        "1234567890123456789012345678901234567890",    // 40 significant digits
        "123456789012345678901234567890123456789",     // 39
        "100000000000000000000000000000000000000",     // 39 digits, even if only zeros follow
        "0.000000000000000000000000000000000000001",   // needs scale 39
        "1e38",                                        // 39 integer digits
        "1.5e-38",                                     // needs scale 39
        "1.00000000000000000000000000000000000001",    // 39 significant digits
    ])
    func rejects(input: String) {
        #expect(cel(input) == nil)
        #expect(json(input) == nil)
    }

    /// Descriptions of significands the parser cannot produce (39 digits) still print.
    @Test(arguments: [
        (Int128.max, 0, "170141183460469231731687303715884105727"),
        (-Int128.max, 38, "-1.70141183460469231731687303715884105727"),
        (Int128.max, 20, "1701411834604692317.31687303715884105727"),
        (Int128(UInt64.max) + 1, 19, "1.8446744073709551616"),
        (-5, 3, "-0.005"),
        (0, 38, "0.00000000000000000000000000000000000000"),
        (Int128(Int64.min), 0, "-9223372036854775808"),
    ])
    func describesSignificand(significand: Int128, scale: Int, expected: String) {
        let value = ExactDecimal(significand: significand, scale: scale)
        #expect(value.description == expected)
        var buffer = Array("x=".utf8)
        value.write(to: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "x=" + expected)
    }

    @Test func accessorsAndLayout() {
        let value = ExactDecimal(significand: -12850, scale: 2)
        #expect(value.significand == -12850)
        #expect(value.scale == 2)
        #expect(value.isNegative && !value.isZero)
        #expect(value.negated.description == "128.50")
        #expect(ExactDecimal(0).isZero && !ExactDecimal(0).isNegative)
        #expect(ExactDecimal(Int64.min).description == "-9223372036854775808")
        #expect(largest(scale: 0).negated.significand == -Int128.max)
        // Two words and a byte: 17 bytes, 8-byte aligned, so enums holding it stay at 24 bytes.
        #expect(MemoryLayout<ExactDecimal>.size == 17)
        #expect(MemoryLayout<ExactDecimal>.alignment == 8)
        #expect(MemoryLayout<LayoutProbe>.stride == 24)
    }

    /// Shaped like a value enum: a decimal beside a string and an int.
    enum LayoutProbe {
        case decimal(ExactDecimal)
        case string(String)
        case int(Int64)
    }
}

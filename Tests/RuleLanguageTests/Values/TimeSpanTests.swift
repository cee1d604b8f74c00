import Testing
@testable import RuleLanguage

/// Durations: CEL (Go `time.ParseDuration`) text, output form, getters and overflow.
/// Cases marked "conformance" come from the CEL conformance suite.
@Suite struct TimeSpanTests {
    static let second: Int64 = 1_000_000_000

    static let parsesCases: [(String, Int64)] = [
        ("1000000s", 1_000_000 * second),                       // conformance
        ("123.321456789s", 123_321_456_789),                     // conformance
        ("3730s", 3730 * second),
        ("1h30m", 5400 * second),
        ("-1.5s", -1_500_000_000),
        ("+1.5s", 1_500_000_000),
        ("0", 0), ("+0", 0), ("-0", 0), ("0s", 0), ("-0s", 0),
        ("2h45m3.5s", 9903 * second + 500_000_000),
        ("1.5h", 5400 * second),
        ("1h1h", 7200 * second),
        ("1ms", 1_000_000), ("1us", 1000), ("1µs", 1000), ("1μs", 1000), ("1ns", 1),
        ("1m", 60 * second),
        (".5s", 500_000_000),
        ("1.s", second),
        ("00001s", second),
        ("0.1s", 100_000_000),
        ("0.333333333333333333333333h", 1_199_999_999_999),     // exact, not via Double
        ("1.0000000001s", second),                               // sub-nanosecond truncated
        ("0.0000000019s", 1),
        ("-1.0000000019s", -1_000_000_001),
        ("1.5ms2us", 1_502_000),
        ("9223372036.854775807s", Int64.max),
        ("9223372036854775807ns", Int64.max),
        ("-9223372036.854775808s", Int64.min),
        ("-9223372036854775808ns", Int64.min),
        ("2562047h47m16.854775807s", Int64.max),
    ]

    @Test(arguments: TimeSpanTests.parsesCases)
    func parses(text: String, nanoseconds: Int64) throws {
        let span = try #require(TimeSpan(celString: text))
        #expect(span.nanoseconds == nanoseconds)
    }

    static let rejectsCases: [String] = [
        "320000000000s", "-320000000000s",                       // conformance: out of range
        "9223372036.854775808s", "-9223372036.854775809s", "9223372036854775808ns",
        "2562048h", "99999999999999999999999s", "1000000000000000000000ns",
        "", "-", "+", "s", "1", "1.5", ".", ".s", "1d", "1 h", "1hh", " 1h", "1h ",
        "1..5s", "1e3s", "1h-30m", "--1s", "+-1s", "0x10s", "1S", "1H", "00", "0.0", "1s1",
        "1h 30m", "one second", "1,5s", "1µ", "1μ",
    ]

    @Test(arguments: TimeSpanTests.rejectsCases)
    func rejects(text: String) {
        #expect(TimeSpan(celString: text) == nil)
    }

    static let formatsCases: [(Int64, String)] = [
        (1_000_000 * second, "1000000s"),                        // conformance
        (1_500_000_000, "1.5s"),
        (-1_500_000_000, "-1.5s"),
        (-1, "-0.000000001s"),
        (0, "0s"),
        (100, "0.0000001s"),
        (3 * second, "3s"),
        (123_321_456_789, "123.321456789s"),
        (Int64.max, "9223372036.854775807s"),
        (Int64.min, "-9223372036.854775808s"),
    ]

    @Test(arguments: TimeSpanTests.formatsCases)
    func formats(nanoseconds: Int64, text: String) {
        let span = TimeSpan(nanoseconds: nanoseconds)
        #expect(span.celString == text)
        #expect(span.description == text)
        #expect(TimeSpan(celString: text) == span)               // output parses back
        var buffer = Array("d=".utf8)
        span.write(to: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "d=" + text)
    }

    static let gettersCases: [(String, Int64, Int64, Int64, Int64)] = [
        ("123.321456789s", Int64(0), Int64(2), Int64(123), Int64(321)),   // conformance: ms 321
        ("3730s", 1, 62, 3730, 0),                                        // conformance: minutes 62
        ("10000s", 2, 166, 10000, 0),                                     // conformance: hours 2
        ("-123.321456789s", 0, -2, -123, -321),
        ("-3730s", -1, -62, -3730, 0),
        ("0.999999999s", 0, 0, 0, 999),
        ("-0.0015s", 0, 0, 0, -1),
        ("59m59.999s", 0, 59, 3599, 999),
    ]

    /// (text, totalHours, totalMinutes, totalSeconds, millisecondsPart)
    @Test(arguments: TimeSpanTests.gettersCases)
    func getters(text: String, hours: Int64, minutes: Int64, seconds: Int64, milliseconds: Int64) throws {
        let span = try #require(TimeSpan(celString: text))
        #expect(span.totalHours == hours)
        #expect(span.totalMinutes == minutes)
        #expect(span.totalSeconds == seconds)
        #expect(span.millisecondsPart == milliseconds)
    }

    @Test func constructors() {
        #expect(TimeSpan.seconds(90)?.nanoseconds == 90 * Self.second)
        #expect(TimeSpan.seconds(-9_223_372_036)?.nanoseconds == -9_223_372_036 * Self.second)
        #expect(TimeSpan.seconds(9_223_372_037) == nil)
        #expect(TimeSpan.seconds(Int64.max) == nil)
        #expect(TimeSpan.seconds(Int64.min) == nil)
        #expect(TimeSpan.days(1)?.nanoseconds == 86_400 * Self.second)
        #expect(TimeSpan.days(-7) == TimeSpan(celString: "-168h"))
        #expect(TimeSpan.days(106_751) != nil)
        #expect(TimeSpan.days(106_752) == nil)
        #expect(TimeSpan.days(-106_752) == nil)
        #expect(TimeSpan(celString: "1h30m") == TimeSpan.seconds(5400))   // conformance
        #expect(TimeSpan.zero.nanoseconds == 0)
    }

    @Test func arithmetic() throws {
        // duration('200000000000s') + duration('200000000000s'): each operand already exceeds
        // Int64 nanoseconds, so the expression fails at the operand; a sum of two in-range
        // durations that overflows fails at the addition.
        #expect(TimeSpan(celString: "200000000000s") == nil)
        #expect(TimeSpan.seconds(200_000_000_000) == nil)
        let half = try #require(TimeSpan(celString: "5000000000s"))
        #expect(half.adding(half) == nil)
        let small = try #require(TimeSpan.seconds(200_000_000))
        #expect(small.adding(small) == TimeSpan.seconds(400_000_000))
        let max = TimeSpan(nanoseconds: .max), min = TimeSpan(nanoseconds: .min)
        #expect(max.adding(TimeSpan(nanoseconds: 1)) == nil)
        #expect(min.subtracting(TimeSpan(nanoseconds: 1)) == nil)
        #expect(min.adding(max) == TimeSpan(nanoseconds: -1))
        #expect(TimeSpan(nanoseconds: 0).subtracting(min) == nil)
        #expect(min.negated == nil)
        #expect(max.negated == TimeSpan(nanoseconds: -Int64.max))
        #expect(TimeSpan(celString: "-1.5s")?.negated == TimeSpan(celString: "1.5s"))
        #expect(TimeSpan(celString: "1h")?.subtracting(TimeSpan(celString: "30m")!) == TimeSpan(celString: "30m"))
        #expect(min < TimeSpan.zero && TimeSpan.zero < max)
    }
}

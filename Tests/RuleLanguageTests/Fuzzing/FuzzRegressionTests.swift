import Testing
@testable import RuleLanguage

/// Inputs the libFuzzer targets in Fuzz/ found to crash or hang the rule language, each
/// minimised; the test only has to get through them with an ordinary result (docs/Fuzzing.md).
@Suite struct FuzzRegressionTests {
    /// FuzzExpression: a fraction of 19+ digits overflowed `Int` in the RFC 3339 parser,
    /// which multiplied every digit in before looking at how many there were.
    @Test(arguments: [
        "timestamp('0001-01-01T00:00:00.9223372068547750000)",   // as found, minimised
        "timestamp('2026-01-01T00:00:00.9223372036854775808Z')",
        "timestamp('2026-01-01T00:00:00.99999999999999999999999999999999999999+08:00')",
    ])
    func longTimestampFractionDoesNotTrap(_ source: String) {
        // Whether such a fraction is refused or cut to nanoseconds is the parser's policy;
        // the finding was the trap.
        let outcome = Outcome.of(Evaluation.value(of: source))
        #expect(outcome.hasPrefix("timestamp") || outcome.hasPrefix("error") || outcome.hasPrefix("rejected"), "\(outcome)")
    }

    @Test func rfc3339FractionKeepsAtMostNanoseconds() {
        for digits in [19, 20, 40, 200] {
            let text = "2026-01-01T00:00:00." + String(repeating: "9", count: digits) + "Z"
            if let instant = Instant(rfc3339: text) {
                #expect(instant == Instant(rfc3339: "2026-01-01T00:00:00.999999999Z"), "\(digits) digits")
            }
        }
        #expect(Instant(rfc3339: "2026-01-01T00:00:00.123456789Z") == Instant(seconds: 1_767_225_600, nanoseconds: 123_456_789))
    }
}

@testable import LoyaltyEngine
import RuleLanguage
import Testing

/// Event lines the libFuzzer targets in Fuzz/ found to crash or hang the stream, each
/// minimised; a bad line must come back as one error line, never stop the run
/// (docs/Fuzzing.md).
@Suite struct EngineFuzzRegressionTests {
    static let pack = """
    pack shop
    rule base on purchase
      award floor(event.amount) points
    """

    /// An `at` with a 19+ digit fraction overflowed `Int` in the RFC 3339 parser and
    /// trapped, ending `loyalty run` on one line (found by FuzzExpression through `timestamp()`,
    /// then by FuzzJSON through `EventDecoder`).
    @Test func longFractionInTimestampDoesNotStopTheStream() throws {
        var run = try EngineHarness(Self.pack)
        let lines = [
            #"{"id":"t1","type":"tick","at":"2026-01-01T00:00:00.9223372036854775808Z"}"#,
            #"{"id":"p1","type":"purchase","member":"m","at":"2026-01-02T00:00:00.99999999999999999999+08:00","amount":1}"#,
            // As FuzzJSON found it, minimised (no offset, so a bad timestamp in any case).
            #"{"id":"e","type":"","member":"M","at":"2026-05-15T08:23:30.55555555555558000800"}"#,
        ]
        for line in lines { run.feed(line) }
        // Each line was applied or refused as a bad timestamp, and the stream goes on.
        #expect(run.errorLines.allSatisfy { $0.contains("\"code\":\"bad-timestamp\"") }, "\(run.errorLines)")
        #expect(run.errorLines.contains { $0.hasPrefix("{\"line\":3,") })
        let next = run.feed(#"{"id":"p2","type":"purchase","member":"m","at":"2026-01-03T00:00:00.5+08:00","amount":1}"#)
        #expect(next.count == 1)
    }
}

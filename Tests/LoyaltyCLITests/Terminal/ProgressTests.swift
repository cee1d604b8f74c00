import Foundation
@testable import LoyaltyCLI
import Testing

/// Live progress (issue 6): on a terminal, `run`, `simulate` and `test` redraw one status
/// line on stderr and clear it before their results; piped, they print no progress at all.
@Suite struct ProgressTests {
    static let stream = Result { () throws -> URL in
        let directory = try CLITestSupport.makeTemporaryDirectory("progress")
        let events = directory.appendingPathComponent("events.jsonl")
        try CLITestSupport.generateStream(["--events", "3000", "--members", "300", "--days", "60"], into: events)
        return events
    }

    static let clear = "\r\u{1B}[2K"

    @Test func runShowsAStatusLineOnATerminalAndNothingWhenPiped() throws {
        let events = try Self.stream.get()
        let terminal = CLITestSupport.run(["run", "--rules", CLITestSupport.benchRules], input: events, terminal: true)
        let piped = CLITestSupport.run(["run", "--rules", CLITestSupport.benchRules], input: events)
        #expect(terminal.status == .success && piped.status == .success)
        #expect(terminal.output == piped.output, "progress goes to stderr only")
        let status = try #require(terminal.errors.firstMatch(of: #/\r\e\[2K([\d,]+) events · ([\d,]+)/s · ([\d,]+) rejected · ([\d,]+) members/#))
        #expect(Int(status.1.replacing(",", with: ""))! >= 1024)
        // The line is cleared before the summary, which is the same as when piped.
        let summary = try #require(piped.errors.split(separator: "\n").last)
        #expect(terminal.errors.contains(Self.clear + "{\"summary\":"))
        #expect(!piped.errors.contains("\u{1B}"))
        #expect(summary.hasPrefix("{\"summary\":{\"events\":"))
    }

    @Test func simulateShowsProgressOnATerminal() throws {
        let events = try Self.stream.get()
        let arguments = ["simulate", "--rules", CLITestSupport.benchRules, "--set", "bench.lifetime=days(30)"]
        let terminal = CLITestSupport.run(arguments, input: events, terminal: true)
        let piped = CLITestSupport.run(arguments, input: events)
        #expect(terminal.status == .success)
        #expect(terminal.errors.contains(Self.clear + "simulating: "))
        #expect(terminal.errors.hasSuffix(Self.clear))
        #expect(!piped.errors.contains("simulating"))
    }

    @Test func testShowsWhichSampleItIsRunningOnATerminal() {
        let terminal = PackageRoot.withCurrentDirectory {
            CLITestSupport.run(["test", "samples/bench/expiry", "samples/bench/referral"], terminal: true)
        }
        #expect(terminal.status == .success)
        #expect(terminal.errors.contains(Self.clear + "[1/2] samples/bench/expiry"))
        #expect(terminal.errors.contains(Self.clear + "[2/2] samples/bench/referral"))
        #expect(terminal.output == "pass samples/bench/expiry\npass samples/bench/referral\n2 passed, 0 failed\n")
    }
}

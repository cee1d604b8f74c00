import Foundation
@testable import LoyaltyCLI
import Testing

/// Merchants change their program without recompiling: a param overridden with `--set`, or
/// a copy of the pack edited, changes the decisions of the same binary accordingly.
@Suite struct TweakTests {
    static let events = CLITestSupport.packageRoot.appendingPathComponent("samples/bench/base-and-tiers/events.jsonl")

    /// The first purchase (b2) spends 199.90: 164.90 on eligible items, 35.00 on tobacco.
    static func firstPoints(_ arguments: [String]) -> String? {
        let outcome = CLITestSupport.run(["run"] + arguments, input: events)
        return outcome.output.split(separator: "\n").first.flatMap { line in
            line.range(of: "\"delta\":").map { String(line[$0.upperBound...].prefix { $0 != "," }) }
        }
    }

    @Test func shippedPackAsIs() {
        #expect(Self.firstPoints(["--rules", CLITestSupport.benchRules]) == "164")
    }

    @Test func overridingAParamWithSet() {
        let doubled = #"bench.factor={"normal": 2, "silver": 2.4, "gold": 3, "diamond": 4}"#
        #expect(Self.firstPoints(["--rules", CLITestSupport.benchRules, "--set", doubled]) == "329")   // ⌊164.90 × 2⌋
        #expect(Self.firstPoints(["--rules", CLITestSupport.benchRules, "--set", #"bench.excluded=["gift-card"]"#]) == "199")
    }

    @Test func editingACopyOfThePack() throws {
        let directory = try CLITestSupport.makeTemporaryDirectory("tweak")
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("bench.rules")
        let text = try String(contentsOfFile: CLITestSupport.benchRules, encoding: .utf8)
        let edited = text.replacingOccurrences(of: #"param excluded = ["tobacco", "gift-card"]"#, with: #"param excluded = ["gift-card"]"#)
        #expect(edited != text, "the shipped pack should declare the excluded categories as a param")
        try edited.write(to: copy, atomically: true, encoding: .utf8)
        // Tobacco now earns too: ⌊164.90 + 35.00⌋ = 199.
        #expect(Self.firstPoints(["--rules", copy.path]) == "199")
    }

    @Test func aBadOverrideIsReportedNotIgnored() {
        let outcome = CLITestSupport.run(["run", "--rules", CLITestSupport.benchRules, "--set", "bench.factr=2"], input: Self.events)
        #expect(outcome.status == .failure)
        #expect(outcome.errors.contains("bench.factr"))
        #expect(outcome.output.isEmpty)
    }
}

import Foundation
@testable import LoyaltyCLI
import LoyaltyEngine
import Testing

/// SPEC §8: four partitions, each applying its own members and forwarding effects on other
/// partitions' members (referral points), give every member the same decisions as one process.
@Suite struct PartitionTests {
    @Test func fourPartitionsGiveEachMemberTheSameDecisionsAsOneProcess() throws {
        let directory = try CLITestSupport.makeTemporaryDirectory("partitions")
        defer { try? FileManager.default.removeItem(at: directory) }
        let stream = directory.appendingPathComponent("events.jsonl")
        try CLITestSupport.generateStream(["--events", "12000", "--members", "1500", "--days", "400", "--seed", "11", "--dup-rate", "0.01"], into: stream)
        let rules = CLITestSupport.benchRules

        let single = CLITestSupport.run(["run", "--rules", rules], input: stream)
        #expect(single.status == .success)

        // Phase 1: each partition runs its members and writes the effects it forwards.
        var forwardFiles: [String] = []
        for k in 0..<4 {
            let forwards = directory.appendingPathComponent("forwards-\(k).jsonl").path
            forwardFiles.append(forwards)
            let outcome = CLITestSupport.run(["run", "--rules", rules, "--partition", "\(k)/4", "--forward-to", forwards], input: stream)
            #expect(outcome.status == .success, "\(outcome.errors)")
        }
        let forwarded = try forwardFiles.map { try String(contentsOfFile: $0, encoding: .utf8) }.joined()
        #expect(forwarded.contains("\"effect\":\"award\""), "the stream should have referrals across partitions")

        // Phase 2: each partition runs again, applying what the others forwarded to it.
        var merged: [String] = []
        for k in 0..<4 {
            let arguments = ["run", "--rules", rules, "--partition", "\(k)/4"] + forwardFiles.flatMap { ["--forwarded", $0] }
            let outcome = CLITestSupport.run(arguments, input: stream)
            #expect(outcome.status == .success, "\(outcome.errors)")
            merged.append(outcome.output)
        }
        let expected = try Self.byMember(single.output)
        let actual = try Self.byMember(merged.joined())
        #expect(expected.count > 1000)
        #expect(expected.keys.sorted() == actual.keys.sorted())
        for member in expected.keys.sorted() where expected[member] != actual[member] {
            Issue.record("member \(member): single process \(expected[member]!.count) decisions, partitioned \(actual[member]?.count ?? 0); first: \(expected[member]!.first ?? "") vs \(actual[member]?.first ?? "")")
            break
        }
    }

    /// Each member's decision lines in order. An `expire` decision's `event` is left out: it
    /// names whichever event first reached the lot's expiry, and a partition does not see the
    /// other partitions' events (docs/Partitioning.md).
    static func byMember(_ output: String) throws -> [String: [String]] {
        var members: [String: [String]] = [:]
        for line in output.split(separator: "\n") {
            var object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let member = object["member"] as! String
            if object["kind"] as? String == "expire" { object["event"] = nil }
            let normalised = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            members[member, default: []].append(String(decoding: normalised, as: UTF8.self))
        }
        return members
    }
}

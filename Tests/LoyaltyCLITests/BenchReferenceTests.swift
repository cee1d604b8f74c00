import Foundation
@testable import LoyaltyCLI
import Testing

/// The benchmark program against an independent implementation written from PROGRAMS.md §8
/// alone (tools/bench-reference.py, docs/BenchReference.md): on generated streams with
/// duplicates and bad lines, the decisions projected onto §8's fields must be identical.
@Suite struct BenchReferenceTests {
    static let fields: [String: [String]] = [
        "points": ["event", "member", "kind", "rule", "delta", "balance"],
        "tier": ["event", "member", "kind", "rule", "from", "to"],
        "expire": ["event", "member", "kind", "delta", "balance"],
    ]

    @Test(arguments: [1, 2])
    func decisionsMatchTheIndependentReference(seed: Int) throws {
        let directory = try CLITestSupport.makeTemporaryDirectory("reference")
        defer { try? FileManager.default.removeItem(at: directory) }
        let stream = directory.appendingPathComponent("events.jsonl")
        try CLITestSupport.generateStream(["--events", "6000", "--members", "600", "--days", "420", "--seed", "\(seed)",
                                           "--dup-rate", "0.02", "--bad-rate", "0.02"], into: stream)
        let ours = CLITestSupport.run(["run", "--rules", CLITestSupport.benchRules], input: stream)
        #expect(ours.status == .success)

        let reference = Process()
        reference.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        reference.arguments = ["python3", CLITestSupport.packageRoot.appendingPathComponent("tools/bench-reference.py").path]
        reference.standardInput = try FileHandle(forReadingFrom: stream)
        let pipe = Pipe()
        reference.standardOutput = pipe
        reference.standardError = FileHandle.nullDevice
        try reference.run()
        let referenceOutput = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        reference.waitUntilExit()
        #expect(reference.terminationStatus == 0)

        let expected = try Self.project(referenceOutput)
        let actual = try Self.project(ours.output)
        #expect(expected.count > 5000)
        if let first = zip(expected, actual).enumerated().first(where: { $0.element.0 != $0.element.1 }) {
            Issue.record("decision \(first.offset + 1) differs:\n  reference: \(first.element.0)\n  loyalty:   \(first.element.1)")
        }
        #expect(expected.count == actual.count)
    }

    /// Each decision reduced to §8's fields, in §8's order.
    static func project(_ output: String) throws -> [String] {
        try output.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let kind = object["kind"] as! String
            return (fields[kind] ?? []).map { "\($0)=\(object[$0].map { "\($0)" } ?? "-")" }.joined(separator: " ")
        }
    }
}

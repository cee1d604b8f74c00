import Foundation
@testable import LoyaltyCLI
import Testing

/// The hostile single inputs of `tools/limits.sh`, small enough for every test run: each
/// ends in one clear error line and the stream goes on. (`tools/limits.sh` adds the 1 GB
/// stream with 10% bad lines and reports memory.)
@Suite struct HostileInputTests {
    static let pack = """
    pack hostile
    rule checkin on interaction when event.action == "checkin"
      award 5 points
    rule pattern on interaction when has(event.note) && event.note.matches("(a+)+b")
      award 1 points
    """

    static func interaction(_ id: String, _ at: String, action: String = "checkin", note: String? = nil) -> String {
        let noteField = note.map { ",\"note\":\"\($0)\"" } ?? ""
        return "{\"id\":\"\(id)\",\"type\":\"interaction\",\"member\":\"m\",\"at\":\"\(at)\",\"action\":\"\(action)\"\(noteField)}"
    }

    @Test func eachHostileLineIsOneErrorAndTheStreamGoesOn() throws {
        let directory = try CLITestSupport.makeTemporaryDirectory("hostile")
        defer { try? FileManager.default.removeItem(at: directory) }
        let rules = directory.appendingPathComponent("hostile.rules")
        try Self.pack.write(to: rules, atomically: true, encoding: .utf8)
        let lines = [
            Self.interaction("c1", "2026-01-01T10:00:00+08:00"),
            "{\"id\":\"long\",\"type\":\"join\",\"member\":\"m\",\"at\":\"2026-01-01T10:00:00+08:00\",\"note\":\""
                + String(repeating: "x", count: 10_000_000) + "\"}",
            String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000),
            // (a+)+b on 500,000 a's: a backtracking matcher would never finish; ours is linear.
            Self.interaction("slow", "2026-01-01T10:00:01+08:00", action: "share", note: String(repeating: "a", count: 500_000)),
            Self.interaction("match", "2026-01-01T10:00:02+08:00", action: "share", note: "aab"),
            #"{"id":"t","type":"tick","at":"9999-12-31T10:00:00+08:00"}"#,
            Self.interaction("c2", "2026-01-02T10:00:00+08:00"),
        ]
        let events = directory.appendingPathComponent("events.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: events, atomically: true, encoding: .utf8)
        let rejects = directory.appendingPathComponent("rejects.jsonl")

        // The pack has no calendar hooks, so the far-future line is refused only with a limit.
        let outcome = CLITestSupport.run(["run", "--rules", rules.path, "--rejects", rejects.path, "--max-clock-jump", "400"], input: events)
        #expect(outcome.status == .success)
        let decisions = outcome.output.split(separator: "\n").map(String.init)
        #expect(decisions.map { Self.field($0, "event") } == ["c1", "match", "c2"])
        #expect(decisions.map { Self.field($0, "balance") } == ["5", "6", "11"])
        let errors = outcome.errors.split(separator: "\n").filter { $0.hasPrefix("{\"line\"") }.map(String.init)
        #expect(errors.map { Self.field($0, "line") } == ["2", "3", "6"])
        #expect(errors.map { Self.field($0, "code") } == ["line-too-long", "too-deep", "bad-timestamp"])
        // The too-deep and far-future lines are kept verbatim; the 10 MB one is not read into memory.
        let kept = try String(contentsOf: rejects, encoding: .utf8).split(separator: "\n")
        #expect(kept.count == 2)
        #expect(kept.first?.hasPrefix("[[[") == true)
        #expect(kept.last.map(String.init) == lines[5])
    }

    @Test func aHundredThousandTermExpressionIsRefusedClearly() throws {
        let terms = Array(repeating: "1", count: 100_000).joined(separator: " + ")
        let eval = CLITestSupport.run(["eval", terms])
        #expect(eval.status != .success)
        #expect(eval.errors.contains("too long"))

        let directory = try CLITestSupport.makeTemporaryDirectory("hostile-pack")
        defer { try? FileManager.default.removeItem(at: directory) }
        let rules = directory.appendingPathComponent("huge.rules")
        try "pack huge\nrule r on purchase when \(terms) > 0\n  award 1 points\n".write(to: rules, atomically: true, encoding: .utf8)
        let check = CLITestSupport.run(["check", "--rules", rules.path])
        #expect(check.status == .failure)
        #expect(check.errors.contains("huge.rules:2:"))
        #expect(check.errors.contains("too long"))
    }

    /// The text of one top-level field of a JSON line (strings unquoted).
    static func field(_ line: String, _ name: String) -> String? {
        guard let data = line.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let value = object[name] else { return nil }
        return "\(value)"
    }
}

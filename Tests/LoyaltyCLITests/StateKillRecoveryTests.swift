import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SPEC §6: "A run killed at any moment and started again over the same stream ends in the
/// same state as an uninterrupted run." The built `loyalty` binary is SIGKILLed at random
/// moments while it checkpoints, restarted over the whole stream each time, and finally
/// left to finish; its state and the union of its decisions must equal an uninterrupted run's.
@Suite struct StateKillRecoveryTests {
    static let kills = 8

    @Test(.timeLimit(.minutes(3)))
    func aRunKilledAtRandomMomentsEndsAsAnUninterruptedRun() throws {
        let binary = try Self.loyaltyBinary()
        let directory = try CLITestSupport.makeTemporaryDirectory("kill-recovery")
        defer { try? FileManager.default.removeItem(at: directory) }
        let events = directory.appendingPathComponent("events.jsonl")
        try CLITestSupport.generateStream(["--events", "20000", "--members", "2000", "--days", "400", "--dup-rate", "0.01"], into: events)
        let rules = CLITestSupport.benchRules

        // The uninterrupted run.
        let referenceState = directory.appendingPathComponent("reference.state").path
        let referenceOutput = directory.appendingPathComponent("reference.jsonl")
        let started = Date()
        let reference = try Self.start(binary, ["run", "--rules", rules, "--state", referenceState], input: events, output: referenceOutput)
        reference.waitUntilExit()
        let duration = Date().timeIntervalSince(started)
        try #require(reference.terminationStatus == 0, "the uninterrupted run failed")
        let expectedState = try Self.show(binary, referenceState, in: directory)
        let expected = try Self.decisions(in: referenceOutput)
        try #require(expected.keys.count > 10_000)

        // Killed runs, then one that finishes.
        let state = directory.appendingPathComponent("killed.state").path
        var random = SplitMix64(seed: 20_260_101)
        var outputs: [URL] = []
        var kills = 0
        var killsAfterACheckpoint = 0
        while true {
            let output = directory.appendingPathComponent("run-\(outputs.count).jsonl")
            outputs.append(output)
            let hadState = FileManager.default.fileExists(atPath: state)
            let process = try Self.start(binary, ["run", "--rules", rules, "--state", state, "--checkpoint", "500"], input: events, output: output)
            if kills < Self.kills {
                // Somewhere in the first two thirds of a full run's time: late enough to pass
                // a checkpoint or two, early enough to cut the run short.
                let delay = duration * (0.1 + 0.55 * Double(random.next() % 1000) / 1000)
                let deadline = Date().addingTimeInterval(delay)
                while process.isRunning, Date() < deadline { usleep(5_000) }
                if process.isRunning {
                    kill(process.processIdentifier, SIGKILL)
                    process.waitUntilExit()
                    kills += 1
                    if hadState { killsAfterACheckpoint += 1 }
                    continue
                }
            }
            process.waitUntilExit()
            try #require(process.terminationReason == .exit && process.terminationStatus == 0,
                         "the last run (after \(kills) kills) failed with status \(process.terminationStatus)")
            break
        }
        #expect(kills == Self.kills)
        #expect(killsAfterACheckpoint > 0, "no kill happened after a checkpoint: the restarts were never tested")

        #expect(try Self.show(binary, state, in: directory) == expectedState, "the state after the kills differs")
        var actual = Decisions()
        for output in outputs { actual.formUnion(try Self.decisions(in: output)) }
        let missingKeys = expected.keys.subtracting(actual.keys)
        let extraKeys = actual.keys.subtracting(expected.keys)
        #expect(missingKeys.isEmpty && extraKeys.isEmpty,
                "\(missingKeys.count) decisions missing, e.g. \(missingKeys.prefix(3)); \(extraKeys.count) extra, e.g. \(extraKeys.prefix(3))")
        let missingLines = expected.lines.subtracting(actual.lines)
        let extraLines = actual.lines.subtracting(expected.lines)
        #expect(missingLines.isEmpty && extraLines.isEmpty,
                "\(missingLines.count) decision lines missing, e.g. \(missingLines.prefix(2)); \(extraLines.count) extra, e.g. \(extraLines.prefix(2))")
    }

    // MARK: - Helpers

    /// Decisions deduplicated: by (event, rule, kind, member, account, lot), and as whole lines.
    struct Decisions {
        struct Key: Hashable, CustomStringConvertible {
            var event, rule, kind, member, account, lot: String
            var description: String { "(\(event), \(rule), \(kind), \(member), \(account), \(lot))" }
        }

        var keys: Set<Key> = []
        var lines: Set<String> = []

        mutating func formUnion(_ other: Decisions) {
            keys.formUnion(other.keys)
            lines.formUnion(other.lines)
        }
    }

    /// The decision lines of one run's output; a torn last line (the kill came mid-write) is dropped.
    static func decisions(in file: URL) throws -> Decisions {
        let text = try String(contentsOf: file, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeLast() // empty after a final newline, or the torn fragment
        var decisions = Decisions()
        for (number, line) in lines.enumerated() {
            let parsed = try? JSONSerialization.jsonObject(with: Data(line.utf8))
            let object = try #require(parsed as? [String: Any], "line \(number + 1) of \(file.lastPathComponent) is not a JSON object: \(line)")
            func field(_ name: String) -> String { object[name].map { "\($0)" } ?? "" }
            decisions.keys.insert(.init(event: field("event"), rule: field("rule"), kind: field("kind"), member: field("member"),
                                        account: field("account"), lot: field("lot")))
            decisions.lines.insert(line)
        }
        return decisions
    }

    /// `loyalty state show --state PATH`.
    static func show(_ binary: URL, _ state: String, in directory: URL) throws -> String {
        let output = directory.appendingPathComponent("show-\(UUID().uuidString).jsonl")
        let process = try start(binary, ["state", "show", "--state", state], input: nil, output: output)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "state show --state \(state) failed")
        return try String(contentsOf: output, encoding: .utf8)
    }

    static func start(_ binary: URL, _ arguments: [String], input: URL?, output: URL) throws -> Process {
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.standardInput = try input.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The `loyalty` executable `swift build` / `swift test` built beside the test bundle.
    static func loyaltyBinary() throws -> URL {
        var candidates: [URL] = []
        let bundle = Bundle.main.bundleURL
        candidates.append(bundle.appendingPathComponent("loyalty"))
        candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("loyalty"))
        for loaded in Bundle.allBundles where loaded.bundlePath.hasSuffix(".xctest") {
            candidates.append(loaded.bundleURL.deletingLastPathComponent().appendingPathComponent("loyalty"))
        }
        if let executable = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent("loyalty"))
        }
        candidates.append(CLITestSupport.packageRoot.appendingPathComponent(".build/debug/loyalty"))
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw SetupError("the loyalty executable was not found; looked at: \(candidates.map(\.path).joined(separator: ", ")). Build it first: swift build")
        }
        return found
    }
}

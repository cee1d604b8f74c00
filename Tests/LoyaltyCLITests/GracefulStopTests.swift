import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// SIGTERM (a service manager stopping the run) and SIGINT (Ctrl-C) end `loyalty run` as
/// the end of its input would: decisions flushed, state saved, summary printed, exit 0 — even
/// while it waits on a live stream. A rerun over the same stream continues where it stopped.
@Suite struct GracefulStopTests {
    static func checkin(_ number: Int) -> String {
        "{\"id\":\"c\(number)\",\"type\":\"interaction\",\"member\":\"m\(number)\",\"at\":\"2026-01-0\(number)T10:00:00+08:00\",\"action\":\"checkin\"}\n"
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func aSignalStopsALiveRunCleanly(signal: Int32) throws {
        let binary = try StateKillRecoveryTests.loyaltyBinary()
        let directory = try CLITestSupport.makeTemporaryDirectory("stop")
        defer { try? FileManager.default.removeItem(at: directory) }
        let state = directory.appendingPathComponent("run.state").path
        let output = directory.appendingPathComponent("out.jsonl")
        let errors = directory.appendingPathComponent("err.jsonl")
        for file in [output, errors] { _ = FileManager.default.createFile(atPath: file.path, contents: nil) }

        let input = Pipe()
        let process = Process()
        process.executableURL = binary
        process.arguments = ["run", "--rules", CLITestSupport.benchRules, "--state", state]
        process.standardInput = input
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        // Three events, then the till goes quiet (the pipe stays open): the run is waiting.
        input.fileHandleForWriting.write(Data((1...3).map(Self.checkin).joined().utf8))
        let deadline = Date().addingTimeInterval(30)
        func decisions() -> [Substring] { ((try? String(contentsOf: output, encoding: .utf8)) ?? "").split(separator: "\n") }
        while decisions().count < 3, Date() < deadline { usleep(20_000) }
        if decisions().count != 3 { kill(process.processIdentifier, SIGKILL) }
        try #require(decisions().count == 3, "the run should have applied and flushed the three events")

        kill(process.processIdentifier, signal)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        #expect(!process.isRunning, "the run should end on the signal without more input")
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        input.fileHandleForWriting.closeFile()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        let stderr = try String(contentsOf: errors, encoding: .utf8)
        let name = signal == SIGTERM ? "SIGTERM" : "SIGINT"
        #expect(stderr.contains("{\"stopped\":{\"signal\":\"\(name)\",\"after_line\":3}}"))
        #expect(stderr.contains("\"saved\":true"))
        #expect(stderr.contains("\"summary\":{\"events\":3,\"applied\":3"))

        // The same stream, now with two more events: only those are decided.
        let stream = directory.appendingPathComponent("events.jsonl")
        try (1...5).map(Self.checkin).joined().write(to: stream, atomically: true, encoding: .utf8)
        let rerun = CLITestSupport.run(["run", "--rules", CLITestSupport.benchRules, "--state", state], input: stream)
        #expect(rerun.output.split(separator: "\n").map { $0.contains("\"event\":\"c4\"") || $0.contains("\"event\":\"c5\"") } == [true, true])
        #expect(rerun.errors.contains("\"replayed\":3"))
    }
}

import Foundation
@testable import LoyaltyCLI
import LoyaltyEngine
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `loyalty run --watch`: a pack edited while events stream in takes effect between two
/// events; a broken edit is reported and the running rules stay.
@Suite struct LiveReloadTests {
    @Test func editedPacksReloadBetweenEventsAndBrokenEditsAreRefused() throws {
        let directory = try CLITestSupport.makeTemporaryDirectory("reload")
        defer { try? FileManager.default.removeItem(at: directory) }
        let pack = directory.appendingPathComponent("shop.rules")
        func write(_ text: String) throws { try text.write(to: pack, atomically: true, encoding: .utf8) }
        try write("pack shop\nrule base on purchase\n  award floor(event.amount) points\n")

        var descriptors: [Int32] = [0, 0]
        // Close-on-exec: other tests spawn processes meanwhile, and a child holding the write
        // end would keep the run from ever seeing the end of its input.
        #expect(pipe(&descriptors) == 0)
        for descriptor in descriptors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        let box = StreamsBox(StandardStreams.memory(input: descriptors[0]))
        let finished = DispatchSemaphore(value: 0)
        let runner = Thread {
            _ = LoyaltyCLI.main(arguments: ["run", "--rules", pack.path, "--watch", "--stamp"], streams: box.streams)
            finished.signal()
        }
        runner.start()
        func send(_ id: String, _ amount: Int) {
            let line = "{\"id\":\"\(id)\",\"type\":\"purchase\",\"member\":\"m\",\"at\":\"2026-01-01T10:00:0\(id)Z\",\"amount\":\(amount)}\n"
            _ = line.withCString { Glibc.write(descriptors[1], $0, strlen($0)) }
        }
        // The watcher polls twice a second; the test waits until it has noticed each edit,
        // and until the run has taken the reload up at the next event, however loaded the
        // machine is (only this test uses --watch in the test process).
        func changes() -> Int { LiveReload.changesNoticed.load(ordering: .relaxed) }
        func reloads() -> Int { LiveReload.reloadsAttempted.load(ordering: .relaxed) }
        func waitUntil(_ counter: () -> Int, exceeds value: Int) {
            let deadline = Date().addingTimeInterval(20)
            while counter() <= value, Date() < deadline { usleep(20_000) }
        }
        let changesBefore = changes(), reloadsBefore = reloads()
        send("1", 10)
        usleep(1_000_000)
        try write("pack shop\nrule base on purchase\n  award floor(event.amount) * 2 points\n")
        waitUntil(changes, exceeds: changesBefore)
        send("2", 10)
        waitUntil(reloads, exceeds: reloadsBefore)
        try write("pack shop\nrule base on purchase\n  award floor(event.amount) * 3 points\n  oops\n")
        waitUntil(changes, exceeds: changesBefore + 1)
        send("3", 10)
        close(descriptors[1])
        #expect(finished.wait(timeout: .now() + 30) == .success)
        close(descriptors[0])
        let streams = box.streams

        let decisions = String(decoding: streams.output.bytes, as: UTF8.self).split(separator: "\n")
        #expect(decisions.map { field(String($0), "delta") } == ["10", "20", "20"])
        #expect(Set(decisions.map { field(String($0), "pack_version") }).count == 2)
        let errors = String(decoding: streams.errors.bytes, as: UTF8.self)
        #expect(errors.contains("{\"reload\":\"ok\""))
        #expect(errors.contains("{\"reload\":\"failed\""))
        #expect(errors.contains("shop.rules:4:3: error:"))
    }

    private func field(_ line: String, _ name: String) -> String? {
        guard let range = line.range(of: "\"\(name)\":") else { return nil }
        var rest = line[range.upperBound...]
        if rest.first == "\"" { rest = rest.dropFirst(); return String(rest.prefix { $0 != "\"" }) }
        return String(rest.prefix { $0 != "," && $0 != "}" })
    }
}

/// Hands the in-memory streams to the thread that runs the command (read back only after it finished).
private final class StreamsBox: @unchecked Sendable {
    let streams: StandardStreams
    init(_ streams: StandardStreams) { self.streams = streams }
}

import Foundation
@testable import LoyaltyCLI
import LoyaltyEngine
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
        #expect(pipe(&descriptors) == 0)
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
        send("1", 10)
        usleep(400_000)
        try write("pack shop\nrule base on purchase\n  award floor(event.amount) * 2 points\n")
        usleep(1_500_000)      // the watcher polls twice a second
        send("2", 10)
        usleep(400_000)
        try write("pack shop\nrule base on purchase\n  award floor(event.amount) * 3 points\n  oops\n")
        usleep(1_500_000)
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

import Foundation
@testable import LoyaltyCLI
import LoyaltyEngine
import Testing

/// SPEC §8 on a real stream engine: the stream is XADDed into one Redis stream per partition
/// (keyed by member hash; ticks to every partition), each partition's `loyalty run
/// --partition K/N` is fed by a consumer-group reader, effects on other partitions' members go
/// to per-partition `forwards:K` streams, and the merged decisions equal one process's.
/// Needs `redis-server` (.ci/run installs it); without it the test is skipped with a message.
@Suite struct RedisPartitionTests {
    static let redisServer = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: redisServer != nil, "redis-server is not installed (apt-get install redis-server); .ci/run installs it"))
    func partitionsFedByRedisConsumerGroupsMatchOneProcess() throws {
        let directory = try CLITestSupport.makeTemporaryDirectory("redis")
        defer { try? FileManager.default.removeItem(at: directory) }
        let port = UInt16(20_000 + Int.random(in: 0..<20_000))
        let server = Process()
        server.executableURL = URL(fileURLWithPath: Self.redisServer!)
        server.arguments = ["--port", "\(port)", "--save", "", "--appendonly", "no", "--dir", directory.path]
        server.standardOutput = FileHandle.nullDevice
        try server.run()
        // SIGKILL: the server is the test's own and holds nothing worth a clean shutdown (it did
        // not always exit on SIGTERM here).
        defer { kill(server.processIdentifier, SIGKILL); server.waitUntilExit() }
        let redis = try Self.connect(port: port)

        let stream = directory.appendingPathComponent("events.jsonl")
        try CLITestSupport.generateStream(["--events", "8000", "--members", "1000", "--days", "400", "--seed", "5"], into: stream)
        let rules = CLITestSupport.benchRules
        let partitions = 4

        // Producer: each line to its member's partition stream, with its position as `seq`.
        let lines = try String(contentsOf: stream, encoding: .utf8).split(separator: "\n").map(String.init)
        var commands: [[String]] = []
        for (index, line) in lines.enumerated() {
            let withSequence = "{\"seq\":\(index + 1)," + line.dropFirst()
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let targets = (object["member"] as? String).map { [Partition.partition(of: $0, count: partitions)] } ?? Array(0..<partitions)
            for target in targets { commands.append(["XADD", "events:\(target)", "*", "line", withSequence]) }
        }
        for reply in try redis.pipeline(commands) { if case .error(let message) = reply { Issue.record("XADD: \(message)") } }

        // Phase 1: consumer groups read each partition; effects on other partitions are forwarded.
        for k in 0..<partitions {
            let input = directory.appendingPathComponent("in-\(k).jsonl")
            try Self.consume(redis, stream: "events:\(k)", into: input)
            let forwards = directory.appendingPathComponent("forwards-\(k).jsonl")
            let outcome = CLITestSupport.run(["run", "--rules", rules, "--partition", "\(k)/\(partitions)", "--forward-to", forwards.path], input: input)
            #expect(outcome.status == .success, "\(outcome.errors)")
            var forwardCommands: [[String]] = []
            for line in try String(contentsOf: forwards, encoding: .utf8).split(separator: "\n") {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
                let target = Partition.partition(of: object["member"] as! String, count: partitions)
                forwardCommands.append(["XADD", "forwards:\(target)", "*", "line", String(line)])
            }
            if !forwardCommands.isEmpty { _ = try redis.pipeline(forwardCommands) }
        }

        // Phase 2: each partition's events and forwarded effects, merged by stream position.
        var merged = ""
        var forwardedTotal = 0
        for k in 0..<partitions {
            let events = try Self.readAll(redis, stream: "events:\(k)")
            let forwarded = try Self.readAll(redis, stream: "forwards:\(k)")
            forwardedTotal += forwarded.count
            let ordered = (events + forwarded).sorted { Self.sequence($0) < Self.sequence($1) }
            let input = directory.appendingPathComponent("phase2-\(k).jsonl")
            try (ordered.joined(separator: "\n") + "\n").write(to: input, atomically: true, encoding: .utf8)
            let outcome = CLITestSupport.run(["run", "--rules", rules, "--partition", "\(k)/\(partitions)"], input: input)
            #expect(outcome.status == .success, "\(outcome.errors)")
            merged += outcome.output
        }
        #expect(forwardedTotal > 0, "the stream should have referrals across partitions")

        let single = CLITestSupport.run(["run", "--rules", rules], input: stream)
        let expected = try PartitionTests.byMember(single.output)
        let actual = try PartitionTests.byMember(merged)
        #expect(expected.keys.sorted() == actual.keys.sorted())
        let differing = expected.keys.filter { expected[$0] != actual[$0] }
        #expect(differing.isEmpty, "members whose decisions differ: \(differing.sorted().prefix(5))")
    }

    static func connect(port: UInt16) throws -> RedisConnection {
        for _ in 0..<100 {
            if let connection = try? RedisConnection(port: port), (try? connection.command(["PING"])) == .simple("PONG") { return connection }
            usleep(50_000)
        }
        throw RedisConnection.Failure(description: "redis-server did not answer on port \(port)")
    }

    /// Reads a stream to its end through a consumer group, acknowledging each batch.
    static func consume(_ redis: RedisConnection, stream: String, into file: URL) throws {
        try redis.command(["XGROUP", "CREATE", stream, "loyalty", "0", "MKSTREAM"])
        var lines: [String] = []
        while true {
            let reply = try redis.command(["XREADGROUP", "GROUP", "loyalty", "reader", "COUNT", "500", "STREAMS", stream, ">"])
            guard case .array(let streams?) = reply, case .array(let parts?) = streams.first, parts.count == 2,
                  case .array(let entries?) = parts[1], !entries.isEmpty else { break }
            var ids: [String] = []
            for entry in entries {
                guard case .array(let pair?) = entry, case .bulk(let id?) = pair[0], case .array(let fields?) = pair[1],
                      case .bulk(let line?) = fields.last else { continue }
                ids.append(id)
                lines.append(line)
            }
            try redis.command(["XACK", stream, "loyalty"] + ids)
        }
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
    }

    static func readAll(_ redis: RedisConnection, stream: String) throws -> [String] {
        guard case .array(let entries?) = try redis.command(["XRANGE", stream, "-", "+"]) else { return [] }
        return entries.compactMap { entry in
            guard case .array(let pair?) = entry, case .array(let fields?) = pair[1], case .bulk(let line?) = fields.last else { return nil }
            return line
        }
    }

    static func sequence(_ line: String) -> Int {
        guard let range = line.range(of: "\"seq\":") else { return 0 }
        return Int(line[range.upperBound...].prefix { $0.isNumber }) ?? 0
    }
}

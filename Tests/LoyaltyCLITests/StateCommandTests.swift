import Foundation
@testable import LoyaltyCLI
import LoyaltyEngine
import Testing

/// `run --state` and `state show`, in-process.
@Suite struct StateCommandTests {
    /// One generated stream for all the tests, and its first half; made once.
    static let streams = Result { () throws(SetupError) -> [URL] in
        do {
            let directory = try CLITestSupport.makeTemporaryDirectory("state-command-stream")
            let events = directory.appendingPathComponent("events.jsonl")
            try CLITestSupport.generateStream(["--events", "3000", "--members", "300", "--days", "60", "--dup-rate", "0.01"], into: events)
            let lines = try String(contentsOf: events, encoding: .utf8).split(separator: "\n")
            let firstHalf = directory.appendingPathComponent("first-half.jsonl")
            try (lines.prefix(1500).joined(separator: "\n") + "\n").write(to: firstHalf, atomically: true, encoding: .utf8)
            return [events, firstHalf]
        } catch let error as SetupError {
            throw error
        } catch {
            throw SetupError("cannot make the test stream: \(error)")
        }
    }

    let directory: URL

    init() throws {
        directory = try CLITestSupport.makeTemporaryDirectory("state-command")
    }

    var events: URL { get throws { try Self.streams.get()[0] } }
    var firstHalf: URL { get throws { try Self.streams.get()[1] } }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    @Test func aResumedRunEndsLikeAnUninterruptedOne() throws {
        let reference = CLITestSupport.run(["run", "--rules", CLITestSupport.benchRules, "--state", path("ref.state")], input: try events)
        #expect(reference.status == .success)
        let first = CLITestSupport.run(["run", "--rules", CLITestSupport.benchRules, "--state", path("s.state"), "--checkpoint", "100"], input: try firstHalf)
        let second = CLITestSupport.run(["run", "--rules", CLITestSupport.benchRules, "--state", path("s.state"), "--checkpoint", "100"], input: try events)
        #expect(first.status == .success && second.status == .success)
        // The second run skips the first half as duplicates and continues in the same order.
        #expect(first.output + second.output == reference.output)
        #expect(second.errors.contains("\"code\":\"duplicate\""))
        let shown = CLITestSupport.run(["state", "show", "--state", path("s.state")])
        let expected = CLITestSupport.run(["state", "show", "--state", path("ref.state")])
        #expect(shown.status == .success)
        #expect(shown.output == expected.output)
        #expect(shown.output.split(separator: "\n").count > 200)
    }

    @Test func showPrintsCanonicalSortedLines() throws {
        _ = CLITestSupport.run(["run", "--rules", CLITestSupport.benchRules, "--state", path("s.state")], input: try events)
        let shown = CLITestSupport.run(["state", "show", "--state", path("s.state")])
        let lines = shown.output.split(separator: "\n").map(String.init)
        let ids = try lines.map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return try #require(object["member"] as? String)
        }
        #expect(ids == ids.sorted())
        let first = try #require(lines.first)
        #expect(first.hasPrefix("{\"member\":\"\(ids[0])\",\"joined\":"))
        let fields = #/^\{"member":"[^"]+","joined":("[0-9T:-]+Z"|null),"birthday":("\d{4}-\d\d-\d\d"|null),"referrer":("[^"]*"|null),"referrals":\d+,"last_purchase":("[0-9T:-]+Z"|null),"packs":\{"bench":\{"tier":"(normal|silver|gold|diamond)","tier_expires":null,"accounts":\{"points":\{"balance":-?\d+,"debt":-?\d+,"lifetime":-?\d+,"lots":\[.*\]\}\},"variables":\{\}\}\},"metrics":\{"purchases":\d+,"spend":-?\d+(\.\d+)?,"interactions":\d+\}\}$/#
        for line in lines { #expect(line.wholeMatch(of: fields) != nil, "unexpected line: \(line)") }

        let one = CLITestSupport.run(["state", "show", "--state", path("s.state"), "--member", ids[ids.count / 2]])
        #expect(one.status == .success)
        #expect(one.output == lines[ids.count / 2] + "\n")
        let missing = CLITestSupport.run(["state", "show", "--state", path("s.state"), "--member", "nobody"])
        #expect(missing.status == .failure)
        #expect(missing.errors == "error: the state in '\(path("s.state"))' has no member 'nobody'\n")
    }

    /// A refund refused because its purchase came later in the stream stays refused when a
    /// killed run is restarted from its state over the same stream (the state now knows the
    /// purchase); a retry of that refund after the restart point is applied, as in one run.
    @Test func anEventRefusedForWhatTheStateHeldStaysRefusedOnRestart() throws {
        func line(_ id: String, _ type: String, _ at: String, _ extra: String) -> String {
            "{\"id\":\"\(id)\",\"type\":\"\(type)\",\"member\":\"m\",\"at\":\"2026-03-0\(at)T10:00:00+08:00\"\(extra)}"
        }
        let item = ",\"amount\":100,\"items\":[{\"sku\":\"a\",\"category\":\"food\",\"qty\":1,\"price\":100}]"
        let lines = [
            line("j", "join", "1", ""),
            line("r", "refund", "2", ",\"original\":\"p\",\"amount\":50"),  // p is not there yet
            line("p", "purchase", "3", item),
            line("q", "purchase", "4", item),
            line("r", "refund", "5", ",\"original\":\"p\",\"amount\":50"),  // the retry
        ]
        let whole = directory.appendingPathComponent("whole.jsonl")
        let firstThree = directory.appendingPathComponent("first-three.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: whole, atomically: true, encoding: .utf8)
        try (lines.prefix(3).joined(separator: "\n") + "\n").write(to: firstThree, atomically: true, encoding: .utf8)

        let reference = CLITestSupport.run(["run", "--rules", CLITestSupport.benchRules], input: whole)
        #expect(reference.errors.contains("\"line\":2,\"code\":\"unknown-original\""))
        let refunds = reference.output.split(separator: "\n").filter { $0.contains("\"event\":\"r\"") }
        #expect(refunds.count == 1, "only the retry is applied: \(reference.output)")

        // The "killed" run got through three lines and saved its state.
        let first = CLITestSupport.run(["run", "--rules", CLITestSupport.benchRules, "--state", path("r.state")], input: firstThree)
        let second = CLITestSupport.run(["run", "--rules", CLITestSupport.benchRules, "--state", path("r.state")], input: whole)
        #expect(first.output + second.output == reference.output)
        #expect(second.errors.contains("\"replayed\":3"))
        #expect(!second.errors.contains("unknown-original"))
    }

    /// `state verify`: a state and the decisions that built it agree (with a resumed run's
    /// repeated lines counted once); a lost decision is named with the account it breaks.
    @Test func verifyChecksTheDecisionsAddUpToTheState() throws {
        let run = CLITestSupport.run(["run", "--rules", CLITestSupport.benchRules, "--state", path("s.state")], input: try events)
        #expect(run.status == .success)
        try run.output.write(toFile: path("decisions.jsonl"), atomically: true, encoding: .utf8)
        let clean = CLITestSupport.run(["state", "verify", "--state", path("s.state"), "--decisions", path("decisions.jsonl"), "--events", try events.path])
        #expect(clean.status == .success)
        #expect(clean.output.hasPrefix("{\"verified\":true,\"members\":"))
        #expect(clean.output.hasSuffix(",\"problems\":0}\n"))

        // Decisions written twice (a restart after a checkpoint) count once.
        let lines = run.output.split(separator: "\n").map(String.init)
        try ((lines + lines.suffix(100)).joined(separator: "\n") + "\n").write(toFile: path("repeated.jsonl"), atomically: true, encoding: .utf8)
        let repeated = CLITestSupport.run(["state", "verify", "--state", path("s.state"), "--decisions", path("repeated.jsonl")])
        #expect(repeated.status == .success)

        // One points decision lost: its account no longer adds up.
        let lost = try #require(lines.lastIndex { $0.contains("\"kind\":\"points\"") && $0.contains("\"rule\":\"bench.base\"") })
        let member = try #require(lines[lost].firstMatch(of: #/"member":"([^"]+)"/#)?.1)
        var damaged = lines
        damaged.remove(at: lost)
        try (damaged.joined(separator: "\n") + "\n").write(toFile: path("damaged.jsonl"), atomically: true, encoding: .utf8)
        let broken = CLITestSupport.run(["state", "verify", "--state", path("s.state"), "--decisions", path("damaged.jsonl")])
        #expect(broken.status == .failure)
        #expect(broken.output.hasPrefix("problem: member '\(member)', pack 'bench', account 'points': balance "))
        #expect(broken.output.hasSuffix(",\"problems\":1}\n"))
    }

    @Test func aDamagedStateIsRefusedAndNothingIsProcessed() throws {
        _ = CLITestSupport.run(["run", "--rules", CLITestSupport.benchRules, "--state", path("s.state")], input: try firstHalf)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path("s.state")))
        bytes = bytes.prefix(bytes.count - 100)
        try bytes.write(to: URL(fileURLWithPath: path("s.state")))
        let run = CLITestSupport.run(["run", "--rules", CLITestSupport.benchRules, "--state", path("s.state")], input: try events)
        #expect(run.status == .failure)
        #expect(run.output.isEmpty)
        #expect(run.errors.hasPrefix("error: cannot load the state in '\(path("s.state"))': the file is truncated: it is \(bytes.count) bytes long but its header says \(bytes.count + 100)"))
        #expect(run.errors.contains("no events were processed"))
        // The damaged file is left as it was, for the operator to look at.
        #expect(try Data(contentsOf: URL(fileURLWithPath: path("s.state"))) == bytes)
        let show = CLITestSupport.run(["state", "show", "--state", path("s.state")])
        #expect(show.status == .failure)
        #expect(show.errors.contains("truncated"))
    }

    @Test func aStateThatCouldNotBeSavedStopsTheRunBeforeAnyEvent() throws {
        let run = CLITestSupport.run(["run", "--rules", CLITestSupport.benchRules, "--state", path("missing/s.state")], input: try events)
        #expect(run.status == .failure)
        #expect(run.output.isEmpty)
        #expect(run.errors.hasPrefix("error: cannot save a state in the directory '\(path("missing"))': No such file or directory\nno events were processed\n"))
    }

    @Test func showNeedsAnExistingFile() {
        let show = CLITestSupport.run(["state", "show", "--state", path("none.state")])
        #expect(show.status == .failure)
        #expect(show.errors == "error: there is no state file '\(path("none.state"))'\n")
    }

    @Test(arguments: [
        (["state"], "error: missing what to do with the state: 'show' or 'verify'"),
        (["state", "shwo", "--state", "x"], "error: unknown command 'shwo'; did you mean 'show'?"),
        (["state", "show"], "error: missing --state FILE (the state file to read)"),
        (["run", "--checkpoint", "10"], "error: --checkpoint needs --state FILE (where to save)"),
        (["run", "--state", "x", "--checkpoint", "0"], "error: --checkpoint needs a positive number of lines, not '0'"),
    ])
    func usageMistakes(arguments: [String], message: String) {
        let outcome = CLITestSupport.run(arguments)
        #expect(outcome.status == .usage)
        #expect(outcome.errors.hasPrefix(message + "\n"))
    }
}

import Foundation
import LoyaltyEngine

/// `loyalty state show`: the members of a state file (saved by `run --state`) as canonical
/// JSON lines, sorted by member id (see `StateReport` for the fields). Reads the file alone:
/// no rule packs are needed. `loyalty state verify` checks the ledger invariants, and with
/// `--decisions` (and `--events`) that the decisions add up to the state.
struct StateCommand: Command {
    static let name = "state"
    static let summary = "show or verify the member state saved by 'run --state'"
    static let usage = "loyalty state show|verify --state FILE [--member ID] [--decisions FILE [--events FILE]]"
    static let maximumPositionals = 1
    static let options = [
        OptionSpec("--state", value: "FILE", help: "the state file to read"),
        OptionSpec("--member", value: "ID", help: "show only this member"),
        OptionSpec("--decisions", value: "FILE", help: "verify: the decisions of the run(s) that made the state must add up to it"),
        OptionSpec("--events", value: "FILE", help: "verify, with --decisions: the events, to check that no refund clawed back more than its purchase earned"),
    ]
    static let examples = [
        "loyalty state show --state loyalty.state > members.jsonl",
        "loyalty state show --state loyalty.state --member M000042",
        "loyalty state verify --state loyalty.state --decisions decisions.jsonl --events events.jsonl",
    ]

    /// What to do with the state.
    enum Action: String, CaseIterable {
        case show, verify
    }

    var action: Action
    var path: String
    var member: String?
    var decisions: String?
    var events: String?

    init(_ arguments: ParsedArguments) throws(UsageError) {
        let actions = Action.allCases.map(\.rawValue)
        guard let name = arguments.positionals.first else {
            throw UsageError("missing what to do with the state: \(actions.map { "'\($0)'" }.joined(separator: " or "))")
        }
        guard let action = Action(rawValue: name) else { throw UsageError.unknownCommand(name, among: actions) }
        guard let path = arguments.value("--state") else { throw UsageError("missing --state FILE (the state file to read)") }
        self.action = action
        self.path = path
        member = arguments.value("--member")
        decisions = arguments.value("--decisions")
        events = arguments.value("--events")
        if events != nil, decisions == nil { throw UsageError("--events needs --decisions FILE") }
    }

    func run(_ streams: StandardStreams) -> ExitStatus {
        let snapshot: StateSnapshot
        do throws(StateError) {
            guard let loaded = try StateStore.load(from: path) else {
                streams.printError("error: there is no state file '\(path)'")
                return .failure
            }
            snapshot = loaded
        } catch {
            streams.printError("error: cannot load the state in '\(path)': \(error.message)")
            return .failure
        }
        if action == .verify { return verify(snapshot, streams) }
        let report = StateReport(snapshot)
        guard let member else {
            report.writeAll(to: streams.output)
            return .success
        }
        guard let position = report.position(ofMember: member) else {
            streams.printError("error: the state in '\(path)' has no member '\(member)'")
            return .failure
        }
        report.write(member: position, to: streams.output)
        return .success
    }

    private func verify(_ snapshot: StateSnapshot, _ streams: StandardStreams) -> ExitStatus {
        func lines(_ path: String?) -> [String]?? {
            guard let path else { return .some(nil) }
            // Read as bytes: an event file may hold lines that are not UTF-8 (they were rejected).
            guard let data = FileManager.default.contents(atPath: path) else {
                streams.printError("error: cannot read '\(path)'")
                return nil
            }
            return .some(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
        }
        guard let decisionLines = lines(decisions), let eventLines = lines(events) else { return .failure }
        let result = StateVerifier.verify(snapshot, decisions: decisionLines, events: eventLines)
        for problem in result.problems.prefix(50) { streams.print("problem: \(problem)") }
        if result.problems.count > 50 { streams.print("and \(result.problems.count - 50) more problems") }
        streams.print(result.summary)
        return result.isClean ? .success : .failure
    }
}

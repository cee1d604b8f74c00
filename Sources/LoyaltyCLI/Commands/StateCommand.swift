import LoyaltyEngine

/// `loyalty state show`: the members of a state file (saved by `run --state`) as canonical
/// JSON lines, sorted by member id (see `StateReport` for the fields). Reads the file alone:
/// no rule packs are needed.
struct StateCommand: Command {
    static let name = "state"
    static let summary = "show the member state saved by 'run --state'"
    static let usage = "loyalty state show --state FILE [--member ID]"
    static let maximumPositionals = 1
    static let options = [
        OptionSpec("--state", value: "FILE", help: "the state file to read"),
        OptionSpec("--member", value: "ID", help: "show only this member"),
    ]
    static let examples = [
        "loyalty state show --state loyalty.state > members.jsonl",
        "loyalty state show --state loyalty.state --member M000042",
    ]

    /// What to do with the state; `verify` will join `show`.
    enum Action: String, CaseIterable {
        case show
    }

    var action: Action
    var path: String
    var member: String?

    init(_ arguments: ParsedArguments) throws(UsageError) {
        let actions = Action.allCases.map(\.rawValue)
        guard let name = arguments.positionals.first else {
            throw UsageError("missing what to do with the state: \(actions.map { "'\($0)'" }.joined(separator: ", "))")
        }
        guard let action = Action(rawValue: name) else { throw UsageError.unknownCommand(name, among: actions) }
        guard let path = arguments.value("--state") else { throw UsageError("missing --state FILE (the state file to read)") }
        self.action = action
        self.path = path
        member = arguments.value("--member")
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
}

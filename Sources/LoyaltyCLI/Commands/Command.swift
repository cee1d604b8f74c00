/// A subcommand: its name, a one-line summary, usage, options, and how it runs.
/// Each command is a small struct; the shared work lives in LoyaltyEngine.
protocol Command {
    static var name: String { get }
    static var summary: String { get }
    static var usage: String { get }
    static var options: [OptionSpec] { get }
    static var maximumPositionals: Int { get }
    /// Worked examples for `loyalty help COMMAND`.
    static var examples: [String] { get }
    /// What the positional arguments are (`PATH`, `CODE`), for `loyalty help COMMAND`.
    static var arguments: [OptionSpec] { get }
    /// What shell completion offers for the positional arguments.
    static var argumentCompletion: CompletionScript.Candidates { get }

    init(_ arguments: ParsedArguments) throws(UsageError)
    func run(_ streams: StandardStreams) -> ExitStatus
}

extension Command {
    static var arguments: [OptionSpec] { [] }

    /// Files, unless the command takes no arguments.
    static var argumentCompletion: CompletionScript.Candidates { maximumPositionals == 0 ? .nothing : .files }
}

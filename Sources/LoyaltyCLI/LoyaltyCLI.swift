import RuleLanguage

/// The command-line interface as a library: `main.swift` is one call to `LoyaltyCLI.main`,
/// and tests run every command in-process with in-memory streams.
public enum LoyaltyCLI {
    /// The subcommands, in the order `loyalty --help` lists them.
    static let commands: [any Command.Type] = [
        RunCommand.self,
        CheckCommand.self,
        TestCommand.self,
        EvalCommand.self,
        StateCommand.self,
        SimulateCommand.self,
        FormatCommand.self,
        ExplainCommand.self,
        CompletionsCommand.self,
    ]

    /// Runs one command line (without the program name) and returns the exit status.
    public static func main(arguments: [String], streams: StandardStreams) -> ExitStatus {
        defer { streams.flush() }
        guard let first = arguments.first, first != "--help", first != "-h" else {
            streams.print(HelpText.overview(commands))
            return arguments.isEmpty ? .usage : .success
        }
        if first == "help" {
            return help(Array(arguments.dropFirst()), streams)
        }
        guard let command = commands.first(where: { $0.name == first }) else {
            let error = UsageError.unknownCommand(first, among: commands.map { $0.name } + ["help"])
            streams.printError("error: \(error.message)\n\n" + HelpText.overview(commands))
            return .usage
        }
        let rest = Array(arguments.dropFirst())
        if rest.contains("--help") || rest.contains("-h") {
            streams.print(HelpText.detail(command))
            return .success
        }
        do throws(UsageError) {
            let parsed = try ArgumentScanner.scan(rest, options: command.options, maximumPositionals: command.maximumPositionals)
            return try command.init(parsed).run(streams)
        } catch {
            streams.printError("error: \(error.message)\nusage: \(command.usage)")
            return .usage
        }
    }

    private static func help(_ arguments: [String], _ streams: StandardStreams) -> ExitStatus {
        guard let name = arguments.first else {
            streams.print(HelpText.overview(commands))
            return .success
        }
        if let topic = HelpText.topic(named: name) {
            streams.print(topic)
            return .success
        }
        guard let command = commands.first(where: { $0.name == name }) else {
            let known = commands.map { $0.name } + HelpText.topics.map(\.name)
            streams.printError("error: \(UsageError.unknownCommand(name, among: known).message)")
            return .usage
        }
        streams.print(HelpText.detail(command))
        return .success
    }
}

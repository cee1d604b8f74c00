/// Shell completion scripts, generated from the commands' own names, options and argument
/// kinds, so a new command or option completes without anyone editing a script.
enum CompletionScript {
    enum Shell: String, CaseIterable {
        case bash, zsh
    }

    /// What a shell offers for an option's value or a positional argument.
    enum Candidates: Equatable {
        case nothing
        case files
        /// `.rules` files and directories (which may hold them).
        case packFiles
        case directories
        case words([String])
    }

    /// The script for one shell.
    static func script(for shell: Shell, commands: [any Command.Type]) -> String {
        let described = commands.map { DescribedCommand($0) } + [DescribedCommand.help(commands)]
        switch shell {
        case .bash: return bash(described)
        case .zsh: return zsh(described)
        }
    }

    /// The values an option takes: pack files for `--rules` and `--against`, any file for a
    /// `FILE` or `PATH`, the choices of `json|tagged`, and nothing for free text (`N`, `ID`).
    static func candidates(for option: OptionSpec) -> Candidates {
        guard let value = option.valueName else { return .nothing }
        if ["--rules", "--against"].contains(option.name) { return .packFiles }
        if value.contains("|") { return .words(value.split(separator: "|").map(String.init)) }
        switch value {
        case "FILE", "PATH": return .files
        case "DIR": return .directories
        default: return .nothing
        }
    }

    /// A command as the scripts need it; `help` is one too, though it is not a `Command`.
    struct DescribedCommand {
        var name: String
        var summary: String
        var options: [OptionSpec]
        var maximumPositionals: Int
        var positionals: Candidates

        init(_ command: any Command.Type) {
            name = command.name
            summary = command.summary
            options = command.options
            maximumPositionals = command.maximumPositionals
            positionals = command.argumentCompletion
        }

        init(name: String, summary: String, options: [OptionSpec], maximumPositionals: Int, positionals: Candidates) {
            self.name = name
            self.summary = summary
            self.options = options
            self.maximumPositionals = maximumPositionals
            self.positionals = positionals
        }

        static func help(_ commands: [any Command.Type]) -> DescribedCommand {
            DescribedCommand(name: "help", summary: "show help for a command or a topic", options: [], maximumPositionals: 1,
                             positionals: .words(commands.map { $0.name } + HelpText.topics.map(\.name)))
        }
    }
}

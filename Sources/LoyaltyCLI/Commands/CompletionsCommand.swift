/// `loyalty completions bash|zsh`: prints a completion script for the shell (commands, their
/// options, `.rules` files for `--rules`, files for `--state`, `--rejects` and `--report`).
struct CompletionsCommand: Command {
    static let name = "completions"
    static let summary = "print a shell completion script (bash or zsh)"
    static let usage = "loyalty completions bash|zsh"
    static let maximumPositionals = 1
    static let options: [OptionSpec] = []
    static let arguments = [
        OptionSpec("SHELL", help: "bash or zsh"),
    ]
    static let examples = [
        "source <(loyalty completions bash)                 # in ~/.bashrc",
        "loyalty completions zsh > \"${fpath[1]}/_loyalty\"   # then open a new zsh",
    ]
    static var argumentCompletion: CompletionScript.Candidates { .words(CompletionScript.Shell.allCases.map(\.rawValue)) }

    var shell: CompletionScript.Shell

    init(_ arguments: ParsedArguments) throws(UsageError) {
        let shells = CompletionScript.Shell.allCases.map(\.rawValue)
        guard let name = arguments.positionals.first else {
            throw UsageError("missing the shell: \(shells.joined(separator: " or "))")
        }
        guard let shell = CompletionScript.Shell(rawValue: name) else {
            throw UsageError("no completions for '\(name)'; choose \(shells.joined(separator: " or "))")
        }
        self.shell = shell
    }

    func run(_ streams: StandardStreams) -> ExitStatus {
        streams.output.appendRaw(CompletionScript.script(for: shell, commands: LoyaltyCLI.commands))
        return .success
    }
}

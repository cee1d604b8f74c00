/// The zsh script: `_describe` for the commands, `_arguments` (with each option's help) per command.
extension CompletionScript {
    static func zsh(_ commands: [DescribedCommand]) -> String {
        var script = """
        #compdef loyalty
        # zsh completion for loyalty, made by 'loyalty completions zsh'. Install it with
        #   loyalty completions zsh > "${fpath[1]}/_loyalty"    (then start a new shell)
        # or use it in this shell only:  source <(loyalty completions zsh)

        _loyalty() {
          local -a commands
          commands=(

        """
        for command in commands {
            script += "    \(quoted(escapeColons(command.name) + ":" + command.summary))\n"
        }
        script += """
          )
          if (( CURRENT == 2 )); then
            _describe -t commands 'loyalty command' commands
            return
          fi
          local command=${words[2]}
          shift words
          (( CURRENT-- ))
          case $command in

        """
        for command in commands {
            var specs = command.options.map(zshSpec)
            specs.append(quoted("(- *)--help[show this command's help]"))
            if command.maximumPositionals > 0, command.positionals != .nothing {
                let count = command.maximumPositionals == 1 ? "1" : "*"
                specs.append(quoted("\(count):argument:\(zshAction(command.positionals))"))
            }
            script += "    (\(command.name))\n      _arguments -S \\\n"
            script += specs.map { "        \($0)" }.joined(separator: " \\\n") + "\n      ;;\n"
        }
        script += """
          esac
        }

        if [[ ${zsh_eval_context[-1]} == loadautofunc ]]; then
          _loyalty "$@"
        else
          compdef _loyalty loyalty
        fi

        """
        return script
    }

    /// `'*--rules=[help]:PATH:action'`: repeatable options start with `*`, valued ones end with `=`.
    private static func zshSpec(_ option: OptionSpec) -> String {
        let help = option.help.replacingAll("[", with: "(").replacingAll("]", with: ")")
        var spec = (option.isRepeatable ? "*" : "") + option.name
        guard let value = option.valueName else { return quoted(spec + "[\(help)]") }
        spec += "=[\(help)]:\(escapeColons(value)):\(zshAction(candidates(for: option)))"
        return quoted(spec)
    }

    private static func zshAction(_ candidates: Candidates) -> String {
        switch candidates {
        case .nothing: return " "
        case .files: return "_files"
        case .packFiles: return "_files -g \"*.rules\""
        case .directories: return "_files -/"
        case .words(let words): return "(\(words.joined(separator: " ")))"
        }
    }

    /// In single quotes for the shell: `'` becomes `'\''`.
    private static func quoted(_ text: String) -> String {
        "'" + text.replacingAll("'", with: "'\\''") + "'"
    }

    private static func escapeColons(_ text: String) -> String {
        text.replacingAll(":", with: "\\:")
    }
}

extension String {
    /// Every occurrence replaced (without Foundation).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}

/// The bash script: `complete -F _loyalty loyalty`, with a `case` per command.
extension CompletionScript {
    static func bash(_ commands: [DescribedCommand]) -> String {
        var script = """
        # bash completion for loyalty, made by 'loyalty completions bash'.
        # Use it in this shell, or add the line to ~/.bashrc:  source <(loyalty completions bash)

        _loyalty_words() { local IFS=$' \\t\\n'; COMPREPLY+=($(compgen -W "$1" -- "$cur")); }
        _loyalty_files() { compopt -o filenames 2>/dev/null; local IFS=$'\\n'; COMPREPLY+=($(compgen -f -- "$cur")); }
        _loyalty_directories() { compopt -o filenames 2>/dev/null; local IFS=$'\\n'; COMPREPLY+=($(compgen -d -- "$cur")); }
        _loyalty_pack_files() {
            compopt -o filenames 2>/dev/null
            local IFS=$'\\n'
            COMPREPLY+=($(compgen -d -- "$cur") $(compgen -f -X '!*.rules' -- "$cur"))
        }

        _loyalty() {
            local cur="${COMP_WORDS[COMP_CWORD]}"
            local prev="${COMP_WORDS[COMP_CWORD-1]}"
            COMPREPLY=()
            if [[ $COMP_CWORD -eq 1 ]]; then
                _loyalty_words "\(commands.map(\.name).joined(separator: " ")) --help"
                return
            fi
            case "${COMP_WORDS[1]}" in

        """
        for command in commands {
            script += "        \(command.name))\n"
            let valued = command.options.filter(\.takesValue)
            if !valued.isEmpty {
                script += "            case \"$prev\" in\n"
                for option in valued {
                    let action = bashAction(candidates(for: option))
                    script += "                \(option.name)) \(action.isEmpty ? "" : action + "; ")return ;;\n"
                }
                script += "            esac\n"
            }
            let names = (command.options.map(\.name) + ["--help"]).joined(separator: " ")
            script += "            if [[ $cur == -* ]]; then _loyalty_words \"\(names)\"; return; fi\n"
            if command.maximumPositionals > 0, command.positionals != .nothing {
                script += "            \(bashAction(command.positionals))\n"
            }
            script += "            ;;\n"
        }
        script += """
            esac
        }
        complete -F _loyalty loyalty

        """
        return script
    }

    /// The call that fills COMPREPLY (empty for `.nothing`).
    private static func bashAction(_ candidates: Candidates) -> String {
        switch candidates {
        case .nothing: return ""
        case .files: return "_loyalty_files"
        case .packFiles: return "_loyalty_pack_files"
        case .directories: return "_loyalty_directories"
        case .words(let words): return "_loyalty_words \"\(words.joined(separator: " "))\""
        }
    }
}

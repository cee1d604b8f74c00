/// `loyalty --help` and `loyalty help COMMAND|TOPIC`: what each command does, its arguments,
/// options and examples, a getting-started list, and topics such as the pack cheat-sheet.
enum HelpText {
    /// Help pages that are not commands: `loyalty help packs`.
    static let topics: [(name: String, summary: String, text: String)] = [
        ("packs", "the pack language on one page", PackCheatSheet.text),
    ]

    static func topic(named name: String) -> String? {
        topics.first { $0.name == name }?.text
    }

    static func overview(_ commands: [any Command.Type]) -> String {
        var text = """
        loyalty — a rules host for membership (loyalty) programs

        usage: loyalty COMMAND [OPTIONS]

        commands:

        """
        text += table(commands.map { ($0.name, $0.summary) })
        text += "\ngetting started:\n"
        text += table([
            ("loyalty check --rules rules/", "check the rule packs: every problem, with a caret"),
            ("loyalty run --rules rules/ < events.jsonl > decisions.jsonl", "apply them to a stream of events"),
            ("loyalty test samples/", "compare decisions with the expected ones"),
        ])
        text += "\nmore help:\n"
        text += table([
            ("loyalty help COMMAND", "a command's arguments, options and examples"),
        ] + topics.map { ("loyalty help \($0.name)", $0.summary) } + [
            ("loyalty explain CODE", "what a message or a rejected line's code means, and how to fix it"),
        ])
        return String(text.dropLast())
    }

    static func detail(_ command: any Command.Type) -> String {
        var text = "loyalty \(command.name) — \(command.summary)\n\nusage: \(command.usage)\n"
        if !command.arguments.isEmpty {
            text += "\narguments:\n" + table(command.arguments.map { ($0.name, $0.help) })
        }
        if !command.options.isEmpty {
            text += "\noptions:\n"
            text += table(command.options.map { option in (option.name + (option.valueName.map { " " + $0 } ?? ""), option.help) })
        }
        if !command.examples.isEmpty {
            text += "\nexamples:\n" + command.examples.map { "  \($0)" }.joined(separator: "\n") + "\n"
        }
        return text
    }

    /// Two columns, the first padded to its longest entry, each row indented by two.
    private static func table(_ rows: [(String, String)]) -> String {
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { "  \($0.0.padding(toLength: width, withPad: " ", startingAt: 0))  \($0.1)\n" }.joined()
    }
}

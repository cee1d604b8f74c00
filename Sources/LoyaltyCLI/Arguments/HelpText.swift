/// `loyalty --help` and `loyalty help COMMAND`: what each command does, its options, and examples.
enum HelpText {
    static func overview(_ commands: [any Command.Type]) -> String {
        var text = """
        loyalty — a rules host for membership (loyalty) programs

        usage: loyalty COMMAND [OPTIONS]

        commands:

        """
        let width = commands.map { $0.name.count }.max() ?? 0
        for command in commands {
            text += "  \(command.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(command.summary)\n"
        }
        text += "\nRun 'loyalty help COMMAND' for a command's options and examples."
        return text
    }

    static func detail(_ command: any Command.Type) -> String {
        var text = "loyalty \(command.name) — \(command.summary)\n\nusage: \(command.usage)\n"
        if !command.options.isEmpty {
            text += "\noptions:\n"
            let labels = command.options.map { option in option.name + (option.valueName.map { " " + $0 } ?? "") }
            let width = labels.map(\.count).max() ?? 0
            for (label, option) in zip(labels, command.options) {
                text += "  \(label.padding(toLength: width, withPad: " ", startingAt: 0))  \(option.help)\n"
            }
        }
        if !command.examples.isEmpty {
            text += "\nexamples:\n" + command.examples.map { "  \($0)" }.joined(separator: "\n") + "\n"
        }
        return text
    }
}

/// A small hand-written argument parser (no packages): `--name value`, `--name=value`,
/// flags, and positional arguments; unknown options get a "did you mean".
public enum ArgumentScanner {
    public static func scan(_ arguments: [String], options: [OptionSpec], maximumPositionals: Int) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || !argument.hasPrefix("--") || argument == "-" {
                if argument == "--" && !onlyPositionals {
                    onlyPositionals = true
                    continue
                }
                guard parsed.positionals.count < maximumPositionals else { throw .unexpectedArgument(argument) }
                parsed.positionals.append(argument)
                continue
            }
            var name = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            guard let spec = options.first(where: { $0.name == name }) else {
                throw .unknownOption(name, among: options)
            }
            if spec.takesValue {
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else {
                    guard index < arguments.count else { throw .missingValue(name, spec.valueName!) }
                    value = arguments[index]
                    index += 1
                }
                if !spec.isRepeatable, parsed.values[name] != nil { throw .repeated(name) }
                parsed.values[name, default: []].append(value)
            } else {
                if inlineValue != nil { throw UsageError("option '\(name)' does not take a value") }
                parsed.flags.insert(name)
            }
        }
        return parsed
    }
}

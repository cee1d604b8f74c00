/// A mistake on the command line; printed with the command's usage line, exit status 2.
public struct UsageError: Error, Sendable, Equatable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    static func unknownOption(_ name: String, among options: [OptionSpec]) -> UsageError {
        let suggestion = Suggestions.closestOption(to: name, among: options.map(\.name))
        return UsageError("unknown option '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""))
    }

    static func missingValue(_ name: String, _ valueName: String) -> UsageError {
        UsageError("option '\(name)' needs a value (\(name) \(valueName))")
    }

    static func repeated(_ name: String) -> UsageError {
        UsageError("option '\(name)' was given more than once")
    }

    static func unexpectedArgument(_ argument: String) -> UsageError {
        UsageError("unexpected argument '\(argument)'")
    }

    static func unknownCommand(_ name: String, among commands: [String]) -> UsageError {
        let suggestion = Suggestions.closestOption(to: name, among: commands)
        return UsageError("unknown command '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""))
    }
}

import RuleLanguage

extension Suggestions {
    static func closestOption(to name: String, among candidates: [String]) -> String? {
        closest(to: name, among: candidates)
    }
}

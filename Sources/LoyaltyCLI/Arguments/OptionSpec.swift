/// One command-line option a command accepts.
public struct OptionSpec: Sendable {
    public var name: String
    /// `--rules PATH` takes a value; `--explain` does not.
    public var valueName: String?
    public var help: String
    public var isRepeatable: Bool

    public init(_ name: String, value: String? = nil, repeatable: Bool = false, help: String) {
        self.name = name
        self.valueName = value
        self.help = help
        self.isRepeatable = repeatable
    }

    public var takesValue: Bool { valueName != nil }
}

/// The options and arguments a command was given.
public struct ParsedArguments: Sendable {
    public var values: [String: [String]] = [:]
    public var flags: Set<String> = []
    public var positionals: [String] = []

    public func value(_ name: String) -> String? { values[name]?.last }
    public func all(_ name: String) -> [String] { values[name] ?? [] }
    public func has(_ name: String) -> Bool { flags.contains(name) || values[name] != nil }
}

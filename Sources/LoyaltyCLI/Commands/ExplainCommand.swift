import RuleLanguage

/// `loyalty explain [CODE]`: what a message of `loyalty check` or the code of a rejected
/// input line means, how to fix it, and an example (texts in `Explanations.swift`).
struct ExplainCommand: Command {
    static let name = "explain"
    static let summary = "explain a message or a rejected line's code, and how to fix it"
    static let usage = "loyalty explain [CODE]"
    static let maximumPositionals = 1
    static let options: [OptionSpec] = []
    static let arguments = [
        OptionSpec("CODE", help: "a message id such as unknown-field, or an input code such as bad-timestamp; none: list them all"),
    ]
    static let examples = [
        "loyalty explain unknown-field",
        "loyalty explain bad-timestamp",
        "loyalty explain | grep tier",
    ]
    static var argumentCompletion: CompletionScript.Candidates { .words(Explanations.codes) }

    var code: String?

    init(_ arguments: ParsedArguments) throws(UsageError) {
        guard let given = arguments.positionals.first else { return }
        let code = given.lowercased()
        guard Explanations.entries(for: code).isEmpty else {
            self.code = code
            return
        }
        if let suggestion = Suggestions.closestOption(to: code, among: Explanations.codes) {
            throw UsageError("unknown code '\(given)'; did you mean '\(suggestion)'?")
        }
        let containing = Explanations.codes.filter { $0.contains(code) }
        if !containing.isEmpty, containing.count <= 12 {
            throw UsageError("unknown code '\(given)'; codes containing it: \(containing.joined(separator: ", "))")
        }
        throw UsageError("unknown code '\(given)'; run 'loyalty explain' for the list of codes")
    }

    func run(_ streams: StandardStreams) -> ExitStatus {
        guard let code else {
            streams.print(Self.list)
            return .success
        }
        streams.print(Explanations.entries(for: code).map(\.text).joined(separator: "\n"))
        return .success
    }

    /// Every code with its one-line summary, check messages first, then input codes.
    static var list: String {
        func rows(_ origin: Explanation.Origin) -> String {
            let entries = Explanations.all.filter { $0.origin == origin }
            let width = entries.map(\.code.count).max() ?? 0
            return entries.map { "  \($0.code.padding(toLength: width, withPad: " ", startingAt: 0))  \($0.summary)" }.joined(separator: "\n")
        }
        return """
        Messages of 'loyalty check' about rule packs:
        \(rows(.rules))

        Codes of rejected input lines (stderr of 'loyalty run'):
        \(rows(.input))

        Run 'loyalty explain CODE' for what one means and how to fix it.
        """
    }
}

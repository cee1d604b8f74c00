import LoyaltyEngine
import RuleLanguage

/// `loyalty check`: parses and checks rule packs and prints every problem with a caret.
struct CheckCommand: Command {
    static let name = "check"
    static let summary = "check rule packs and report every problem"
    static let usage = "loyalty check [--rules PATH]... [--set PACK.PARAM=VALUE]..."
    static let maximumPositionals = 0
    static let options = [
        OptionSpec("--rules", value: "PATH", repeatable: true, help: "a pack file or a directory of .rules files (default: rules/)"),
        OptionSpec("--set", value: "PACK.PARAM=VALUE", repeatable: true, help: "check with a param overridden, as 'run' would"),
    ]
    static let examples = [
        "loyalty check",
        "loyalty check --rules rules/supermarket.rules",
        "loyalty check --rules my-packs/ --set supermarket.factor='{\"normal\": 1, \"gold\": 2}'",
    ]

    /// At most this many diagnostics are printed, then a count of the rest.
    static let displayLimit = 50

    var rules: [String]
    var overrides: [String: String]

    init(_ arguments: ParsedArguments) throws(UsageError) {
        rules = arguments.all("--rules").isEmpty ? ["rules"] : arguments.all("--rules")
        overrides = try Overrides.parse(arguments.all("--set"))
    }

    func run(_ streams: StandardStreams) -> ExitStatus {
        let (_, load) = Engine.load(rules: rules, overrides: overrides)
        for error in load.errors { streams.printError(error.hasPrefix("error:") ? error : "error: \(error)") }
        let report = DiagnosticReport(load.diagnostics, usesColor: streams.errorsIsTerminal, limit: Self.displayLimit)
        streams.printError(report.text)
        let errors = load.diagnostics.errorCount + load.errors.count
        let warnings = load.diagnostics.warningCount
        let files = load.files.count
        streams.printError("checked \(files) \(files == 1 ? "file" : "files"): \(Self.count(errors, "error")), \(Self.count(warnings, "warning"))")
        if load.diagnostics.hasErrors {
            var seen = Set<String>()
            let codes = load.diagnostics.sorted.map(\.message.id).filter { seen.insert($0).inserted }
            streams.printError("run 'loyalty explain CODE' for details on a message (codes here: \(codes.joined(separator: ", ")))")
        }
        return errors > 0 ? .failure : .success
    }

    static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }
}

/// Diagnostics rendered for a person: sorted by file and position, capped, with a count
/// of those not shown.
struct DiagnosticReport {
    var text: String

    init(_ diagnostics: DiagnosticBag, usesColor: Bool, limit: Int) {
        let renderer = DiagnosticRenderer(usesColor: usesColor)
        let sorted = diagnostics.sorted
        var text = sorted.prefix(limit).map { renderer.render($0) }.joined(separator: "\n")
        if sorted.count > limit {
            let hidden = sorted.count - limit
            text += "\nand \(hidden) more \(hidden == 1 ? "problem" : "problems") not shown\n"
        }
        self.text = text
    }
}

/// `--set pack.param=EXPR` values.
enum Overrides {
    static func parse(_ values: [String]) throws(UsageError) -> [String: String] {
        var overrides: [String: String] = [:]
        for value in values {
            guard let equals = value.firstIndex(of: "="), value[..<equals].contains(".") else {
                throw UsageError("--set needs PACK.PARAM=VALUE, like --set supermarket.factor=2, but got '\(value)'")
            }
            overrides[String(value[..<equals]).trimmingSpaces] = String(value[value.index(after: equals)...])
        }
        return overrides
    }
}

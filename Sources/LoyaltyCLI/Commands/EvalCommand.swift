import LoyaltyEngine
import RuleLanguage

/// `loyalty eval EXPR`: evaluates one expression and prints its value, for merchants trying
/// an expression and for the conformance suite (`--format tagged`).
struct EvalCommand: Command {
    static let name = "eval"
    static let summary = "evaluate one expression and print its value"
    static let usage = "loyalty eval EXPR [--let NAME=EXPR]... [--event JSON] [--format json|tagged]"
    static let maximumPositionals = 1
    static let arguments = [
        OptionSpec("EXPR", help: "the expression, in single quotes so the shell leaves it alone"),
    ]
    static let argumentCompletion = CompletionScript.Candidates.nothing
    static let options = [
        OptionSpec("--let", value: "NAME=EXPR", repeatable: true, help: "bind NAME to the value of EXPR (evaluated in order)"),
        OptionSpec("--event", value: "JSON", help: "bind 'event' to this JSON object"),
        OptionSpec("--format", value: "json|tagged", help: "print plain JSON (default) or the tagged form of the CEL conformance suite"),
    ]
    static let examples = [
        "loyalty eval 'floor(128.50 * 1.5)'",
        "loyalty eval 'event.items.map(i, i.price * i.qty).sum()' --event '{\"items\":[{\"price\":12.5,\"qty\":2}]}'",
        "loyalty eval 'at.getDate(\"+08:00\") == 18' --let 'at=timestamp(\"2026-03-17T16:30:00Z\")'",
        "loyalty eval '1.0 / 3' --format tagged",
    ]

    enum Format: String { case json, tagged }

    var expression: String
    var bindings: [(name: String, expression: String)]
    var event: String?
    var format: Format

    init(_ arguments: ParsedArguments) throws(UsageError) {
        guard let expression = arguments.positionals.first else { throw UsageError("missing the expression to evaluate") }
        self.expression = expression
        bindings = []
        for binding in arguments.all("--let") {
            guard let equals = binding.firstIndex(of: "="), !binding[..<equals].isEmpty else {
                throw UsageError("--let needs NAME=EXPR, but got '\(binding)'")
            }
            bindings.append((String(binding[..<equals]).trimmingSpaces, String(binding[binding.index(after: equals)...])))
        }
        event = arguments.value("--event")
        let formatName = arguments.value("--format") ?? "json"
        guard let format = Format(rawValue: formatName) else {
            throw UsageError("unknown format '\(formatName)'; use json or tagged")
        }
        self.format = format
    }

    func run(_ streams: StandardStreams) -> ExitStatus {
        var environment = Environment()
        var values: [Value] = []
        if let event {
            let parsed = Array(event.utf8).withUnsafeBufferPointer { JSONReader.parse($0) }
            switch parsed {
            case .success(let value):
                environment.declareSlot("event")
                values.append(value)
            case .failure(let error):
                streams.printError("error: --event is not valid JSON: \(error.message)")
                return .usage
            }
        }
        for (name, text) in bindings {
            guard case .value(let value) = evaluate(text, name: "--let \(name)", environment, values, streams) else { return .failure }
            environment.declareSlot(name)
            values.append(value)
        }
        switch evaluate(expression, name: "<expression>", environment, values, streams) {
        case .value(let value):
            streams.print(format == .tagged ? value.tagged : value.json)
            return .success
        case .runtimeError(let value):
            if format == .tagged {
                streams.print(value.tagged)
                return .success
            }
            return .failure
        case .compileError(let message):
            if format == .tagged {
                streams.print(Value.failure(.invalidArgument(message)).tagged)
                return .success
            }
            return .failure
        }
    }

    private enum Outcome {
        case value(Value)
        case runtimeError(Value)
        case compileError(String)
    }

    /// Compiles and runs one expression with the bindings so far; reports problems with carets.
    private func evaluate(_ text: String, name: String, _ environment: Environment, _ values: [Value], _ streams: StandardStreams) -> Outcome {
        let file = SourceFile(name: name, text: text)
        // The tagged form follows CEL's conformance runner: no type checks, errors as values.
        let result = ExpressionCompiler.compile(file, environment: environment, checking: format != .tagged)
        let renderer = DiagnosticRenderer(usesColor: streams.errorsIsTerminal)
        if format != .tagged {
            for diagnostic in result.diagnostics.sorted { streams.printError(renderer.render(diagnostic)) }
        }
        if result.diagnostics.hasErrors {
            return .compileError(result.diagnostics.sorted.first { $0.severity == .error }!.message.text)
        }
        let activation = Activation(slotCount: result.slotCount)
        for (slot, value) in values.enumerated() { activation.bind(value, to: slot) }
        let value = result.program(activation)
        if case .error(let error) = value {
            if format != .tagged {
                let range = error.range ?? SourceRange(start: 0, end: file.bytes.count)
                let diagnostic = Diagnostic(.error, DiagnosticMessage(id: "evaluation-error", error.message), in: file, at: range)
                streams.printError(renderer.render(diagnostic))
            }
            return .runtimeError(value)
        }
        return .value(value)
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}

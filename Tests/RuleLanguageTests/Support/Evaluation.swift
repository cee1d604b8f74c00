import Testing
@testable import RuleLanguage

/// Runs one expression through the whole pipeline (parse, optionally check, compile,
/// evaluate), for the evaluation tables.
enum Evaluation {
    /// The value of `source`, with `bindings` declared as slots in order.
    ///
    /// Checking is off by default, as in CEL's `disable_check` runs: the tables pin run-time
    /// semantics, including what happens to expressions the checker would refuse. A text
    /// that does not parse gives an error value saying so (see `Outcome`).
    static func value(
        of source: String, environment: Environment = Environment(), bindings: [(String, Value)] = [],
        checking: Bool = false, stepLimit: Int = EvaluationLimits.defaultStepLimit
    ) -> Value {
        var environment = environment
        let slots = bindings.map { environment.declareSlot($0.0) }
        let file = SourceFile(name: "<test>", text: source)
        let result = ExpressionCompiler.compile(file, environment: environment, checking: checking)
        if let first = result.diagnostics.sorted.first(where: { $0.severity == .error }) {
            return .failure(.invalidArgument("rejected: \(first.message.text)"))
        }
        let activation = Activation(slotCount: result.slotCount, stepLimit: stepLimit)
        for (slot, binding) in zip(slots, bindings) { activation.bind(binding.1, to: slot) }
        activation.beginEvaluation()
        return result.program(activation)
    }

    /// `Outcome.of(value(of: …))`, the form table rows state.
    static func outcome(
        of source: String, environment: Environment = Environment(), bindings: [(String, Value)] = [],
        checking: Bool = false, stepLimit: Int = EvaluationLimits.defaultStepLimit
    ) -> String {
        Outcome.of(value(of: source, environment: environment, bindings: bindings, checking: checking, stepLimit: stepLimit))
    }
}

/// A value as table rows write it: the type, then the value as a CEL-like literal, so
/// `int 2`, `decimal 2.50` and `double 2.5` differ, and the scale of a decimal shows.
/// Errors read `error: <message>`; text that does not parse reads `rejected: <message>`.
enum Outcome {
    static func of(_ value: Value) -> String {
        switch value {
        case .error(let error):
            if case .invalidArgument(let text) = error.kind, text.hasPrefix("rejected: ") { return text }
            return "error: \(error.message)"
        case .double(let d): return "double \(JSONText.double(d))"
        default: return "\(value.typeName) \(value.debugDescription)"
        }
    }
}

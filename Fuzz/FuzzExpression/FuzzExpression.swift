import RuleLanguage

/// One expression: parse, check, compile and evaluate it with a few bound variables and a
/// step limit. Text the checker refuses is also compiled unchecked and run (CEL's
/// `disable_check`, as `loyalty eval --format tagged` does), so type errors reach run time.
/// Diagnostics are rendered and values formatted, as the CLI would.

/// Variables the expression may use: `x` an int, `s` a string, `d` a decimal, `t` a
/// timestamp, `event` a map with a list of item maps.
nonisolated(unsafe) let bindings: [(String, Value)] = {
    let item: Value = .map(ValueMap(fields: [("sku", .string("A1")), ("category", .string("food")),
                                             ("price", .decimal(ExactDecimal(significand: 1250, scale: 2))), ("qty", .int(2))]))
    return [
        ("x", .int(7)),
        ("s", .string("héllo, 世界")),
        ("d", .decimal(ExactDecimal(significand: 12850, scale: 2))),
        ("t", .timestamp(Instant(rfc3339: "2026-03-18T10:00:00+08:00")!)),
        ("event", .map(ValueMap(fields: [("id", .string("e1")), ("amount", .int(100)), ("items", .list([item, item]))]))),
    ]
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExpression(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let file = SourceFile(name: "<fuzz>", text: text)
    var environment = Environment()
    let slots = bindings.map { environment.declareSlot($0.0) }
    let renderer = DiagnosticRenderer()
    for checking in [true, false] {
        let result = ExpressionCompiler.compile(file, environment: environment, checking: checking)
        for diagnostic in result.diagnostics.sorted { _ = renderer.render(diagnostic) }
        if !result.diagnostics.hasErrors {
            let activation = Activation(slotCount: result.slotCount, stepLimit: 100_000)
            for (slot, binding) in zip(slots, bindings) { activation.bind(binding.1, to: slot) }
            activation.beginEvaluation()
            let value = result.program(activation)
            _ = value.json
            _ = value.tagged
            break
        }
    }
    return 0
}

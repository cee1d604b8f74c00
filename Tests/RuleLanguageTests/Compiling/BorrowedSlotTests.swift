import Testing
@testable import RuleLanguage

/// Macro loops lend each element to their variable's slot without retaining it
/// (`Activation.forEach`). Whatever a loop keeps or returns must still own its values after
/// the list it came from is gone, early exits and errors included, evaluation after
/// evaluation on the same activation.
@Suite struct BorrowedSlotTests {
    /// Heap-allocated elements: strings too long to be stored inline, lists, maps.
    static func elements() -> Value {
        .list((0..<6).map { number in
            .map(ValueMap(fields: [
                ("name", .string("a name long enough to live on the heap #\(number)")),
                ("tags", .list([.string("tag number \(number) that is also long"), .int(Int64(number))])),
                ("n", .int(Int64(number))),
            ]))
        })
    }

    @Test(arguments: [
        ("xs.filter(x, x.n % 2 == 0).map(x, x.name)", #"["a name long enough to live on the heap #0","a name long enough to live on the heap #2","a name long enough to live on the heap #4"]"#),
        ("xs.filter(x, x.n > 3)", nil),
        ("xs.map(x, x.tags)", nil),
        ("xs.map(x, x)", nil),
        ("xs.exists(x, x.n == 2)", "true"),
        ("xs.all(x, x.tags.exists(t, t == x.n))", "true"),
        ("xs.exists_one(x, x.name.endsWith('#5'))", "true"),
        ("xs.filter(x, x.n < 3).map(x, x.n * 2).sum()", "6"),
        ("xs.map(x, 10 / (3 - x.n))", "error: division by zero"),
        ("xs.filter(x, 10 / (4 - x.n) > 0).map(x, x.name).size()", "error: division by zero"),
    ] as [(String, String?)])
    func resultsOwnTheirValues(source: String, expected: String?) throws {
        var environment = Environment()
        let slot = environment.declareSlot("xs", type: .list(.dyn))
        let compiled = ExpressionCompiler.compile(SourceFile(name: "t", text: source), environment: environment, checking: false)
        try #require(!compiled.diagnostics.hasErrors)
        let activation = Activation(slotCount: compiled.slotCount)
        var results: [Value] = []
        for _ in 0..<50 {
            activation.beginEvaluation()
            activation.bind(Self.elements(), to: slot)
            results.append(compiled.program(activation))
        }
        activation.bind(.null, to: slot)  // the lists the loops borrowed from are gone now
        let texts = Set(results.map(Self.text))
        #expect(texts.count == 1, "every evaluation gives the same result")
        if let expected { #expect(texts.first == expected) }
        if expected == nil, case .list(let list)? = results.last {
            #expect(!list.isEmpty)
            #expect(Self.text(results.last!).contains("long"), "kept elements still hold their strings")
        }
    }

    static func text(_ value: Value) -> String {
        switch value {
        case .error(let error): "error: \(error.message)"
        default: value.json
        }
    }
}

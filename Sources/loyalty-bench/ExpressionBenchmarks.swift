import LoyaltyEngine
import RuleLanguage

/// One benchmark: what it measures, its target, and the operation (returning a checksum).
struct Benchmark {
    var name: String
    var targetNanoseconds: Double
    var operation: () -> Int
}

/// The rule-language benchmarks of `loyalty-bench expressions`.
enum ExpressionBenchmarks {
    static func all() -> [Benchmark] {
        [packLoad(), simpleCondition(), basePoints(), regexMatch()]
    }

    /// Parse, check and compile a 200-line pack through the engine's loader.
    static func packLoad() -> Benchmark {
        let text = GeneratedPack.text()
        let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        let (engine, load) = Engine.compile([SourceFile(name: "generated.rules", text: text)])
        guard engine != nil else {
            fail("the generated pack does not load:\n" + load.diagnostics.sorted.map { DiagnosticRenderer().render($0) }.joined() + load.errors.joined(separator: "\n"))
        }
        return Benchmark(name: "load a \(lineCount)-line pack (parse, check, compile)", targetNanoseconds: 5_000_000) {
            Engine.compile([SourceFile(name: "generated.rules", text: text)]).load.packs.count
        }
    }

    /// `member.tier == "gold" && amount >= 100`, with `member` a map and `amount` a decimal.
    static func simpleCondition() -> Benchmark {
        var environment = Environment()
        let member = environment.declareSlot("member", type: .map(.string, .string))
        let amount = environment.declareSlot("amount", type: .decimal)
        let (program, activation) = compile("member.tier == \"gold\" && amount >= 100", environment)
        activation.bind(.map(ValueMap(fields: [("tier", .string("gold"))])), to: member)
        activation.bind(.decimal(ExactDecimal("128.50")!), to: amount)
        return evaluating("condition: member.tier == \"gold\" && amount >= 100", target: 100, program, activation)
    }

    /// The benchmark program's base points over a six-item purchase.
    static func basePoints() -> Benchmark {
        var environment = Environment()
        let items = environment.declareSlot("items", type: .list(.record(EventSchemas.item)))
        let tier = environment.declareSlot("tier", type: .string)
        environment.declareConstant("excluded", .list([.string("tobacco"), .string("gift-card")]))
        environment.declareConstant("factor", .map(ValueMap(fields: [
            ("normal", .int(1)), ("silver", decimal("1.2")), ("gold", decimal("1.5")), ("diamond", .int(2)),
        ])))
        let source = "floor(items.filter(i, !(i.category in excluded)).map(i, i.price * i.qty).sum() * factor[tier])"
        let (program, activation) = compile(source, environment)
        let purchase: [(String, String, String, String)] = [
            ("A-1001", "grocery", "2", "12.50"), ("B-2002", "tobacco", "1", "45.00"),
            ("C-3003", "winter-apparel", "1", "399.90"), ("D-4004", "gift-card", "1", "100"),
            ("E-5005", "grocery", "3", "0.99"), ("F-6006", "winter-apparel", "2", "59.95"),
        ]
        activation.bind(.list(purchase.map { sku, category, qty, price in
            .map(ValueMap(fields: [("sku", .string(sku)), ("category", .string(category)), ("qty", decimal(qty)), ("price", decimal(price))]))
        }), to: items)
        activation.bind(.string("gold"), to: tier)
        return evaluating("base points over 6 items (filter, map, sum, floor)", target: 1_000, program, activation)
    }

    /// `matches` on a 40-character string against a constant pattern (compiled once).
    static func regexMatch() -> Benchmark {
        var environment = Environment()
        let sku = environment.declareSlot("sku", type: .string)
        let (program, activation) = compile("sku.matches('^[A-Z]{3}-[0-9]{4}(-[a-z0-9]+)+$')", environment)
        let text = "WNT-2026-winter-apparel-down-jacket-xl01"
        precondition(text.count == 40)
        activation.bind(.string(text), to: sku)
        return evaluating("matches on a 40-character string", target: 2_000, program, activation)
    }

    private static func compile(_ source: String, _ environment: Environment) -> (Program, Activation) {
        let result = ExpressionCompiler.compile(SourceFile(name: "<bench>", text: source), environment: environment)
        guard !result.diagnostics.hasErrors else {
            fail(result.diagnostics.sorted.map { DiagnosticRenderer().render($0) }.joined())
        }
        return (result.program, Activation(slotCount: result.slotCount))
    }

    /// A benchmark evaluating `program` once per event, as the engine does.
    private static func evaluating(_ name: String, target: Double, _ program: Program, _ activation: Activation) -> Benchmark {
        activation.beginEvaluation()
        let first = program(activation)
        if case .error(let error) = first { fail("\(name): \(error.message)") }
        return Benchmark(name: name, targetNanoseconds: target) {
            activation.beginEvaluation()
            switch program(activation) {
            case .bool(let b): return b ? 1 : 0
            case .int(let i): return Int(truncatingIfNeeded: i)
            default: return -1
            }
        }
    }

    private static func decimal(_ text: String) -> Value { .decimal(ExactDecimal(text)!) }

    private static func fail(_ message: String) -> Never {
        fatalError("loyalty-bench: " + message)
    }
}

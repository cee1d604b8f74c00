import Foundation
import RuleLanguage

/// One case of cel-spec's conformance suite (`Fixtures/cel-cases.jsonl`, converted from
/// github.com/google/cel-spec tests/simple/testdata, Apache-2.0).
struct ConformanceCase: Sendable, CustomStringConvertible {
    var id: String
    var expression: String
    var bindings: [(String, Value)]
    var expected: Expected
    /// Cases that hold only when fractional literals are IEEE doubles (see docs/RuleLanguage.md).
    var dependsOnDoubles: Bool

    enum Expected: Sendable {
        case value(Value, tagged: String)
        case error
    }

    var description: String { id }

    /// Every case in the fixture file, in file order.
    static func load(from url: URL) throws -> [ConformanceCase] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            var bindings: [(String, Value)] = []
            if let raw = object["bindings"] as? [String: Any] {
                for (name, tagged) in raw.sorted(by: { $0.key < $1.key }) {
                    bindings.append((name, try TaggedValue.decode(tagged)))
                }
            }
            let expect = object["expect"] as! [String: Any]
            let expected: Expected
            if let tagged = expect["value"] {
                let data = try JSONSerialization.data(withJSONObject: tagged, options: [.sortedKeys])
                expected = .value(try TaggedValue.decode(tagged), tagged: String(decoding: data, as: UTF8.self))
            } else {
                expected = .error
            }
            return ConformanceCase(
                id: object["id"] as! String, expression: object["expr"] as! String, bindings: bindings,
                expected: expected, dependsOnDoubles: object["double_semantics"] != nil)
        }
    }

    /// Evaluates the case as cel-spec's runner does with `disable_check`.
    func evaluate() -> Value {
        var environment = Environment()
        var slots: [Int] = []
        for (name, _) in bindings { slots.append(environment.declareSlot(name)) }
        let result = ExpressionCompiler.compile(SourceFile(name: "<case>", text: expression), environment: environment, checking: false)
        if result.diagnostics.hasErrors {
            return .failure(.invalidArgument(result.diagnostics.diagnostics.map(\.message.text).joined(separator: "; ")))
        }
        let activation = Activation(slotCount: result.slotCount)
        for (slot, (_, value)) in zip(slots, bindings) { activation.bind(value, to: slot) }
        return result.program(activation)
    }

    /// Whether `actual` satisfies the expectation under the suite's comparison rules.
    func accepts(_ actual: Value) -> Bool {
        switch expected {
        case .error: return actual.isError
        case .value(let value, _): return TaggedValue.matches(actual, value)
        }
    }
}

/// The suite's tagged values (`{"int":"1"}`, `{"list":[…]}`) read into our values.
enum TaggedValue {
    struct Unsupported: Error { var tag: String }

    static func decode(_ any: Any) throws -> Value {
        let object = any as! [String: Any]
        let (tag, payload) = object.first!
        switch tag {
        case "null": return .null
        case "bool": return .bool(payload as! Bool)
        case "int": return .int(Int64(payload as! String)!)
        case "string": return .string(payload as! String)
        case "double":
            let text = payload as! String
            switch text {
            case "NaN": return .double(.nan)
            case "Infinity": return .double(.infinity)
            case "-Infinity": return .double(-.infinity)
            default: return .double(Double(text)!)
            }
        case "timestamp": return .timestamp(Instant(rfc3339: payload as! String)!)
        case "duration": return .duration(TimeSpan(celString: payload as! String)!)
        case "list": return .list(try (payload as! [Any]).map(decode))
        case "map":
            var map = ValueMap()
            for pair in payload as! [[Any]] { map.set(try decode(pair[1]), forKey: try decode(pair[0])) }
            return .map(map)
        default: throw Unsupported(tag: tag)
        }
    }

    /// Types must match, except that an expected double accepts a decimal of equal value;
    /// NaN matches NaN; maps compare regardless of order.
    static func matches(_ actual: Value, _ expected: Value) -> Bool {
        switch (actual, expected) {
        case (.decimal(let d), .double(let e)): return d.doubleValue == e
        case (.double(let a), .double(let e)): return a == e || (a.isNaN && e.isNaN)
        case (.list(let a), .list(let e)):
            return a.count == e.count && zip(a, e).allSatisfy { matches($0, $1) }
        case (.map(let a), .map(let e)):
            guard a.count == e.count else { return false }
            return e.entries.allSatisfy { entry in
                guard let value = a.value(forKey: entry.key) else { return false }
                return matches(value, entry.value)
            }
        default:
            return actual.typeName == expected.typeName && actual.isEqual(to: expected)
        }
    }
}

/// The money extensions: `floor`, `ceil`, `round` (half away from zero) turn decimals into
/// whole numbers, the only way to award points from money; `abs`; global `min`/`max`.
enum MoneyFunctions {
    static func register(in table: inout FunctionTable) {
        let rounding: [(String, @Sendable (ExactDecimal) -> Int64?, FloatingPointRoundingRule)] = [
            ("floor", { $0.floor() }, .down),
            ("ceil", { $0.ceil() }, .up),
            ("round", { $0.rounded() }, .toNearestOrAwayFromZero),
        ]
        for (name, round, rule) in rounding {
            table.addUnary(name, [.global], [
                FunctionSignature([.decimal], .int), FunctionSignature([.int], .int), FunctionSignature([.double], .int),
            ]) { value in
                switch value {
                case .int: return value
                case .decimal(let d):
                    return round(d).map(Value.int) ?? .failure(.outOfRange("\(name)(\(d))"))
                case .double(let d):
                    let whole = d.rounded(rule)
                    guard whole.isFinite, whole >= -9.2e18, whole <= 9.2e18 else { return .failure(.outOfRange("\(name)(\(d))")) }
                    return .int(Int64(whole))
                default: return noOverload(name, value)
                }
            }
        }
        table.addUnary("abs", [.global], [
            FunctionSignature([.int], .int), FunctionSignature([.decimal], .decimal), FunctionSignature([.double], .double),
        ]) { value in
            switch value {
            case .int(let i): return i == .min ? .failure(.integerOverflow) : .int(abs(i))
            case .decimal(let d): return .decimal(d.isNegative ? d.negated : d)
            case .double(let d): return .double(abs(d))
            default: return noOverload("abs", value)
            }
        }
        for (name, wantsLarger) in [("min", false), ("max", true)] {
            for arity in 2...8 {
                table.add(name, FunctionOverload(.global, arity: arity, signatures: [FunctionSignature(Array(repeating: .dyn, count: arity), .dyn)],
                                                 resultType: { RuleType.common($0) },
                                                 implementation: .variadic { ListFunctions.extreme($0, name: name, wantsLarger: wantsLarger) }))
            }
        }
    }
}

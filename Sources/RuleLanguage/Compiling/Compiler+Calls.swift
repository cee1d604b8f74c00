/// Function and method calls: library functions by name, style and arity; the host's
/// methods on its objects; constant folding of pure calls; specialisation on constant
/// arguments (a constant regex is compiled once).
extension Compiler {
    mutating func compileCall(_ name: String, receiver: Expr?, _ args: [Expr], range: SourceRange) -> Compiled {
        if let receiver, case .identifier(let objectName) = receiver.kind, let host = hostObject(named: objectName) {
            return compileHostMethod(host, objectName, name, args, range: range)
        }
        let operands = (receiver.map { [$0] } ?? []) + args
        let compiled = operands.map { compileNode($0) }
        let style: FunctionOverload.Style = receiver == nil ? .global : .receiver
        guard let overload = environment.functions.overload(name, style: style, arity: compiled.count) else {
            // Evaluate arguments anyway, so an argument's own error wins as in CEL.
            return .constant(.failure(.unknownFunction(name), at: range))
        }
        let type = overload.resultType?(compiled.map(\.type)) ?? overload.signatures.first?.result ?? .dyn
        let constants = compiled.map(\.constant)
        var implementation = overload.implementation
        if let specialized = overload.specialize?(constants) { implementation = specialized }
        let evaluators = compiled.map(\.evaluate)
        let call = Self.makeCall(implementation, evaluators, range: range)
        if overload.isPure, constants.allSatisfy({ $0 != nil }) {
            let scratch = Activation(slotCount: 1)
            var folded = Compiled.constant(call(scratch))
            folded.type = type
            return folded
        }
        return Compiled(evaluate: call, constant: nil, type: type)
    }

    /// Argument errors propagate before the body runs (functions are strict).
    static func makeCall(_ implementation: FunctionImplementation, _ evaluators: [CompiledExpr], range: SourceRange) -> CompiledExpr {
        switch (implementation, evaluators.count) {
        case (.unary(let body), 1):
            let a = evaluators[0]
            return { activation in
                let x = a(activation)
                if case .error = x { return x }
                return located(body(x), range)
            }
        case (.binary(let body), 2):
            let a = evaluators[0], b = evaluators[1]
            return { activation in
                let x = a(activation)
                if case .error = x { return x }
                let y = b(activation)
                if case .error = y { return y }
                return located(body(x, y), range)
            }
        case (.ternary(let body), 3):
            let a = evaluators[0], b = evaluators[1], c = evaluators[2]
            return { activation in
                let x = a(activation)
                if case .error = x { return x }
                let y = b(activation)
                if case .error = y { return y }
                let z = c(activation)
                if case .error = z { return z }
                return located(body(x, y, z), range)
            }
        case (.variadic(let body), _):
            return { activation in
                var values: [Value] = []
                values.reserveCapacity(evaluators.count)
                for evaluate in evaluators {
                    let value = evaluate(activation)
                    if case .error = value { return value }
                    values.append(value)
                }
                return located(body(values), range)
            }
        default:
            return { _ in .failure(.invalidArgument("internal error: wrong arity for a function"), at: range) }
        }
    }

    private mutating func compileHostMethod(_ host: HostObjectType, _ objectName: String, _ name: String,
                                            _ args: [Expr], range: SourceRange) -> Compiled {
        guard let method = host.methods[name], method.parameters.count == args.count else {
            return .constant(.failure(.unknownFunction("\(objectName).\(name)"), at: range))
        }
        let compiled = args.map { compileNode($0) }
        let evaluators = compiled.map(\.evaluate)
        let body = method.specialize?(compiled.map(\.constant)) ?? method.evaluate
        return Compiled(evaluate: { activation in
            var values: [Value] = []
            values.reserveCapacity(evaluators.count)
            for evaluate in evaluators {
                let value = evaluate(activation)
                if case .error = value { return value }
                values.append(value)
            }
            return Self.located(body(activation, values), range)
        }, constant: nil, type: method.result)
    }
}

/// Function and method calls: library functions by name, style and arity; the host's
/// methods on its objects; constant folding of pure calls; specialisation on constant
/// arguments (a constant regex is compiled once).
extension Compiler {
    mutating func compileCall(_ name: String, receiver: Expr?, _ args: [Expr], range: SourceRange) -> Compiled {
        if let receiver, case .identifier(let objectName) = receiver.kind, let host = hostObject(named: objectName) {
            return compileHostMethod(host, objectName, name, args, range: range)
        }
        if let receiver, args.isEmpty, let fused = compileFused(name, receiver: receiver, range: range) {
            return fused
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
        let call = Self.makeCall(implementation, compiled, range: range)
        if overload.isPure, constants.allSatisfy({ $0 != nil }) {
            let scratch = Activation(slotCount: 1)
            var folded = Compiled.constant(call(scratch))
            folded.type = type
            return folded
        }
        return Compiled(evaluate: call, constant: nil, type: type)
    }

    /// Argument errors propagate before the body runs (functions are strict). Operands are
    /// passed as `Compiled` structs, never as arrays of closures: a closure stored in a generic
    /// container is called through reabstraction thunks, which costs on every evaluation.
    static func makeCall(_ implementation: FunctionImplementation, _ operands: [Compiled], range: SourceRange) -> CompiledExpr {
        switch (implementation, operands.count) {
        case (.unary(let body), 1):
            let a = operands[0].evaluate
            return { activation in
                let x = a(activation)
                if case .error = x { return x }
                return located(body(x), range)
            }
        case (.binary(let body), 2):
            let a = operands[0].evaluate, b = operands[1].evaluate
            return { activation in
                let x = a(activation)
                if case .error = x { return x }
                let y = b(activation)
                if case .error = y { return y }
                return located(body(x, y), range)
            }
        case (.ternary(let body), 3):
            let a = operands[0].evaluate, b = operands[1].evaluate, c = operands[2].evaluate
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
            let evaluates = operands.map(\.evaluate)
            return { activation in
                var values: [Value] = []
                values.reserveCapacity(evaluates.count)
                for evaluate in evaluates {
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
        let constants = compiled.map(\.constant)
        let body = method.specialize?(constants) ?? method.evaluate
        // Constant arguments (a window, a rule name) are built once, not per call.
        if constants.allSatisfy({ $0 != nil }) {
            let values = constants.map { $0! }
            if let failure = values.first(where: \.isError) { return .constant(failure) }
            return Compiled(evaluate: { activation in Self.located(body.call(activation, values), range) }, constant: nil, type: method.result)
        }
        let evaluates = compiled.map(\.evaluate)
        return Compiled(evaluate: { activation in
            var values: [Value] = []
            values.reserveCapacity(evaluates.count)
            for evaluate in evaluates {
                let value = evaluate(activation)
                if case .error = value { return value }
                values.append(value)
            }
            return Self.located(body.call(activation, values), range)
        }, constant: nil, type: method.result)
    }
}

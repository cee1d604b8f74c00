/// Function and method calls: the name must exist, take this many arguments, and accept
/// their types under at least one signature.
extension Checker {
    mutating func checkCall(_ name: String, receiver: Expr?, _ args: [Expr], nameRange: SourceRange) -> RuleType {
        if let receiver, case .identifier(let objectName) = receiver.kind, !locals.contains(where: { $0.name == objectName }),
           let variable = environment.variables[objectName], case .hostObject = variable.binding,
           let host = environment.hostObjects[objectName] {
            return checkHostMethod(host, objectName, name, args, nameRange: nameRange)
        }
        let receiverType = receiver.map { checkNode($0) }
        let argTypes = args.map { checkNode($0) }
        if name == "matches", let pattern = args.last, case .literal(.string(let text)) = pattern.kind {
            checkRegex(text, at: pattern.range)
        }
        let types = (receiverType.map { [$0] } ?? []) + argTypes
        let style: FunctionOverload.Style = receiver == nil ? .global : .receiver
        let overloads = environment.functions.overloads(named: name).filter { $0.style == style }
        guard !overloads.isEmpty else {
            if let receiverType {
                if receiverType.isUnknown && environment.functions.names(style: .receiver).isEmpty { return .dyn }
                let help = Self.didYouMean(name, environment.functions.names(style: .receiver))
                error(.unknownMethod(name, on: receiverType.isUnknown ? .dyn : receiverType), at: nameRange, help: help)
            } else {
                let help = Self.didYouMean(name, environment.functions.names(style: .global))
                error(.unknownFunction(name), at: nameRange, help: help)
            }
            return .error
        }
        guard let overload = overloads.first(where: { $0.arity == types.count }) else {
            let offset = receiver == nil ? 0 : 1
            error(.wrongArgumentCount(name, expected: overloads.map { $0.arity - offset }.sorted(), found: args.count), at: nameRange)
            return .error
        }
        if types.contains(.error) { return overload.resultType?(types) ?? .error }
        let matching = overload.signatures.first { signature in
            zip(types, signature.parameters).allSatisfy { $0.isAssignable(to: $1) }
        }
        guard let signature = matching else {
            error(.wrongArgumentTypes(name, types), at: nameRange, help: Self.accepted(name, overload, receiver != nil))
            return .error
        }
        if let resultType = overload.resultType { return resultType(types) }
        // With a dyn argument several signatures may match; only a shared result type is known.
        if types.contains(.dyn) {
            let results = Set(overload.signatures.filter { s in zip(types, s.parameters).allSatisfy { $0.isAssignable(to: $1) } }.map(\.result))
            return results.count == 1 ? results.first! : .dyn
        }
        return signature.result
    }

    /// A constant pattern is compiled now, so a bad one is reported before any event.
    private mutating func checkRegex(_ pattern: String, at range: SourceRange) {
        do throws(RegexSyntaxError) {
            _ = try LinearRegex(pattern)
        } catch let failure {
            error(.invalidRegex(failure.message), at: range)
        }
    }

    /// "accepts floor(decimal), floor(int)" for a wrong-types message.
    private static func accepted(_ name: String, _ overload: FunctionOverload, _ isReceiver: Bool) -> String {
        let forms = overload.signatures.map { signature in
            let types = signature.parameters.map(\.description)
            return isReceiver
                ? "\(types.first ?? "").\(name)(\(types.dropFirst().joined(separator: ", ")))"
                : "\(name)(\(types.joined(separator: ", ")))"
        }
        return "it accepts " + forms.joined(separator: ", ")
    }

    private mutating func checkHostMethod(_ host: HostObjectType, _ objectName: String, _ name: String,
                                          _ args: [Expr], nameRange: SourceRange) -> RuleType {
        let argTypes = args.map { checkNode($0) }
        guard let method = host.methods[name] else {
            let help = Self.didYouMean(name, Array(host.methods.keys))
                ?? (host.fields[name] != nil ? "'\(name)' is a field: write \(objectName).\(name) without parentheses" : nil)
            error(.unknownField(name, on: "'\(objectName)'"), at: nameRange, help: help)
            return .error
        }
        guard method.parameters.count == args.count else {
            error(.wrongArgumentCount("\(objectName).\(name)", expected: [method.parameters.count], found: args.count), at: nameRange,
                  help: method.help)
            return .error
        }
        if !zip(argTypes, method.parameters).allSatisfy({ $0.isAssignable(to: $1) }) {
            error(.wrongArgumentTypes("\(objectName).\(name)", argTypes), at: nameRange, help: method.help)
        }
        return method.result
    }
}

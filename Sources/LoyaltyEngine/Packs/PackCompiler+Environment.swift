import RuleLanguage

/// The names a rule's expressions can use: `event` (typed by the hook), `member`, the
/// pack's params and the `let` definitions the hook's rules need, plus `is_member(id)`.
extension PackCompiler {
    var memberObject: HostObjectType {
        MemberObject(context: context, pack: index, zone: zone, accounts: accounts, variables: variableNames,
                     tierNames: tierNames, ruleNames: ruleNames).make()
    }

    /// A fresh environment with `member`, the params and the engine's functions; `event`
    /// (slot 0) only when given a record type.
    mutating func baseEnvironment(event: RecordType?) -> Environment {
        var environment = Environment(defaultZone: zone)
        if let event {
            environment.variables["event"] = .init(type: .record(event), binding: .slot(0))
        }
        environment.declareHostObject("member", memberObject)
        for (name, value) in parameters { environment.declareConstant(name, value) }
        let directory = context.directory
        let context = context
        environment.functions.add("is_member", FunctionOverload(
            .global, arity: 1, signatures: [FunctionSignature([.string], .bool)], isPure: false,
            implementation: .unary { id in
                guard case .string(let text) = id else { return .failure(.invalidArgument("is_member() takes a member id")) }
                // Another partition's member cannot be looked up here: assume it is known, and
                // let an effect forwarded to it apply only if it is (Engine+Forwarding.swift).
                if let partition = context.partition, !partition.owns(text) {
                    context.assumedMembers.insert(text)
                    return .bool(true)
                }
                return .bool(directory.index(of: text) != nil)
            }))
        environment.reservedSlots = nextSlot
        return environment
    }

    /// Adds the pack's `let` definitions that `names` mention (directly or through other
    /// lets), each compiled for this hook and cached once per evaluation.
    mutating func addDefinitions(usedBy names: Set<String>, to environment: inout Environment) {
        var needed = names
        for definition in syntax.definitions.reversed() where needed.contains(definition.name.text) {
            needed.formUnion(definition.value.identifiers)
        }
        for definition in syntax.definitions where needed.contains(definition.name.text) {
            let (program, type) = compileExpression(definition.value, in: &environment)
            let slot = allocateSlot()
            environment.variables[definition.name.text] = .init(type: type, binding: .cached(slot: slot, program))
            environment.reservedSlots = nextSlot
        }
    }

    /// Checks and compiles one expression, continuing the pack's slot numbering.
    mutating func compileExpression(_ expr: Expr, in environment: inout Environment, warnsOnIntegerDivision: Bool = false) -> (Program, RuleType) {
        var checker = Checker(environment: environment, file: file)
        checker.warnsOnIntegerDivision = warnsOnIntegerDivision
        checker.guardedPaths = guardedPaths
        let type = checker.check(expr)
        diagnostics.append(contentsOf: checker.diagnostics)
        environment.reservedSlots = nextSlot
        var compiler = Compiler(environment: environment)
        let program = compiler.compile(expr)
        nextSlot = compiler.slotCount
        environment.reservedSlots = nextSlot
        return (program, checker.diagnostics.hasErrors ? .error : type)
    }

    mutating func allocateSlot() -> Int {
        defer { nextSlot += 1 }
        return nextSlot
    }

    /// The record type `event` has in a hook.
    func recordType(for hook: RuleSyntax.Hook) -> RecordType {
        switch hook {
        case .event(let name): EventSchemas.known(name.text) ?? EventSchemas.custom(name.text)
        case .schedule(let name): EventSchemas.schedule(name.text)
        case .inactive: EventSchemas.schedule("inactive")
        case .tierChange: EventSchemas.tierChange
        }
    }
}

extension RuleSyntax {
    /// Every name the rule's expressions mention.
    var referencedNames: Set<String> {
        var names = condition?.identifiers ?? []
        if case .inactive(let duration, _) = hook { names.formUnion(duration.identifiers) }
        for clause in clauses {
            for expr in clause.expressions { names.formUnion(expr.identifiers) }
        }
        return names
    }
}

extension Clause {
    /// The expressions written in the clause.
    var expressions: [Expr] {
        func expiry(_ expiry: Expiry?) -> [Expr] {
            switch expiry {
            case .after(let e)?, .on(let e)?: [e]
            default: []
            }
        }
        switch kind {
        case .definition(let definition): return [definition.value]
        case .award(let t), .deduct(let t): return [t.amount] + [t.member, t.reason].compactMap { $0 } + expiry(t.expiry)
        case .redeem(let r): return [r.points, r.worth] + [r.cap, r.reason].compactMap { $0 }
        case .grant(let g): return [g.benefit] + [g.count, g.worth, g.member, g.reason].compactMap { $0 } + expiry(g.expiry)
        case .tier(let change): return [change.tier] + [change.reason].compactMap { $0 } + expiry(change.expiry)
        case .assignment(_, let value): return [value]
        case .once(.key(let key)): return [key]
        case .cap(let amount, _, let period):
            if case .key(let key) = period { return [amount, key] }
            return [amount]
        case .reason(let reason): return [reason]
        case .stop, .once: return []
        }
    }
}

import RuleLanguage

/// Rules: each hook gets one environment (its event type, the lets its rules need); each
/// rule adds its own lets; each action's expressions are checked for the type the action
/// needs ("points must be a whole number").
extension PackCompiler {
    mutating func compileRules() -> [CompiledRule] {
        var compiled: [CompiledRule] = []
        var hookOrder: [String] = []
        var rulesByHook: [String: [(Int, RuleSyntax)]] = [:]
        for (position, rule) in syntax.rules.enumerated() {
            // A rule on several hooks is compiled once per hook, each with its event type.
            for hook in rule.hooks {
                var variant = rule
                variant.hook = hook
                variant.moreHooks = []
                let key = hook.name.text
                if rulesByHook[key] == nil { hookOrder.append(key) }
                rulesByHook[key, default: []].append((position, variant))
            }
        }
        for key in hookOrder {
            let group = rulesByHook[key]!
            var environment = baseEnvironment(event: recordType(for: group[0].1.hook))
            addDefinitions(usedBy: group.reduce(into: Set<String>()) { $0.formUnion($1.1.referencedNames) }, to: &environment)
            var stoppedBy: RuleSyntax?
            for (position, rule) in group {
                if let stopper = stoppedBy {
                    diagnostics.error(.unreachableRule("rule '\(stopper.name.text)' before it always stops this event"), in: file, at: rule.name.range)
                }
                if let result = compileRule(rule, position: position, environment: environment) {
                    compiled.append(result)
                    if result.stops, result.condition == nil || result.condition?.constant.map({ $0.isEqual(to: .bool(true)) }) == true,
                       result.once == nil {
                        stoppedBy = stoppedBy ?? rule
                    }
                }
            }
        }
        return compiled.sorted { $0.index < $1.index }
    }

    private mutating func compileRule(_ rule: RuleSyntax, position: Int, environment base: Environment) -> CompiledRule? {
        var environment = base
        let hook: CompiledPack.Hook
        var inactivity: TimeSpan?
        switch rule.hook {
        case .event(let name):
            hook = .event(name.text)
            if name.text == "tick" { diagnostics.error(.tickHook(), in: file, at: name.range) }
        case .schedule(let name): hook = .schedule(CompiledPack.Schedule(rawValue: name.text)!)
        case .tierChange:
            hook = .tierChange
            if tierNames == nil { diagnostics.error(.noTiers(), in: file, at: rule.hook.name.range) }
        case .inactive(let duration, _):
            hook = .inactive
            if let value = constant(duration, in: file, what: "the inactivity period") {
                if case .duration(let span) = value { inactivity = span } else {
                    diagnostics.error(.mustBe("the inactivity period", "a duration like days(90)", found: RuleType.of(value)), in: file, at: duration.range)
                }
            }
        }
        // Fields the rule's condition tests with has() are safe in all its clauses.
        let record = recordType(for: rule.hook)
        guardedPaths = rule.condition?.presenceTestedPaths ?? []
        defer { guardedPaths = [] }
        for expr in [rule.condition].compactMap({ $0 }) + rule.clauses.flatMap(\.expressions) {
            checkOptionalFields(expr, record: record, guarded: guardedPaths)
        }
        var condition: Program?
        if let expr = rule.condition {
            let (program, type) = compileExpression(expr, in: &environment)
            requireType(type, [.bool], "a rule's condition", "true or false", at: expr.range)
            checkTierLiterals(expr)
            condition = program
            if case .bool(false)? = program.constant {
                // A param switching a rule off (`when reset_on_promotion && …`) is a merchant's
                // choice, not a mistake: a warning, since `--set` can switch it back on.
                let switches = expr.identifiers.intersection(parameters.map(\.name))
                if switches.isEmpty {
                    diagnostics.error(.unreachableRule("its condition is always false"), in: file, at: expr.range)
                } else {
                    diagnostics.warning(.switchedOff(switches.sorted().joined(separator: ", ")), in: file, at: expr.range)
                }
            }
        }
        var actions: [CompiledAction] = []
        var once: OncePolicy?
        var caps: [CompiledCap] = []
        var stops = false
        var defaultReason: Expr?
        var kindsForEventMember: Set<String> = []
        for clause in rule.clauses {
            if case .reason(let reason) = clause.kind { defaultReason = reason }
        }
        for clause in rule.clauses {
            switch clause.kind {
            case .definition(let definition):
                let (program, type) = compileExpression(definition.value, in: &environment)
                let slot = allocateSlot()
                environment.variables[definition.name.text] = .init(type: type, binding: .cached(slot: slot, program))
                environment.reservedSlots = nextSlot
            case .stop:
                stops = true
            case .reason:
                break
            case .once(let period):
                once = compileOnce(period, in: &environment)
            case .cap(let amount, let account, let period):
                let (program, type) = compileExpression(amount, in: &environment)
                requirePoints(type, at: amount.range)
                let accountIndex = resolveAccount(account)
                var calendar: CalendarPeriod?
                switch period {
                case .calendar(let name):
                    if name.text != "event" {
                        calendar = CalendarPeriod(rawValue: name.text)
                        if calendar == nil { diagnostics.error(.unknownPeriod(name.text), in: file, at: name.range) }
                    }
                case .key(let expr):
                    diagnostics.error(.unknownPeriod(file.text(in: expr.range)), in: file, at: expr.range)
                }
                // Cap usage is kept per rule in eight slots (the state file's layout).
                if caps.count == 8 { diagnostics.error(.tooManyCaps(), in: file, at: clause.range) }
                caps.append(CompiledCap(amount: program, account: accountIndex ?? 0, period: calendar))
            default:
                if let action = compileAction(clause, defaultReason: defaultReason, in: &environment) {
                    let kind = actionKind(clause)
                    if let kind, !kindsForEventMember.insert(kind).inserted {
                        diagnostics.error(.oneDecisionPerKind(kind), in: file, at: clause.range)
                    }
                    actions.append(action)
                }
            }
        }
        let location = file.location(of: Int(rule.range.start))
        return CompiledRule(
            index: position, qualifiedName: "\(packName).\(rule.name.text)", name: rule.name.text,
            location: "\(file.name):\(location)", file: file, hook: hook, condition: condition, actions: actions,
            once: once, caps: caps, stops: stops, inactivity: inactivity)
    }

    /// The decision kind an action gives the event's own member, for the one-per-kind check.
    private func actionKind(_ clause: Clause) -> String? {
        switch clause.kind {
        case .award(let t) where t.member == nil, .deduct(let t) where t.member == nil: "points"
        case .redeem: "redeem"
        case .grant(let g) where g.member == nil: "grant"
        case .tier: "tier"
        default: nil
        }
    }

    private mutating func compileOnce(_ period: Clause.Period, in environment: inout Environment) -> OncePolicy? {
        switch period {
        case .calendar(let name):
            if name.text == "ever" { return .ever }
            if let calendar = CalendarPeriod(rawValue: name.text) { return .calendar(calendar) }
            diagnostics.error(.unknownPeriod(name.text), in: file, at: name.range)
            return nil
        case .key(let expr):
            let (program, _) = compileExpression(expr, in: &environment)
            return .key(program)
        }
    }

    mutating func resolveAccount(_ name: Name) -> Int? {
        if let index = accounts.firstIndex(of: name.text) { return index }
        let help = Suggestions.closest(to: name.text, among: accounts).map { "did you mean '\($0)'?" }
        diagnostics.error(.unknownAccount(name.text), in: file, at: name.range, help: help)
        return nil
    }

    mutating func requireType(_ type: RuleType, _ allowed: [RuleType], _ what: String, _ expected: String, at range: SourceRange) {
        guard !type.isUnknown, !allowed.contains(where: { type.isAssignable(to: $0) }) else { return }
        diagnostics.error(.mustBe(what, expected, found: type), in: file, at: range)
    }

    mutating func requirePoints(_ type: RuleType, at range: SourceRange) {
        guard !type.isUnknown, type != .int else { return }
        diagnostics.error(.pointsMustBeWhole(type), in: file, at: range)
    }
}

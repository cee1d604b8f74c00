import RuleLanguage

/// Checks one parsed pack against the engine's knowledge (event schemas, the member
/// object, accounts, tiers, variables) and compiles it. Every problem is reported; the
/// pack is usable only if there were no errors.
struct PackCompiler {
    let syntax: PackSyntax
    let index: Int
    let context: RuleContext
    /// `--set` overrides for this pack: param name → expression text.
    let overrides: [String: String]
    var diagnostics = DiagnosticBag()
    var file: SourceFile { syntax.file }
    /// The next free activation slot; every compiler for this pack continues from it.
    var nextSlot = 1
    var zone = TimeZoneRule.utc
    var parameters: [(name: String, value: Value)] = []
    var accounts = ["points"]
    var variableNames: [String] = []
    var variableDefaults: [Value] = []
    var tierNames: [String]?
    var ruleNames: [String] = []
    /// Paths the rule being compiled tests with has() in its condition: its clauses may read them.
    var guardedPaths: Set<String> = []

    init(syntax: PackSyntax, index: Int, context: RuleContext, overrides: [String: String]) {
        self.syntax = syntax
        self.index = index
        self.context = context
        self.overrides = overrides
    }

    var packName: String { syntax.name?.text ?? "pack" }

    mutating func compile() -> CompiledPack? {
        if let timezone = syntax.timezone {
            if let resolved = TimeZoneRule.resolve(timezone.value) {
                zone = resolved
            } else {
                diagnostics.error(.unknownTimeZone(timezone.value), in: file, at: timezone.range)
            }
        }
        checkNames()
        compileParameters()
        for account in syntax.accounts where account.name.text != "points" { accounts.append(account.name.text) }
        compileVariables()
        tierNames = syntax.tiers.map { $0.names.map(\.text) }
        ruleNames = syntax.rules.map(\.name.text)
        let ladder = compileLadder()
        let rules = compileRules()
        checkUnusedDefinitions()
        guard !diagnostics.hasErrors else { return nil }
        return CompiledPack(
            name: packName, title: syntax.title, file: file, index: index, zone: zone,
            allowsNegativeBalance: syntax.allowsNegativeBalance != nil, accounts: accounts,
            variableNames: variableNames, variableDefaults: variableDefaults, parameters: parameters,
            ladder: ladder, allRules: rules, slotCount: nextSlot)
    }

    /// Duplicate and keyword names among params, lets, vars, accounts and rules.
    private mutating func checkNames() {
        var seen: [String: String] = [:]
        let declared: [(Name, String)] = syntax.parameters.map { ($0.name, "param") } + syntax.definitions.map { ($0.name, "let") }
            + syntax.variables.map { ($0.name, "var") }
        for (name, what) in declared {
            if Parser.packKeywords.contains(name.text) || ["event", "member"].contains(name.text) {
                diagnostics.error(.keywordName(name.text), in: file, at: name.range)
            } else if seen[name.text] != nil {
                diagnostics.error(.duplicateName(name.text, what), in: file, at: name.range)
            }
            seen[name.text] = what
        }
        var accountNames: Set<String> = ["points"]
        for account in syntax.accounts where account.name.text != "points" {
            if !accountNames.insert(account.name.text).inserted {
                diagnostics.error(.duplicateName(account.name.text, "account"), in: file, at: account.name.range)
            }
        }
        var rules: Set<String> = []
        for rule in syntax.rules {
            if ["tier", "refund", "expiry"].contains(rule.name.text) {
                diagnostics.error(.reservedRuleName(rule.name.text), in: file, at: rule.name.range)
            } else if !rules.insert(rule.name.text).inserted {
                diagnostics.error(.duplicateName(rule.name.text, "rule"), in: file, at: rule.name.range)
            }
        }
    }

    /// Params are constants: each may use the ones before it. `--set` replaces the value.
    private mutating func compileParameters() {
        for parameter in syntax.parameters {
            var expr = parameter.value
            var source = file
            if let override = overrides[parameter.name.text] {
                source = SourceFile(name: "--set \(packName).\(parameter.name.text)", text: override)
                let (parsed, parseDiagnostics) = Parser.parseExpression(source)
                diagnostics.append(contentsOf: parseDiagnostics)
                if parseDiagnostics.hasErrors { continue }
                expr = parsed
            }
            if let value = constant(expr, in: source, what: "a param") {
                parameters.append((parameter.name.text, value))
            }
        }
    }

    private mutating func compileVariables() {
        for variable in syntax.variables {
            variableNames.append(variable.name.text)
            variableDefaults.append(constant(variable.value, in: file, what: "a variable's starting value") ?? .null)
        }
    }

    /// Evaluates an expression that must not depend on events or members.
    mutating func constant(_ expr: Expr, in source: SourceFile, what: String) -> Value? {
        var environment = Environment(defaultZone: zone)
        for (name, value) in parameters { environment.declareConstant(name, value) }
        var checker = Checker(environment: environment, file: source)
        checker.check(expr)
        diagnostics.append(contentsOf: checker.diagnostics)
        if checker.diagnostics.hasErrors { return nil }
        var compiler = Compiler(environment: environment)
        let program = compiler.compile(expr)
        guard let value = program.constant else {
            diagnostics.error(.notConstant(what), in: source, at: expr.range)
            return nil
        }
        if case .error(let error) = value {
            diagnostics.error(DiagnosticMessage(id: "evaluation-error", error.message), in: source, at: error.range ?? expr.range)
            return nil
        }
        return value
    }

    /// Lets declared but used by no rule are still checked, and flagged.
    private mutating func checkUnusedDefinitions() {
        var used = Set<String>()
        for rule in syntax.rules { used.formUnion(rule.referencedNames) }
        for definition in syntax.definitions { used.formUnion(definition.value.identifiers) }
        for definition in syntax.definitions where !used.contains(definition.name.text) {
            diagnostics.warning(.unusedDefinition(definition.name.text), in: file, at: definition.name.range)
        }
        for parameter in syntax.parameters where !used.contains(parameter.name.text) && overrides[parameter.name.text] == nil {
            let inLadder = syntax.tiers?.conditions.contains { $0.condition.identifiers.contains(parameter.name.text) } ?? false
            if !inLadder { diagnostics.warning(.unusedDefinition(parameter.name.text), in: file, at: parameter.name.range) }
        }
    }
}

extension Expr {
    /// Every identifier written in the expression (a superset of its free names).
    var identifiers: Set<String> {
        var names = Set<String>()
        var stack = [self]
        while let expr = stack.popLast() {
            if case .identifier(let name) = expr.kind { names.insert(name) }
            stack.append(contentsOf: expr.kind.children)
        }
        return names
    }
}

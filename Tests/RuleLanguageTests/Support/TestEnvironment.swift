import Testing
@testable import RuleLanguage

/// Declarations shaped like the engine's: a purchase event with items, a member host object,
/// a few constants. The language knows none of them; tests declare them as the engine does.
enum TestEnvironment {
    /// One purchased line, as the engine's `EventSchemas.item`.
    static let item = RecordType(name: "item", fields: [
        .init("sku", .string), .init("category", .string), .init("qty", .int), .init("price", .decimal),
    ])

    static let purchase = RecordType(name: "purchase event", displayName: "a 'purchase' event", fields: [
        .init("id", .string), .init("member", .string), .init("amount", .decimal),
        .init("items", .list(.record(item))), .init("referrer", .string, optional: true),
    ])

    /// A stand-in for the engine's `member`: fields and one method.
    static let member = HostObjectType(name: "member", fields: [
        "tier": .init(type: .string) { _ in .string("gold") },
        "balance": .init(type: .int) { _ in .int(120) },
    ], methods: [
        "spend": .init(parameters: [.duration], result: .decimal) { _, _ in .decimal(ExactDecimal(1000)) },
    ])

    /// `event`, `items`, `item`, `amount`, `tier`, `reason`, `visits`, `at` in slots 0…7,
    /// `excluded` and `factor` as constants, and `member`.
    static func make(defaultZone: TimeZoneRule = .utc) -> Environment {
        var environment = Environment(defaultZone: defaultZone)
        environment.declareSlot("event", type: .record(purchase))
        environment.declareSlot("items", type: .list(.record(item)))
        environment.declareSlot("item", type: .record(item))
        environment.declareSlot("amount", type: .decimal)
        environment.declareSlot("tier", type: .string)
        environment.declareSlot("reason", type: .string)
        environment.declareSlot("visits", type: .int)
        environment.declareSlot("at", type: .timestamp)
        environment.declareConstant("excluded", .list([.string("tobacco"), .string("gift-card")]))
        environment.declareConstant("factor", .map(ValueMap(fields: [
            ("normal", .int(1)), ("gold", .decimal(ExactDecimal("1.5")!)),
        ])))
        environment.declareHostObject("member", member)
        return environment
    }

    /// Checks a parsed expression; parse errors are returned too.
    static func check(_ source: String, environment: Environment = make(), warnsOnIntegerDivision: Bool = false)
        -> (type: RuleType, diagnostics: [Diagnostic], file: SourceFile) {
        let file = SourceFile(name: "<expression>", text: source)
        let (expr, parsed) = Parser.parseExpression(file)
        var checker = Checker(environment: environment, file: file)
        checker.warnsOnIntegerDivision = warnsOnIntegerDivision
        let type = checker.check(expr)
        var all = parsed
        all.append(contentsOf: checker.diagnostics)
        return (type, all.sorted, file)
    }
}

/// Checks marked source against `TestEnvironment` and compares `line:col: message` of every
/// diagnostic with the markers, plus the help lines when given.
func expectCheckDiagnostics(_ marked: String, _ messages: [String], help: [String?]? = nil,
                            warnsOnIntegerDivision: Bool = false,
                            sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let source = MarkedSource(marked)
    let checked = TestEnvironment.check(source.text, warnsOnIntegerDivision: warnsOnIntegerDivision)
    #expect(checked.diagnostics.map(summary) == source.expected(messages, in: checked.file), sourceLocation: sourceLocation)
    if let help {
        #expect(checked.diagnostics.map(\.help) == help, sourceLocation: sourceLocation)
    }
}

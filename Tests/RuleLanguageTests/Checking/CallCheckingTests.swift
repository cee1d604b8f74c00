import Testing
@testable import RuleLanguage

/// Calls: the function must exist in that style, take that many arguments, accept those types.
@Suite struct CallCheckingTests {
    @Test(arguments: [
        ("1️⃣flor(amount)", "there is no function called 'flor'", "did you mean 'floor'?"),
        ("1️⃣lenght(tier)", "there is no function called 'lenght'", nil),
        ("tier.1️⃣startWith('g')", "a string has no function 'startWith'", "did you mean 'startsWith'?"),
        ("tier.1️⃣toUpper()", "a string has no function 'toUpper'", nil),
        ("1️⃣contains(tier, 'g')", "there is no function called 'contains'", nil),
        ("amount.1️⃣floor()", "a decimal has no function 'floor'", nil),
    ] as [(String, String, String?)])
    func unknownFunctions(marked: String, message: String, help: String?) {
        expectCheckDiagnostics(marked, [message], help: [help])
    }

    @Test(arguments: [
        ("1️⃣size(tier, tier)", "'size' takes 1 argument, but 2 were given"),
        ("1️⃣floor()", "'floor' takes 1 argument, but 0 were given"),
        ("tier.1️⃣contains()", "'contains' takes 1 argument, but 0 were given"),
        ("tier.1️⃣startsWith('a', 'b')", "'startsWith' takes 1 argument, but 2 were given"),
        ("at.1️⃣getHours('UTC', 1)", "'getHours' takes 0 or 1 arguments, but 2 were given"),
        ("1️⃣days(1, 2)", "'days' takes 1 argument, but 2 were given"),
        ("1️⃣min(1)", "'min' takes 2 to 8 arguments, but 1 was given"),
        ("member.1️⃣spend()", "'member.spend' takes 1 argument, but 0 were given"),
    ])
    func wrongArgumentCounts(marked: String, message: String) {
        expectCheckDiagnostics(marked, [message])
    }

    @Test(arguments: [
        ("tier.1️⃣startsWith(1)", "'startsWith' cannot be applied to a string and an int", "it accepts string.startsWith(string)"),
        ("1️⃣floor(tier)", "'floor' cannot be applied to a string",
         "it accepts floor(decimal), floor(int), floor(double)"),
        ("1️⃣days(1.5)", "'days' cannot be applied to a decimal", "it accepts days(int)"),
        ("1️⃣date(20261220)", "'date' cannot be applied to an int", "it accepts date(string)"),
        ("amount.1️⃣getHours()", "'getHours' cannot be applied to a decimal",
         "it accepts timestamp.getHours(), duration.getHours()"),
        ("at.1️⃣getHours(8)", "'getHours' cannot be applied to a timestamp and an int", "it accepts timestamp.getHours(string)"),
        ("1️⃣size(amount)", "'size' cannot be applied to a decimal", "it accepts size(string), size(list), size(map)"),
        ("1️⃣int(items)", "'int' cannot be applied to a list of item",
         "it accepts int(int), int(decimal), int(double), int(string), int(timestamp)"),
    ])
    func wrongArgumentTypes(marked: String, message: String, help: String) {
        expectCheckDiagnostics(marked, [message], help: [help])
    }

    /// Result types the checker infers for calls.
    @Test(arguments: [
        ("floor(amount)", RuleType.int), ("round(1.5)", .int), ("abs(amount)", .decimal), ("abs(-1)", .int),
        ("items.map(i, i.price).sum()", .decimal), ("items.map(i, i.qty).max()", .int), ("min(1, 2)", .int),
        ("min(1, 2.5)", .decimal), ("size(items)", .int), ("tier.size()", .int), ("days(3)", .duration),
        ("date('2026-12-20')", .timestamp), ("at.getDayOfWeek()", .int), ("string(amount)", .string),
        ("decimal('1.50')", .decimal), ("double(1)", .double), ("tier.matches('^g')", .bool), ("dyn(1)", .dyn),
        ("member.spend(days(30))", .decimal),
    ])
    func resultTypes(source: String, type: RuleType) {
        let checked = TestEnvironment.check(source)
        #expect(checked.diagnostics.map(summary) == [])
        #expect(checked.type == type)
    }
}

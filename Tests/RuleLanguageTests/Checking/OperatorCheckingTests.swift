import Testing
@testable import RuleLanguage

/// Operators on the wrong types, conditions that are not bool, and the int/int warning.
@Suite struct OperatorCheckingTests {
    @Test(arguments: [
        ("1️⃣tier + 1", "'+' cannot be applied to a string and an int"),
        ("1️⃣amount - tier", "'-' cannot be applied to a decimal and a string"),
        ("1️⃣amount % 2", "'%' cannot be applied to a decimal and an int"),
        ("1️⃣items * 2", "'*' cannot be applied to a list of item and an int"),
        ("1️⃣at + at", "'+' cannot be applied to a timestamp and a timestamp"),
        ("1️⃣at < 5", "'<' cannot be applied to a timestamp and an int"),
        ("1️⃣tier < 5", "'<' cannot be applied to a string and an int"),
        ("1️⃣items < items", "'<' cannot be applied to a list of item and a list of item"),
        ("1️⃣'a' in tier", "'in' cannot be applied to a string and a string"),
        ("1️⃣-tier", "'-' cannot be applied to a string"),
        ("1️⃣!amount", "'!' cannot be applied to a decimal"),
        ("items[1️⃣'a']", "'[]' cannot be applied to a list of item and a string"),
        ("1️⃣amount[0]", "a decimal cannot be indexed with [ ]"),
        ("{1️⃣amount: 1}", "a decimal cannot be a map key"),
    ])
    func mismatches(marked: String, message: String) {
        expectCheckDiagnostics(marked, [message])
    }

    @Test(arguments: [
        ("1️⃣amount ? 1 : 2", "a condition must be true or false, but this is a decimal"),
        ("1️⃣amount && true", "a condition must be true or false, but this is a decimal"),
        ("true || 1️⃣tier", "a condition must be true or false, but this is a string"),
        ("items.filter(i, 1️⃣i.qty)", "a condition must be true or false, but this is an int"),
        ("items.all(i, 1️⃣i.sku)", "a condition must be true or false, but this is a string"),
        ("items.map(i, 1️⃣i.price, i.qty)", "a condition must be true or false, but this is a decimal"),
        ("1️⃣tier.size() ? 'a' : 'b'", "a condition must be true or false, but this is an int"),
    ])
    func conditionsMustBeBool(marked: String, message: String) {
        expectCheckDiagnostics(marked, [message])
    }

    /// Rows: source, whether the warning is switched on, whether it must appear.
    @Test(arguments: [
        ("1️⃣visits / 3", true, true), ("1️⃣visits / visits + 1", true, true), ("1️⃣item.qty / 2 > 1", true, true),
        ("visits / 3.0", true, false), ("amount / 3", true, false), ("decimal(visits) / 3", true, false),
        ("visits / 3", false, false),
    ])
    func integerDivisionWarning(marked: String, isEnabled: Bool, warns: Bool) {
        let source = MarkedSource(marked)
        let checked = TestEnvironment.check(source.text, warnsOnIntegerDivision: isEnabled)
        let expected = warns
            ? source.expected(["this divides two whole numbers, so the result is rounded down to a whole number"], in: checked.file)
            : []
        #expect(checked.diagnostics.map(summary) == expected)
        #expect(checked.diagnostics.allSatisfy { $0.severity == .warning })
    }

    /// Our dialect's operator typing: int promotes to decimal, time arithmetic as in CEL.
    @Test(arguments: [
        ("visits + 1", RuleType.int), ("visits + 1.5", .decimal), ("amount * 2", .decimal), ("visits / 2", .int),
        ("amount / 2", .decimal), ("double(1) + 1", .double), ("visits % 2", .int), ("tier + 'x'", .string),
        ("[1] + [2]", .list(.int)), ("at + days(1)", .timestamp), ("days(1) + at", .timestamp),
        ("at - at", .duration), ("days(1) - days(2)", .duration), ("-amount", .decimal), ("-days(1)", .duration),
        ("amount > visits", .bool), ("at < at", .bool), ("'a' < 'b'", .bool), ("tier in excluded", .bool),
        ("true ? 1 : 2.5", .decimal), ("true ? 1 : 'a'", .dyn), ("dyn(1) + 1.5", .decimal), ("null == tier", .bool),
    ])
    func resultTypes(source: String, type: RuleType) {
        let checked = TestEnvironment.check(source)
        #expect(checked.diagnostics.map(summary) == [])
        #expect(checked.type == type)
    }
}

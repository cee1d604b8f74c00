import Testing
@testable import RuleLanguage

/// Unknown names and fields, with the caret on the name and a suggestion when one is clear.
@Suite struct NameCheckingTests {
    @Test(arguments: [
        ("1️⃣amout > 100", "unknown name 'amout'", "did you mean 'amount'?"),
        ("1️⃣tierr == 'gold'", "unknown name 'tierr'", "did you mean 'tier'?"),
        ("amount > 1️⃣limit", "unknown name 'limit'", nil),
        ("items.exists(i, 1️⃣j.qty > 1)", "unknown name 'j'", nil),
        ("items.exists(item1, 1️⃣itme1.qty > 1)", "unknown name 'itme1'", "did you mean 'item1'?"),
        ("1️⃣exclued.size()", "unknown name 'exclued'", "did you mean 'excluded'?"),
        ("1️⃣member", "'member' is not a value by itself", "use one of its fields, like member.tier"),
    ] as [(String, String, String?)])
    func unknownNames(marked: String, message: String, help: String?) {
        expectCheckDiagnostics(marked, [message], help: [help])
    }

    @Test(arguments: [
        ("items.filter(i, i.1️⃣categroy == 'x')", "'item' has no field 'categroy'", "did you mean 'category'?"),
        ("item.1️⃣prcie * 2", "'item' has no field 'prcie'", "did you mean 'price'?"),
        ("item.1️⃣qyt > 1", "'item' has no field 'qyt'", "did you mean 'qty'?"),
        ("event.items[0].1️⃣sku2 == ''", "'item' has no field 'sku2'", "did you mean 'sku'?"),
        ("event.1️⃣amont > 1", "a 'purchase' event has no field 'amont'", "did you mean 'amount'?"),
        ("item.1️⃣colour == 'red'", "'item' has no field 'colour'",
         "to read a field that is not always sent, test it with has(item.colour) first, or index it: [\"colour\"]"),
        ("member.1️⃣tierr == 'gold'", "'member' has no field 'tierr'", "did you mean 'tier'?"),
        ("member.1️⃣spend > 1", "'member' has no field 'spend'", "'spend' is a function: write member.spend(...)"),
        ("member.1️⃣tier() == 'gold'", "'member' has no field 'tier'", "'tier' is a field: write member.tier without parentheses"),
        ("amount.1️⃣cents", "a decimal has no fields, so '.cents' cannot be read", nil),
        ("tier.1️⃣size", "a string has no fields, so '.size' cannot be read", nil),
    ] as [(String, String, String?)])
    func unknownFields(marked: String, message: String, help: String?) {
        expectCheckDiagnostics(marked, [message], help: [help])
    }

    /// Known names and fields have their declared types; a macro variable shadows outer names.
    @Test(arguments: [
        ("item.price", RuleType.decimal), ("item.qty", .int), ("event.items", .list(.record(TestEnvironment.item))),
        ("items.map(i, i.sku)", .list(.string)), ("items.filter(i, i.qty > 1)", .list(.record(TestEnvironment.item))),
        ("items.exists(amount, amount.qty > 1)", .bool), ("member.tier", .string), ("member.spend(days(365))", .decimal),
        ("factor['gold']", .decimal), ("excluded", .list(.string)), ("event['note']", .dyn), ("has(event.referrer)", .bool),
        ("{'a': 1}.a", .int), ("dyn(item).whatever", .dyn),
    ])
    func knownNames(source: String, type: RuleType) {
        let checked = TestEnvironment.check(source)
        #expect(checked.diagnostics.map(summary) == [])
        #expect(checked.type == type)
    }

    /// `has()` on a record accepts fields it does not know, warning only for a likely typo.
    @Test func hasWarnsOnlyForLikelyTypos() {
        #expect(TestEnvironment.check("has(event.note)").diagnostics.isEmpty)
        let typo = TestEnvironment.check("has(event.referer)").diagnostics
        #expect(typo.map(\.severity) == [.warning])
        #expect(typo.map(\.help) == ["did you mean 'referrer'?"])
    }

    /// A field the schema does not declare can be read where `has()` tests it, as the help
    /// of the unknown-field error says; the same field elsewhere is still an error.
    @Test func hasGuardsExtraFields() {
        for source in ["has(event.note) && event.note.startsWith('vip')",
                       "has(event.note) ? size(event.note) > 2 : false",
                       "items.exists(i, has(i.colour) && i.colour == 'red')"] {
            let checked = TestEnvironment.check(source)
            #expect(checked.diagnostics.map(summary) == [], "\(source)")
            #expect(checked.type == .bool)
        }
        let file = SourceFile(name: "t", text: "event.note == 'x'")
        var checker = Checker(environment: TestEnvironment.make(), file: file)
        checker.guardedPaths = ["event.note"]
        checker.check(Parser.parseExpression(file).0)
        #expect(checker.diagnostics.isEmpty, "a caller's guard (a rule's condition) counts too")
        expectCheckDiagnostics("has(event.note) || event.1️⃣memo == 'x'", ["a 'purchase' event has no field 'memo'"])
    }

    /// One mistake, one diagnostic: an unknown name's error type is silent downstream.
    @Test(arguments: [
        "1️⃣amout * 2 + 1 > 3 && true",
        "1️⃣nope.field.other[0] == 1",
        "items.map(i, i.1️⃣pirce * i.qty).sum() > 1",
        "floor(1️⃣amout) + 1",
    ])
    func errorsAreSilentDownstream(marked: String) {
        let checked = TestEnvironment.check(MarkedSource(marked).text)
        #expect(checked.diagnostics.count == 1)
    }
}

import Testing
@testable import RuleLanguage

/// "Did you mean": one clear winner within the distance floor, else nothing.
@Suite struct SuggestionsTests {
    @Test(arguments: [
        ("categroy", ["sku", "category", "qty", "price"], "category"),
        ("amout", ["amount", "member", "event"], "amount"),
        ("qyt", ["sku", "qty", "price"], "qty"),
        ("Tier", ["tier", "balance"], "tier"),
        ("pirce", ["price", "prices2"], "price"),
        ("startWith", ["startsWith", "endsWith", "contains"], "startsWith"),
        ("abcdefgh", ["abcdexyz"], "abcdexyz"),
        ("sumr", ["sum", "size", "min", "max"], "sum"),
    ] as [(String, [String], String)])
    func clearWinner(name: String, candidates: [String], expected: String) {
        #expect(Suggestions.closest(to: name, among: candidates) == expected)
    }

    @Test(arguments: [
        ("ab", ["ac", "ad"]),                  // tie at distance 1
        ("cat", ["bat", "car"]),               // tie at distance 1
        ("purchase", ["purchases", "purchased"]),
        ("abcdefgh", ["abcdwxyz"]),            // distance 4: past the floor of 3
        ("ab", ["xy"]),                         // distance 2 for a 2-letter name
        ("tier", ["tier"]),                     // the name itself is not a suggestion
        ("amount", []),
        ("zzzzzz", ["category", "price"]),
        ("", ["a", "b"]),
    ] as [(String, [String])])
    func noSuggestion(name: String, candidates: [String]) {
        #expect(Suggestions.closest(to: name, among: candidates) == nil)
    }

    @Test func aBetterCandidateBreaksAnEarlierTie() {
        #expect(Suggestions.closest(to: "price", among: ["prize", "pride", "price2", "pricey", "prices"]) == nil)
        #expect(Suggestions.closest(to: "pirce", among: ["prize", "pride", "price"]) == "price")
    }

    @Test(arguments: [
        ("kitten", "sitting", 3), ("ab", "ba", 1), ("abc", "acb", 1), ("", "abc", 3), ("same", "same", 0), ("ca", "abc", 3),
    ])
    func editDistance(a: String, b: String, distance: Int) {
        #expect(Suggestions.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars)) == distance)
    }
}

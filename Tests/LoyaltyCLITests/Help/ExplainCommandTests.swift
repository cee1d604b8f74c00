import Foundation
@testable import LoyaltyCLI
import LoyaltyEngine
import Testing

/// `loyalty explain`: one entry per diagnostic id and input code, and nothing else.
@Suite struct ExplainCommandTests {
    /// Every `id: "…"` written in the sources of the rule language, the engine and the CLI.
    static func diagnosticIDs() throws -> Set<String> {
        let sources = URL(fileURLWithPath: PackageRoot.path).appendingPathComponent("Sources")
        guard let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil) else {
            throw SetupError("cannot list \(sources.path)")
        }
        let pattern = try NSRegularExpression(pattern: #"\bid: "([a-z0-9-]+)""#)
        var ids = Set<String>()
        for case let file as URL in files where file.pathExtension == "swift" && !file.path.contains("/LoyaltyCLI/Help/") {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                ids.insert((text as NSString).substring(with: match.range(at: 1)))
            }
        }
        return ids
    }

    @Test func everyDiagnosticIDIsExplained() throws {
        let ids = try Self.diagnosticIDs()
        #expect(ids.count > 50, "the scan found too few ids; did the sources move?")
        let explained = Set(Explanations.all.filter { $0.origin == .rules }.map(\.code))
        #expect(ids.subtracting(explained).sorted() == [], "ids without an entry in Explanations.swift")
        #expect(explained.subtracting(ids).sorted() == [], "entries for ids no source uses")
    }

    @Test func everyInputCodeIsExplained() {
        let codes = Set(InputError.Code.allCases.map(\.rawValue))
        let explained = Set(Explanations.all.filter { $0.origin == .input }.map(\.code))
        #expect(codes == explained)
    }

    @Test func theCatalogueIsSortedWithoutDuplicates() {
        let keys = Explanations.all.map { "\($0.code) \($0.origin == .rules ? 0 : 1)" }
        #expect(keys == keys.sorted())
        #expect(Set(keys).count == keys.count)
        for entry in Explanations.all {
            #expect(!entry.summary.isEmpty && !entry.meaning.isEmpty && !entry.fix.isEmpty && !entry.example.isEmpty, "\(entry.code)")
        }
    }

    @Test(arguments: ["unknown-field", "bad-timestamp", "points-not-whole", "rule-error"])
    func explainsOneCode(code: String) {
        let outcome = CLITestSupport.run(["explain", code])
        #expect(outcome.status == .success)
        #expect(outcome.output.hasPrefix("\(code): "))
        #expect(outcome.output.contains("How to fix it:") && outcome.output.contains("Example:"))
    }

    @Test func everyCodeCanBeExplained() {
        for code in Explanations.codes {
            #expect(CLITestSupport.run(["explain", code]).status == .success, "\(code)")
        }
    }

    /// `wrong-type` is both a check message and an input code: both are shown.
    @Test func aSharedCodeShowsBothMeanings() {
        let output = CLITestSupport.run(["explain", "wrong-type"]).output
        #expect(output.contains("a message of 'loyalty check'") && output.contains("rejected input line"))
    }

    @Test func withoutACodeEveryCodeIsListed() {
        let outcome = CLITestSupport.run(["explain"])
        #expect(outcome.status == .success)
        for code in Explanations.codes {
            #expect(outcome.output.contains("  \(code) "), "\(code) is not listed")
        }
    }

    @Test(arguments: [
        ("unknwn-field", "unknown code 'unknwn-field'; did you mean 'unknown-field'?"),
        ("bad-timestmp", "did you mean 'bad-timestamp'?"),
        ("optional", "codes containing it: unguarded-optional-field"),
        ("zzzzzz", "run 'loyalty explain' for the list of codes"),
    ])
    func unknownCodesGetHelp(code: String, message: String) {
        let outcome = CLITestSupport.run(["explain", code])
        #expect(outcome.status == .usage)
        #expect(outcome.errors.contains(message))
    }

    /// A failed check ends by pointing at `loyalty explain`, naming the codes it printed.
    @Test func checkPointsAtExplain() throws {
        let directory = try CLITestSupport.makeTemporaryDirectory("explain-check")
        let pack = directory.appendingPathComponent("p.rules")
        try "pack p\nrule r on purchase\n  award floor(event.amout) points\n".write(to: pack, atomically: true, encoding: .utf8)
        let outcome = CLITestSupport.run(["check", "--rules", pack.path])
        #expect(outcome.status == .failure)
        #expect(outcome.errors.hasSuffix("run 'loyalty explain CODE' for details on a message (codes here: unknown-field)\n"))
        let clean = CLITestSupport.run(["check", "--rules", CLITestSupport.benchRules])
        #expect(!clean.errors.contains("loyalty explain"))
    }
}

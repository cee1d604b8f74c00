import Foundation
@testable import LoyaltyCLI
import Testing

/// `loyalty fmt` and `loyalty fmt --check` on files in a temporary directory.
@Suite struct FormatCommandTests {
    static let messy = "pack demo   \"Demo\"\nparam a=1+2 # one\nrule r on purchase\n      award a points\n"
    static let tidy = "pack demo \"Demo\"\nparam a = 1 + 2  # one\n\nrule r on purchase\n  award a points\n"

    let directory: URL

    init() throws {
        directory = try CLITestSupport.makeTemporaryDirectory("fmt")
    }

    func write(_ text: String, _ name: String) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func checkReportsWithoutChanging() throws {
        let messy = try write(Self.messy, "a.rules")
        let tidy = try write(Self.tidy, "b.rules")
        let outcome = CLITestSupport.run(["fmt", "--check", directory.path])
        #expect(outcome.status == .failure)
        #expect(outcome.output.contains("would reformat \(messy)"))
        #expect(!outcome.output.contains(tidy))
        #expect(outcome.output.contains("  - param a=1+2 # one") && outcome.output.contains("  + param a = 1 + 2  # one"))
        #expect(outcome.errors.contains("2 files checked: 1 would be reformatted"))
        #expect(try read(messy) == Self.messy)
    }

    @Test func formattingRewritesOnlyWhatChanges() throws {
        let messy = try write(Self.messy, "a.rules")
        let tidy = try write(Self.tidy, "b.rules")
        let first = CLITestSupport.run(["fmt", messy, tidy])
        #expect(first.status == .success)
        #expect(first.output == "formatted \(messy)\n")
        #expect(try read(messy) == Self.tidy)
        let again = CLITestSupport.run(["fmt", "--check", messy, tidy])
        #expect(again.status == .success)
        #expect(again.output.isEmpty)
        #expect(again.errors.contains("2 files checked: 0 would be reformatted"))
    }

    @Test func aFileWithSyntaxErrorsIsLeftAlone() throws {
        let broken = try write("pack p\nrule\n  award 1 points\n", "broken.rules")
        let outcome = CLITestSupport.run(["fmt", broken])
        #expect(outcome.status == .failure)
        #expect(outcome.errors.contains("\(broken) was not formatted: it has 1 syntax error"))
        #expect(try read(broken) == "pack p\nrule\n  award 1 points\n")
    }

    @Test func missingPathsAreErrors() {
        let outcome = CLITestSupport.run(["fmt", directory.appendingPathComponent("none.rules").path])
        #expect(outcome.status == .failure)
        #expect(outcome.errors.contains("no such file or directory"))
    }

    @Test func theDiffShowsALimitedNumberOfStretches() {
        let old = (1...10).map { "line \($0)" }
        var new = old
        for index in [0, 2, 4, 6, 8] { new[index] += "!" }
        let diff = FormatCommand.diff(old, new, limit: 3)
        #expect(diff.hasPrefix("  line 1:\n  - line 1\n  + line 1!\n  line 3:"))
        #expect(diff.hasSuffix("  … and 2 more changed stretches"))
    }
}

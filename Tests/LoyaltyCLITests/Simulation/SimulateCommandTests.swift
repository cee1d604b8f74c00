import Foundation
@testable import LoyaltyCLI
import LoyaltyEngine
import RuleLanguage
import Testing

/// `loyalty simulate` in-process, on the hand-worked stream of `SimulationFixture`.
@Suite struct SimulateCommandTests {
    let files: (old: String, new: String, events: URL, directory: URL)

    init() throws {
        files = try SimulationFixture.files("simulate-command")
    }

    /// The output's lines with runs of spaces collapsed, so expectations do not depend on widths.
    func squeezed(_ text: String) -> [String] {
        text.split(separator: "\n").map { line in line.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
    }

    @Test func textReportHasTheHandWorkedNumbers() {
        let outcome = CLITestSupport.run(["simulate", "--rules", files.old, "--against", files.new], input: files.events)
        #expect(outcome.status == .success, "\(outcome.errors)")
        let lines = squeezed(outcome.output)
        for expected in [
            "old rules: \(files.old)",
            "new rules: \(files.new)",
            "events: 8 lines; applied 6 (old), 6 (new); 1 bad lines skipped (invalid-json 1)",
            "duplicate: 1 (old), 1 (new)",
            "days: UTC dates of the events' time",
            "one point of shop: 0.01 yuan (param point_value)",
            "points issued 1,800 1,900 +100 +5.6%",
            "worth (yuan) 18.00 19.00 +1.00",
            "points redeemed 100 100 0 0.0%",
            "worth (yuan) 1.00 1.00 0.00",
            "in a different tier 1",
            "shop.base 每消费1元得1分 1,800 1,900 +100 +5.6% +1.00",
            "shop.pay redeemed 积分抵现 100 100 0 0.0% 0.00",
            "shop points issued 1,800 1,900 +100 18.00 19.00 +1.00",
            "balances grew by 1,700 1,800 +100 17.00 18.00 +1.00",
            "shop normal 1 0 -1",
            "gold 1 2 +1",
            "Members ending in a different tier: 1 of 2 (the first 1 moves)",
            "A shop normal gold",
            "coupon:10 2 2 0 0.0%",
            "A 700 800 +100",
        ] {
            #expect(lines.contains(expected), "missing line '\(expected)' in:\n\(outcome.output)")
        }
        #expect(outcome.errors.isEmpty, "\(outcome.errors)")
    }

    /// Chinese reasons take two cells per character: every line of a table ends in the same
    /// terminal column (its last column is right-aligned and never empty here).
    @Test func chineseTextKeepsColumnsAligned() throws {
        let outcome = CLITestSupport.run(["simulate", "--rules", files.old, "--against", files.new], input: files.events)
        let lines = outcome.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for title in ["Points issued by rule", "Points redeemed, taken back and expired, by rule"] {
            let start = try #require(lines.firstIndex(of: title))
            let table = lines[(start + 1)...].prefix { !$0.isEmpty }
            #expect(table.count == 3)
            let widths = Set(table.map { ReportFormat.cells($0) })
            #expect(widths.count == 1, "misaligned \(title):\n\(table.joined(separator: "\n"))")
            // The Chinese reason starts in the header's "what" column.
            let header = try #require(table.first)
            let row = try #require(table.last)
            let what = try #require(header.range(of: "what"))
            let reason = try #require(row.range(of: row.contains("每") ? "每" : "积"))
            let whatColumn = ReportFormat.cells(String(header[..<what.lowerBound]))
            let reasonColumn = ReportFormat.cells(String(row[..<reason.lowerBound]))
            #expect(whatColumn == reasonColumn)
        }
    }

    @Test func setChangesOnlyTheProposedRules() {
        // Without --against the proposed rules are the current ones with the override.
        let outcome = CLITestSupport.run(["simulate", "--rules", files.old, "--set", #"shop.factor={"normal": 2, "gold": 2}"#], input: files.events)
        #expect(outcome.status == .success, "\(outcome.errors)")
        let lines = squeezed(outcome.output)
        #expect(lines.contains("points issued 1,800 3,600 +1,800 +100.0%"), "\(outcome.output)")
        #expect(lines.contains(#"new rules: \#(files.old) --set shop.factor={"normal": 2, "gold": 2}"#), "\(outcome.output)")
        #expect(lines.contains("in a different tier 0"))
    }

    @Test func pointValueOption() {
        let outcome = CLITestSupport.run(["simulate", "--rules", files.old, "--against", files.new, "--point-value", "0.5"], input: files.events)
        let lines = squeezed(outcome.output)
        #expect(lines.contains("one point of shop: 0.5 yuan (--point-value)"), "\(outcome.output)")
        #expect(lines.contains("worth (yuan) 900.00 950.00 +50.00"), "\(outcome.output)")
    }

    @Test func writesTheHTMLReport() throws {
        let report = files.directory.appendingPathComponent("report.html")
        let outcome = CLITestSupport.run(["simulate", "--rules", files.old, "--against", files.new, "--report", report.path], input: files.events)
        #expect(outcome.status == .success)
        #expect(outcome.errors.contains("report written to \(report.path)"))
        let html = try String(contentsOf: report, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 3)
        #expect(!html.contains("<script"))
        // Self-contained: the only URLs are the SVG namespace; nothing is loaded.
        #expect(html.components(separatedBy: "http").count == html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count)
        #expect(!html.contains("src=") && !html.contains("href=") && !html.contains("url("))
        #expect(html.contains("每消费1元得1分"))
    }

    @Test func usageErrors() {
        let nothing = CLITestSupport.run(["simulate", "--rules", files.old], input: files.events)
        #expect(nothing.status == .usage)
        #expect(nothing.errors.contains("nothing to compare"))
        let badValue = CLITestSupport.run(["simulate", "--rules", files.old, "--against", files.new, "--point-value", "cheap"], input: files.events)
        #expect(badValue.status == .usage)
        #expect(badValue.errors.contains("--point-value needs an amount in yuan"))
    }

    @Test func brokenProposedRulesAreReported() throws {
        let broken = files.directory.appendingPathComponent("broken.rules")
        try SimulationFixture.newPack.replacingOccurrences(of: "event.amount", with: "event.amuont").write(to: broken, atomically: true, encoding: .utf8)
        let outcome = CLITestSupport.run(["simulate", "--rules", files.old, "--against", broken.path], input: files.events)
        #expect(outcome.status == .failure)
        #expect(outcome.errors.contains("amuont"))
        #expect(outcome.errors.contains("nothing was simulated: the proposed rules (--against) have"))
        #expect(outcome.output.isEmpty)
    }

    @Test func listedInHelp() {
        let help = CLITestSupport.run(["help"])
        #expect(help.output.contains("simulate"))
        let detail = CLITestSupport.run(["help", "simulate"])
        #expect(detail.output.contains("--against NEW"))
        #expect(detail.output.contains("examples:"))
    }
}

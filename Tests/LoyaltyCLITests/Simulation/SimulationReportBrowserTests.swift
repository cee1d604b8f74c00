import Foundation
@testable import LoyaltyCLI
import LoyaltyEngine
import Testing

/// The `--report` page in a real headless browser: chromium takes a screenshot and dumps the
/// DOM it rendered. A missing chromium FAILS the test (CI installs it); it is not skipped.
@Suite(.serialized) struct SimulationReportBrowserTests {
    static let chromium = "/usr/bin/chromium"

    @Test func reportRendersInHeadlessChromium() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.chromium),
                     "chromium is not installed at \(Self.chromium): install it (apt-get install chromium) to test the HTML report in a real browser")
        let directory = try CLITestSupport.makeTemporaryDirectory("simulate-browser")
        let events = directory.appendingPathComponent("events.jsonl")
        try CLITestSupport.generateStream(["--events", "6000", "--members", "600", "--days", "120", "--seed", "7"], into: events)
        // The proposed program: lower tier thresholds, richer factors, a Chinese reason.
        let proposed = directory.appendingPathComponent("proposed/bench.rules")
        try FileManager.default.createDirectory(at: proposed.deletingLastPathComponent(), withIntermediateDirectories: true)
        let current = try String(contentsOfFile: CLITestSupport.benchRules, encoding: .utf8)
        let changed = current
            .replacingOccurrences(of: #"{"normal": 1, "silver": 1.2, "gold": 1.5, "diamond": 2}"#, with: #"{"normal": 1, "silver": 1.5, "gold": 2, "diamond": 3}"#)
            .replacingOccurrences(of: ">= 1000", with: ">= 800")
            .replacingOccurrences(of: ">= 5000", with: ">= 4000")
            .replacingOccurrences(of: "rule base on purchase\n  award base_points points expiring in lifetime",
                                  with: "rule base on purchase\n  award base_points points expiring in lifetime\n  reason \"基础积分 base points\"")
        #expect(changed != current)
        try changed.write(to: proposed, atomically: true, encoding: .utf8)

        let page = directory.appendingPathComponent("report.html")
        let outcome = CLITestSupport.run(["simulate", "--rules", CLITestSupport.benchRules, "--against", proposed.path,
                                          "--point-value", "0.01", "--report", page.path], input: events)
        #expect(outcome.status == .success, "\(outcome.errors)")
        let summary = outcome.output.split(separator: "\n").first { $0.hasPrefix("points issued") }
            .map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) } ?? []
        #expect(summary.count >= 5, "no 'points issued' line in:\n\(outcome.output)")

        // 1. A screenshot: a real PNG of the window's size, with plenty of drawing in it.
        let screenshot = directory.appendingPathComponent("report.png")
        _ = try runChromium(["--screenshot=\(screenshot.path)", "--window-size=1200,1600", page.absoluteString], in: directory, name: "screenshot")
        print("simulate report screenshot: \(screenshot.path) (page: \(page.path))")
        let png = try [UInt8](Data(contentsOf: screenshot))
        Attachment.record(Data(png), named: "simulate-report.png")
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "not a PNG")
        #expect(png.count > 33 && Array(png[12..<16]) == Array("IHDR".utf8))
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 1200 && height == 1600, "the screenshot is \(width)×\(height)")
        // A blank 1200×1600 page compresses to a few KB; text and charts take far more.
        #expect(png.count > 60_000, "the screenshot is only \(png.count) bytes: is the page blank?")

        // 2. The DOM chromium rendered: the three charts, their pieces and the numbers.
        let dom = try runChromium(["--dump-dom", page.absoluteString], in: directory, name: "dom")
        #expect(dom.components(separatedBy: "<svg").count - 1 == 3, "expected three SVG charts")
        #expect(dom.components(separatedBy: "<polyline").count - 1 == 2, "expected two lines (old, new) in the daily chart")
        #expect(dom.components(separatedBy: "<rect").count - 1 > 10, "expected bars in the bar charts")
        #expect(dom.contains("points issued") && dom.contains("members") && dom.contains("old rules") && dom.contains("new rules"))
        if summary.count >= 5 {
            #expect(dom.contains(summary[2]) && dom.contains(summary[3]), "the DOM lacks the totals \(summary[2]) and \(summary[3])")
        }
        #expect(dom.contains("bench.base") && dom.contains("基础积分"))
        #expect(dom.contains("silver") && dom.contains("diamond"))
    }

    /// Runs chromium headless on a file and returns its standard output; fails after a minute.
    func runChromium(_ arguments: [String], in directory: URL, name: String) throws -> String {
        let output = directory.appendingPathComponent("\(name).out")
        let errors = directory.appendingPathComponent("\(name).err")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.chromium)
        process.arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                             "--hide-scrollbars", "--user-data-dir=\(directory.appendingPathComponent("profile-\(name)").path)"] + arguments
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline { usleep(100_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw SetupError("chromium did not finish within 60 s: \(Self.chromium) \(process.arguments!.joined(separator: " "))")
        }
        let log = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            throw SetupError("chromium failed with status \(process.terminationStatus):\n\(log.suffix(2000))")
        }
        return try String(contentsOf: output, encoding: .utf8)
    }
}

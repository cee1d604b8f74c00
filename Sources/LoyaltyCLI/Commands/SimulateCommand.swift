import Foundation
import LoyaltyEngine
import RuleLanguage

/// `loyalty simulate`: "what will this rule change cost me?" — the same events through the
/// current and the proposed rules, compared (the work is in Simulation/).
struct SimulateCommand: Command {
    static let name = "simulate"
    static let summary = "compare two versions of the rules over the same events: points, value, tiers, benefits"
    static let usage = "loyalty simulate --rules OLD --against NEW [--set PACK.PARAM=VALUE]... [--report FILE] [--point-value YUAN] < events.jsonl"
    static let maximumPositionals = 0
    static let options = [
        OptionSpec("--rules", value: "OLD", repeatable: true, help: "the current rules: a pack file or a directory of .rules files (default: rules/)"),
        OptionSpec("--against", value: "NEW", repeatable: true, help: "the proposed rules (default: the same as --rules, changed by --set)"),
        OptionSpec("--set", value: "PACK.PARAM=VALUE", repeatable: true, help: "override a param of the proposed rules; VALUE is an expression"),
        OptionSpec("--report", value: "FILE", help: "also write an HTML page with charts (self-contained, opens in any browser)"),
        OptionSpec("--point-value", value: "YUAN", help: "what one point is worth, for every pack (default: each pack's point_value param)"),
    ] + InputLimitOptions.specs
    static let examples = [
        "loyalty simulate --rules rules/bench.rules --against proposed/bench.rules < events.jsonl",
        "loyalty simulate --rules rules/supermarket.rules --set supermarket.member_day_multiplier=3 --point-value 0.01 < events.jsonl",
        "loyalty simulate --rules rules/ --against proposed/ --report impact.html < events.jsonl",
    ]

    var old: [String]
    var new: [String]
    var overrides: [String: String]
    var overrideTexts: [String]
    var report: String?
    var pointValue: ExactDecimal?
    var limits = JSONLimits.default
    var maximumClockJumpDays: Int?

    init(_ arguments: ParsedArguments) throws(UsageError) {
        old = arguments.all("--rules").isEmpty ? ["rules"] : arguments.all("--rules")
        overrideTexts = arguments.all("--set")
        overrides = try Overrides.parse(overrideTexts)
        if arguments.all("--against").isEmpty {
            guard !overrides.isEmpty else {
                throw UsageError("nothing to compare: give the proposed rules with --against NEW, or change a param with --set PACK.PARAM=VALUE")
            }
            new = old
        } else {
            new = arguments.all("--against")
        }
        report = arguments.value("--report")
        if let text = arguments.value("--point-value") {
            guard let value = ExactDecimal(text), !value.isNegative else {
                throw UsageError("--point-value needs an amount in yuan, like 0.01, not '\(text)'")
            }
            pointValue = value
        }
        let inputLimits = try InputLimitOptions(arguments)
        limits = inputLimits.json
        maximumClockJumpDays = inputLimits.maximumClockJumpDays
    }

    func run(_ streams: StandardStreams) -> ExitStatus {
        guard let oldEngine = load(old, overrides: [:], side: "current rules (--rules)", streams),
              let newEngine = load(new, overrides: overrides, side: "proposed rules (--against)", streams) else { return .failure }
        let simulation = Simulation(old: oldEngine, new: newEngine)
        let started = ProcessInfo.processInfo.systemUptime
        var progress: ((Int) -> Void)?
        if streams.errorsIsTerminal {
            progress = { lines in
                let seconds = ProcessInfo.processInfo.systemUptime - started
                let rate = seconds > 0 ? Int64(Double(lines) / seconds) : 0
                streams.errors.appendRaw("\r\u{1B}[2Ksimulating: \(ReportFormat.grouped(lines)) events, \(ReportFormat.grouped(rate)) events/s")
                streams.errors.flush()
            }
        }
        simulation.run(input: streams.input, limits: limits, progress: progress)
        if streams.errorsIsTerminal {
            streams.errors.appendRaw("\r\u{1B}[2K")
            streams.errors.flush()
        }
        let result = simulation.report(pointValue: pointValue, sources: OldNew(
            old: .init(rules: old), new: .init(rules: new, overrides: overrideTexts)))
        streams.output.appendRaw(result.text)
        var status = ExitStatus.success
        if let report {
            do {
                try result.html.write(toFile: report, atomically: true, encoding: .utf8)
                streams.printError("report written to \(report)")
            } catch {
                streams.printError("error: cannot write the report to '\(report)': \(error.localizedDescription)")
                status = .failure
            }
        }
        // About to exit: freeing two engines' members one by one would only cost time.
        _ = Unmanaged.passRetained(oldEngine)
        _ = Unmanaged.passRetained(newEngine)
        return status
    }

    private func load(_ paths: [String], overrides: [String: String], side: String, _ streams: StandardStreams) -> Engine? {
        let options = Engine.Options(maximumClockJumpDays: maximumClockJumpDays)
        let (engine, load) = Engine.load(rules: paths, overrides: overrides, options: options)
        if let engine { return engine }
        for error in load.errors { streams.printError(error.hasPrefix("error:") ? error : "error: \(error)") }
        streams.printError(DiagnosticReport(load.diagnostics, usesColor: streams.errorsIsTerminal, limit: CheckCommand.displayLimit).text)
        streams.printError("nothing was simulated: the \(side) have \(CheckCommand.count(load.diagnostics.errorCount + load.errors.count, "error"))")
        return nil
    }
}

import Foundation
import LoyaltyEngine
import RuleLanguage

/// `loyalty run`: events on stdin → decisions on stdout, errors and a summary on stderr.
struct RunCommand: Command {
    static let name = "run"
    static let summary = "apply rule packs to a stream of events (stdin → stdout)"
    static let usage = "loyalty run [--rules PATH]... [--state FILE [--checkpoint N]] [--set PACK.PARAM=VALUE]... [--rejects FILE] [--explain]"
    static let maximumPositionals = 0
    static let options = [
        OptionSpec("--rules", value: "PATH", repeatable: true, help: "a pack file or a directory of .rules files (default: rules/)"),
        OptionSpec("--set", value: "PACK.PARAM=VALUE", repeatable: true, help: "override a param without editing the pack; VALUE is an expression"),
        OptionSpec("--rejects", value: "FILE", help: "keep every rejected line, verbatim, in FILE"),
        OptionSpec("--explain", help: "add each decision's rule location and the values behind it"),
        OptionSpec("--stamp", help: "add the version (content hash) of the deciding pack to each decision"),
        OptionSpec("--watch", help: "reload the packs when their files change (between two events); a pack that fails to check is not loaded"),
    ] + InputLimitOptions.specs + RunStatePersistence.options + RunPartitioning.options
    static let examples = [
        "loyalty run --rules rules/bench.rules < events.jsonl > decisions.jsonl",
        "loyalty run --rules rules/ --rejects rejected.jsonl --explain < events.jsonl",
        "loyalty run --rules rules/supermarket.rules --set supermarket.member_day_multiplier=3 < events.jsonl",
    ]

    var rules: [String]
    var overrides: [String: String]
    var rejects: String?
    var options: Engine.Options
    var limits = JSONLimits.default
    var watches = false
    /// `--state FILE [--checkpoint N]` (RunCommand+State.swift).
    var state: RunStatePersistence?
    /// `--partition K/N` and its forwarded effects (RunCommand+Partition.swift).
    var partitioning: RunPartitioning?

    init(_ arguments: ParsedArguments) throws(UsageError) {
        rules = arguments.all("--rules").isEmpty ? ["rules"] : arguments.all("--rules")
        overrides = try Overrides.parse(arguments.all("--set"))
        rejects = arguments.value("--rejects")
        options = Engine.Options(explain: arguments.has("--explain"), stamp: arguments.has("--stamp"))
        let inputLimits = try InputLimitOptions(arguments)
        limits = inputLimits.json
        options.maximumClockJumpDays = inputLimits.maximumClockJumpDays
        watches = arguments.has("--watch")
        state = try RunStatePersistence(arguments)
        partitioning = try RunPartitioning(arguments)
        options.partition = partitioning?.partition
    }

    func run(_ streams: StandardStreams) -> ExitStatus {
        let started = Date()
        // The watcher's fingerprints are taken before the packs are read, so an edit saved
        // while they load is seen as a change, not mistaken for the loaded version.
        let reload = LiveReload(rules: rules, overrides: overrides, options: options, errors: streams.errors, usesColor: streams.errorsIsTerminal)
        let (loaded, load) = Engine.load(rules: rules, overrides: overrides, options: options)
        guard let engine = loaded else {
            for error in load.errors { streams.printError(error.hasPrefix("error:") ? error : "error: \(error)") }
            streams.printError(DiagnosticReport(load.diagnostics, usesColor: streams.errorsIsTerminal, limit: CheckCommand.displayLimit).text)
            streams.printError("no events were processed: the rules have \(CheckCommand.count(load.diagnostics.errorCount + load.errors.count, "error"))")
            return .failure
        }
        if let state, !state.restore(into: engine, streams: streams) { return .failure }
        var rejectsBuffer: OutputBuffer?
        if let rejects {
            let descriptor = open(rejects, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard descriptor >= 0 else {
                streams.printError("error: cannot open '\(rejects)' for the rejected lines: \(String(cString: strerror(errno)))")
                return .failure
            }
            rejectsBuffer = OutputBuffer(fileDescriptor: descriptor)
        }
        let processor = StreamProcessor(engine: engine, output: streams.output, errors: streams.errors, rejects: rejectsBuffer, limits: limits)
        state?.attach(to: processor, output: streams.output, rejects: rejectsBuffer, errors: streams.errors)
        processor.isReplayingStatePrefix = state?.didLoad ?? false
        if let partitioning, let problem = partitioning.attach(to: processor, resuming: state?.didLoad ?? false) {
            streams.printError("error: \(problem)")
            return .failure
        }
        let progress = streams.errorsIsTerminal ? ProgressLine(errors: streams.errors) : nil
        if let progress {
            processor.onProgress = { [unowned processor] _ in progress.update(processor.engine.statistics, members: processor.engine.memberCount) }
        }
        // Live reload: SIGHUP always, file changes with --watch; checked between events.
        LiveReload.installHangupHandler()
        if watches {
            streams.printError("{\"watching\":[" + LiveReload.versions(engine).joined(separator: ",") + "]}")
            reload.watch()
        }
        processor.reloadCheck = { [unowned processor] in reload.check(processor.engine) }
        let stop = GracefulStop(processor)
        let lastLine = processor.run(input: streams.input)
        stop.uninstall()
        reload.stop()
        progress?.finish()
        if let signal = stop.signalName {
            streams.printError("{\"stopped\":{\"signal\":\"\(signal)\",\"after_line\":\(lastLine)}}")
        }
        let finalEngine = processor.engine
        let saved = state?.finish(finalEngine, output: streams.output, rejects: rejectsBuffer, errors: streams.errors) ?? true
        if let rejectsBuffer {
            rejectsBuffer.flush()
            close(rejectsBuffer.fileDescriptor)
        }
        streams.printError(RunSummary(statistics: finalEngine.statistics, members: finalEngine.memberCount, seconds: Date().timeIntervalSince(started)).json)
        // The process is about to exit: freeing a hundred thousand members one by one would
        // only cost time, so the engine is deliberately kept alive.
        _ = Unmanaged.passRetained(finalEngine)
        return saved ? .success : .failure
    }
}

/// The final summary line on stderr.
struct RunSummary {
    var statistics: RunStatistics
    var members: Int
    var seconds: Double

    var json: String {
        let rejected = InputError.Code.allCases.compactMap { code in statistics.rejected[code].map { "\"\(code.rawValue)\":\($0)" } }
        let decisions = Decision.Kind.allCases.compactMap { kind in statistics.decisions[kind].map { "\"\(kind.rawValue)\":\($0)" } }
        let rate = seconds > 0 ? Int(Double(statistics.eventsRead) / seconds) : 0
        return "{\"summary\":{\"events\":\(statistics.eventsRead),\"applied\":\(statistics.eventsApplied),"
            + "\"duplicates\":\(statistics.duplicates - statistics.replayed),\"replayed\":\(statistics.replayed),"
            + "\"other_partition\":\(statistics.otherPartition),\"rejected\":\(statistics.rejectedTotal),"
            + "\"rejected_by_code\":{\(rejected.joined(separator: ","))},\"decisions\":{\(decisions.joined(separator: ","))},"
            + "\"members\":\(members),\"seconds\":\(String(format: "%.3f", seconds)),\"events_per_second\":\(rate)}}"
    }
}

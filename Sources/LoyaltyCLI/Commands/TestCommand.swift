import LoyaltyEngine

/// `loyalty test`: golden regression tests over sample directories.
struct TestCommand: Command {
    static let name = "test"
    static let summary = "run sample streams and compare their decisions with the expected ones"
    static let usage = "loyalty test [DIR]... [--update]"
    static let maximumPositionals = Int.max
    static let arguments = [
        OptionSpec("DIR", help: "a sample directory (holding events.jsonl), or a directory of them (default: samples/)"),
    ]
    static let argumentCompletion = CompletionScript.Candidates.directories
    static let options = [
        OptionSpec("--update", help: "rewrite each sample's expected files from what the rules decide now (read them before committing!)"),
    ]
    static let examples = [
        "loyalty test",
        "loyalty test samples/supermarket",
        "loyalty test samples/growth/quarterly-review --update",
    ]

    var paths: [String]
    var update: Bool

    init(_ arguments: ParsedArguments) throws(UsageError) {
        paths = arguments.positionals.isEmpty ? ["samples"] : arguments.positionals
        update = arguments.has("--update")
    }

    func run(_ streams: StandardStreams) -> ExitStatus {
        let (samples, missing) = SampleDirectory.find(under: paths)
        for path in missing { streams.printError("error: \(path): no such directory") }
        if samples.isEmpty {
            streams.printError("error: no sample directories (holding events.jsonl) under \(paths.joined(separator: ", "))")
            return .failure
        }
        var passed = 0
        var failed = 0
        var updated = 0
        for (position, sample) in samples.enumerated() {
            if streams.errorsIsTerminal {
                streams.errors.appendRaw("\r\u{1B}[2K[\(position + 1)/\(samples.count)] \(sample.path)")
                streams.errors.flush()
            }
            let outcome = GoldenRunner.run(sample)
            if streams.errorsIsTerminal { streams.errors.appendRaw("\r\u{1B}[2K") }
            if outcome.passed {
                streams.print("pass \(sample.path)")
                passed += 1
            } else if update {
                do {
                    try GoldenRunner.record(outcome)
                    streams.print("updated \(sample.path) (read the new expected.jsonl before committing it)")
                    updated += 1
                } catch {
                    streams.print("FAIL \(sample.path)\n  cannot write the expected files: \(error)")
                    failed += 1
                }
            } else {
                streams.print("FAIL \(sample.path)\n\(outcome.report)")
                failed += 1
            }
        }
        if updated > 0 { streams.print("\(updated) updated") }
        streams.print("\(passed) passed, \(failed) failed")
        return failed == 0 && missing.isEmpty ? .success : .failure
    }
}

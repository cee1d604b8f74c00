import Foundation
import LoyaltyEngine
import RuleLanguage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs one sample directory through the engine in-process and compares the decisions
/// (and, when the sample has them, the error lines) with the expected files.
struct GoldenRunner {
    struct Outcome {
        var sample: SampleDirectory
        var passed: Bool
        /// Why it failed: a diff or a load error.
        var report: String
        var actual: [String]
        var actualErrors: [String]
    }

    /// The rules a sample runs with when its `args` names none: `rules/<program>.rules`
    /// for `samples/<program>/<scenario>/`, else `rules/`.
    static func defaultRules(for sample: SampleDirectory) -> [String] {
        let program = URL(fileURLWithPath: sample.path).deletingLastPathComponent().lastPathComponent
        let candidate = "rules/\(program).rules"
        return FileManager.default.fileExists(atPath: candidate) ? [candidate] : ["rules"]
    }

    static func run(_ sample: SampleDirectory) -> Outcome {
        func failure(_ report: String) -> Outcome {
            Outcome(sample: sample, passed: false, report: report, actual: [], actualErrors: [])
        }
        let parsed: ParsedArguments
        do {
            parsed = try ArgumentScanner.scan(try sample.arguments(), options: RunCommand.options, maximumPositionals: 0)
        } catch let error as UsageError {
            return failure("  the args file is wrong: \(error.message)")
        } catch {
            return failure("  the args file cannot be read: \(error)")
        }
        let rules = parsed.all("--rules").isEmpty ? defaultRules(for: sample) : parsed.all("--rules")
        let overrides: [String: String]
        do { overrides = try Overrides.parse(parsed.all("--set")) } catch { return failure("  \(error.message)") }
        var options = Engine.Options(explain: parsed.has("--explain"), stamp: parsed.has("--stamp"))
        let inputLimits: InputLimitOptions
        do { inputLimits = try InputLimitOptions(parsed) } catch { return failure("  \(error.message)") }
        options.maximumClockJumpDays = inputLimits.maximumClockJumpDays
        let (loaded, load) = Engine.load(rules: rules, overrides: overrides, options: options)
        guard let engine = loaded else {
            let report = DiagnosticReport(load.diagnostics, usesColor: false, limit: 10).text
            return failure("  the rules do not load:\n" + (load.errors + [report]).joined(separator: "\n"))
        }
        let descriptor = open(sample.events, O_RDONLY)
        guard descriptor >= 0 else { return failure("  cannot read \(sample.events)") }
        defer { close(descriptor) }
        let output = OutputBuffer(fileDescriptor: -1)
        let errors = OutputBuffer(fileDescriptor: -1)
        StreamProcessor(engine: engine, output: output, errors: errors, rejects: nil, limits: inputLimits.json).run(input: descriptor)
        let actual = lines(output.bytes)
        let actualErrors = lines(errors.bytes)
        let expected = (try? String(contentsOfFile: sample.expected, encoding: .utf8)).map { lines(Array($0.utf8)) }
        let expectedErrors = (try? String(contentsOfFile: sample.expectedErrors, encoding: .utf8)).map { lines(Array($0.utf8)) }
        var report: [String] = []
        if let expected {
            if expected != actual {
                report.append("  decisions differ (- expected, + actual):\n" + LineDiff.render(expected: expected, actual: actual))
            }
        } else {
            report.append("  \(sample.expected) is missing (run 'loyalty test --update' to record it, then read it)")
        }
        if let expectedErrors, expectedErrors != actualErrors {
            report.append("  error lines differ (- expected, + actual):\n" + LineDiff.render(expected: expectedErrors, actual: actualErrors))
        } else if expectedErrors == nil, !actualErrors.isEmpty {
            report.append("  unexpected error lines (add expected-stderr.jsonl if they are intended):\n"
                          + actualErrors.prefix(10).map { "  + " + $0 }.joined(separator: "\n"))
        }
        return Outcome(sample: sample, passed: report.isEmpty, report: report.joined(separator: "\n"), actual: actual, actualErrors: actualErrors)
    }

    /// Rewrites the expected files from an outcome (`--update`).
    static func record(_ outcome: Outcome) throws {
        try text(outcome.actual).write(toFile: outcome.sample.expected, atomically: true, encoding: .utf8)
        if !outcome.actualErrors.isEmpty || FileManager.default.fileExists(atPath: outcome.sample.expectedErrors) {
            try text(outcome.actualErrors).write(toFile: outcome.sample.expectedErrors, atomically: true, encoding: .utf8)
        }
    }

    private static func text(_ lines: [String]) -> String {
        lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    private static func lines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }
}

import Foundation
import LoyaltyEngine
import RuleLanguage

/// `loyalty fmt`: rewrites pack files in the canonical layout of `PackFormatter`, or with
/// `--check` only names the files that are not in it (for CI).
struct FormatCommand: Command {
    static let name = "fmt"
    static let summary = "format rule packs in the one canonical layout"
    static let usage = "loyalty fmt [PATH]... [--check]"
    static let maximumPositionals = Int.max
    static let arguments = [
        OptionSpec("PATH", help: "a pack file or a directory of .rules files (default: rules/)"),
    ]
    static let argumentCompletion = CompletionScript.Candidates.packFiles
    static let options = [
        OptionSpec("--check", help: "change nothing: list the files that would change, with a short diff, and exit 1 if any"),
    ]
    static let examples = [
        "loyalty fmt",
        "loyalty fmt rules/supermarket.rules rules/growth.rules",
        "loyalty fmt --check rules/",
    ]

    /// At most this many changed stretches of each file are shown by `--check`.
    static let diffLimit = 3

    var paths: [String]
    var check: Bool

    init(_ arguments: ParsedArguments) throws(UsageError) {
        paths = arguments.positionals.isEmpty ? ["rules"] : arguments.positionals
        check = arguments.has("--check")
    }

    func run(_ streams: StandardStreams) -> ExitStatus {
        let (files, pathErrors) = PackLoader.files(in: paths)
        for error in pathErrors { streams.printError("error: \(error)") }
        var failures = pathErrors.count
        var changed = 0
        for path in files {
            guard let original = Self.read(path, streams) else {
                failures += 1
                continue
            }
            switch PackFormatter.format(SourceFile(name: path, text: original)) {
            case .failure(.syntaxErrors(let diagnostics)):
                streams.printError(DiagnosticReport(diagnostics, usesColor: streams.errorsIsTerminal, limit: CheckCommand.displayLimit).text)
                streams.printError("error: \(path) was not formatted: it has \(CheckCommand.count(diagnostics.errorCount, "syntax error"))")
                failures += 1
            case .failure(.meaningChanged(let detail)):
                streams.printError("error: \(path) was not formatted: the result would not read the same (\(detail)); this is a bug in 'loyalty fmt'")
                failures += 1
            case .success(let formatted) where formatted.utf8.elementsEqual(original.utf8):
                continue
            case .success(let formatted):
                if check {
                    streams.print("would reformat \(path)")
                    streams.print(Self.diff(Self.lines(original), Self.lines(formatted), limit: Self.diffLimit))
                } else if Self.write(formatted, to: path, streams) {
                    streams.print("formatted \(path)")
                } else {
                    failures += 1
                    continue
                }
                changed += 1
            }
        }
        let noun = files.count == 1 ? "file" : "files"
        let verb = check ? "would be reformatted" : "reformatted"
        streams.printError("\(files.count) \(noun) checked: \(changed) \(verb)" + (failures > 0 ? ", \(CheckCommand.count(failures, "error"))" : ""))
        return failures > 0 || (check && changed > 0) ? .failure : .success
    }

    private static func read(_ path: String, _ streams: StandardStreams) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else {
            streams.printError("error: \(path): cannot be read")
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            streams.printError("error: \(path): is not UTF-8 text")
            return nil
        }
        return text
    }

    /// Replaces the file in one rename, so a crash never leaves half a pack; keeps its permissions.
    private static func write(_ text: String, to path: String, _ streams: StandardStreams) -> Bool {
        let url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        let permissions = try? FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions]
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
            if let permissions { try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: url.path) }
            return true
        } catch {
            streams.printError("error: \(path): cannot be rewritten: \(error.localizedDescription)")
            return false
        }
    }

    /// The first `limit` changed stretches, each under the number of its first line: the
    /// lines as they are (`-`), then as they would be (`+`).
    static func diff(_ old: [String], _ new: [String], limit: Int) -> String {
        let edits = LineDiff.edits(expected: old, actual: new)
        var output: [String] = []
        var stretches = 0
        var line = 1
        var index = 0
        while index < edits.count {
            if case .same = edits[index] {
                line += 1
                index += 1
                continue
            }
            var removed: [String] = []
            var added: [String] = []
            let start = line
            while index < edits.count {
                if case .removed(let text) = edits[index] {
                    removed.append(text)
                    line += 1
                } else if case .added(let text) = edits[index] {
                    added.append(text)
                } else {
                    break
                }
                index += 1
            }
            stretches += 1
            if stretches <= limit {
                output.append("  line \(start):")
                output += removed.map { "  - " + $0 } + added.map { "  + " + $0 }
            }
        }
        if stretches > limit {
            output.append("  … and \(stretches - limit) more changed \(stretches - limit == 1 ? "stretch" : "stretches")")
        }
        return output.joined(separator: "\n")
    }

    private static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}

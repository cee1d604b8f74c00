import Foundation
@testable import LoyaltyCLI
import Testing

/// `loyalty completions bash|zsh`: the scripts parse, and name every command and option.
@Suite struct CompletionsCommandTests {
    /// Runs `SHELL -n` over a script: a syntax check that executes nothing.
    static func syntaxCheck(_ script: String, shell: String) throws -> (status: Int32, errors: String) {
        guard let executable = ["/bin/\(shell)", "/usr/bin/\(shell)"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw SetupError("\(shell) is not installed, so its completion script cannot be checked (apt-get install \(shell))")
        }
        let directory = try CLITestSupport.makeTemporaryDirectory("completions")
        let file = directory.appendingPathComponent("loyalty.\(shell)")
        try script.write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-n", file.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }

    @Test(arguments: ["bash", "zsh"])
    func scriptsAreValidShell(shell: String) throws {
        let outcome = CLITestSupport.run(["completions", shell])
        #expect(outcome.status == .success)
        let check = try Self.syntaxCheck(outcome.output, shell: shell)
        #expect(check.status == 0, "\(shell) -n: \(check.errors)")
    }

    @Test(arguments: ["bash", "zsh"])
    func scriptsNameEveryCommandAndOption(shell: String) {
        let script = CLITestSupport.run(["completions", shell]).output
        for command in LoyaltyCLI.commands {
            #expect(script.contains(command.name), "\(command.name)")
            for option in command.options {
                #expect(script.contains(option.name), "\(command.name) \(option.name)")
            }
        }
        #expect(script.contains("*.rules"))
        #expect(script.contains("unknown-field"), "explain completes its codes")
    }

    @Test func optionValuesCompleteByKind() {
        #expect(CompletionScript.candidates(for: OptionSpec("--rules", value: "PATH", help: "")) == .packFiles)
        #expect(CompletionScript.candidates(for: OptionSpec("--state", value: "FILE", help: "")) == .files)
        #expect(CompletionScript.candidates(for: OptionSpec("--report", value: "FILE", help: "")) == .files)
        #expect(CompletionScript.candidates(for: OptionSpec("--rejects", value: "FILE", help: "")) == .files)
        #expect(CompletionScript.candidates(for: OptionSpec("--format", value: "json|tagged", help: "")) == .words(["json", "tagged"]))
        #expect(CompletionScript.candidates(for: OptionSpec("--member", value: "ID", help: "")) == .nothing)
    }

    /// Bash really completes: a pack file after --rules, a command's options after '-'.
    @Test func bashCompletesWords() throws {
        let directory = try CLITestSupport.makeTemporaryDirectory("completions-bash")
        try "pack p\n".write(to: directory.appendingPathComponent("a.rules"), atomically: true, encoding: .utf8)
        try "".write(to: directory.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let scriptFile = directory.appendingPathComponent("loyalty.bash")
        try CLITestSupport.run(["completions", "bash"]).output.write(to: scriptFile, atomically: true, encoding: .utf8)
        func complete(_ words: [String]) throws -> [String] {
            let quoted = words.map { "'\($0)'" }.joined(separator: " ")
            let probe = "source '\(scriptFile.path)'; cd '\(directory.path)'; COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); _loyalty; printf '%s\\n' \"${COMPREPLY[@]}\""
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", probe]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            process.waitUntilExit()
            return String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n").map(String.init).sorted()
        }
        #expect(try complete(["loyalty", "ch"]) == ["check"])
        #expect(try complete(["loyalty", "run", "--rules", ""]) == ["a.rules"])
        #expect(try complete(["loyalty", "fmt", "--c"]) == ["--check"])
        #expect(try complete(["loyalty", "explain", "bad-t"]) == ["bad-timestamp"])
    }

    @Test func unknownShellsAreUsageErrors() {
        let outcome = CLITestSupport.run(["completions", "fish"])
        #expect(outcome.status == .usage)
        #expect(outcome.errors.contains("no completions for 'fish'; choose bash or zsh"))
    }
}

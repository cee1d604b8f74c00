import Foundation

/// A golden sample: `events.jsonl`, `expected.jsonl`, an optional `args` file (extra flags
/// for `run`, e.g. `--rules rules/bench.rules --set bench.factor=…`) and an optional
/// `expected-stderr.jsonl` (the error lines, for samples about bad input).
struct SampleDirectory {
    let path: String

    var events: String { path + "/events.jsonl" }
    var expected: String { path + "/expected.jsonl" }
    var expectedErrors: String { path + "/expected-stderr.jsonl" }
    var argsFile: String { path + "/args" }

    /// The extra arguments, split on whitespace; quotes group words (`--set a.b='{"x": 1}'`).
    func arguments() throws -> [String] {
        guard FileManager.default.fileExists(atPath: argsFile) else { return [] }
        let text = try String(contentsOfFile: argsFile, encoding: .utf8)
        return Self.split(text.split(separator: "\n").filter { !$0.hasPrefix("#") }.joined(separator: " "))
    }

    /// Splits like a shell for the simple cases: whitespace separates, '…' and "…" group.
    static func split(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var hasWord = false
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                hasWord = true
            } else if character.isWhitespace {
                if hasWord { words.append(current) }
                current = ""
                hasWord = false
            } else {
                current.append(character)
                hasWord = true
            }
        }
        if hasWord { words.append(current) }
        return words
    }

    /// Every sample directory (one holding `events.jsonl`) under the given paths, sorted.
    static func find(under paths: [String]) -> (samples: [SampleDirectory], missing: [String]) {
        var found: [SampleDirectory] = []
        var missing: [String] = []
        let manager = FileManager.default
        for root in paths {
            let trimmed = root.hasSuffix("/") ? String(root.dropLast()) : root
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: trimmed, isDirectory: &isDirectory), isDirectory.boolValue else {
                missing.append(root)
                continue
            }
            if manager.fileExists(atPath: trimmed + "/events.jsonl") { found.append(SampleDirectory(path: trimmed)) }
            let children = (try? manager.subpathsOfDirectory(atPath: trimmed)) ?? []
            for child in children where child.hasSuffix("/events.jsonl") {
                found.append(SampleDirectory(path: trimmed + "/" + String(child.dropLast("/events.jsonl".count))))
            }
        }
        var seen = Set<String>()
        return (found.filter { seen.insert($0.path).inserted }.sorted { $0.path < $1.path }, missing)
    }
}

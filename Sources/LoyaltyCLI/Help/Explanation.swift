/// One entry of `loyalty explain`: what a diagnostic id or an input error code means, how to
/// fix it, and a small example. The entries themselves are in `Explanations.swift`.
struct Explanation: Sendable {
    /// Where a code shows up.
    enum Origin: Sendable {
        /// A message of `loyalty check` about a pack (also printed by run, test and simulate
        /// when the packs do not load); the code is the message's `DiagnosticMessage.id`.
        case rules
        /// The `code` of a rejected input line in the stderr of `loyalty run` (`InputError.Code`).
        case input
    }

    var code: String
    var origin: Origin
    /// One line, for the list that `loyalty explain` prints.
    var summary: String
    var meaning: String
    var fix: String
    /// Lines, usually a `bad:` and a `good:` one.
    var example: [String]

    static func rules(_ code: String, _ summary: String, meaning: String, fix: String, example: [String]) -> Explanation {
        Explanation(code: code, origin: .rules, summary: summary, meaning: meaning, fix: fix, example: example)
    }

    static func input(_ code: String, _ summary: String, meaning: String, fix: String, example: [String]) -> Explanation {
        Explanation(code: code, origin: .input, summary: summary, meaning: meaning, fix: fix, example: example)
    }

    /// The full text of `loyalty explain CODE`, wrapped for an 80-column terminal.
    var text: String {
        let source = switch origin {
        case .rules: "a message of 'loyalty check' about a rule pack"
        case .input: "the code of a rejected input line, on the stderr of 'loyalty run'"
        }
        var text = "\(code): \(summary)\n(\(source))\n\n"
        text += Self.wrap(meaning, indent: "") + "\n\n"
        text += "How to fix it:\n" + Self.wrap(fix, indent: "  ") + "\n\n"
        text += "Example:\n" + example.map { "  " + $0 }.joined(separator: "\n") + "\n"
        return text
    }

    /// Words wrapped before column 80.
    static func wrap(_ text: String, indent: String, width: Int = 80) -> String {
        var lines: [String] = []
        var line = indent
        for word in text.split(separator: " ") {
            if line.count > indent.count, line.count + 1 + word.count > width {
                lines.append(line)
                line = indent
            }
            line += (line.count > indent.count ? " " : "") + word
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }
}

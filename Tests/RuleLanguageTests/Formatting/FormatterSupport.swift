import Foundation
@testable import RuleLanguage

/// Formatting a text, and the things formatting must keep: tokens, the parsed pack, comments.
enum FormatterSupport {
    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    static func format(_ text: String, name: String = "<test>") throws -> String {
        switch PackFormatter.format(SourceFile(name: name, text: text)) {
        case .success(let formatted):
            return formatted
        case .failure(.syntaxErrors(let diagnostics)):
            throw Failed(description: "syntax errors: " + diagnostics.sorted.map { "\($0.location): \($0.message.text)" }.joined(separator: "; "))
        case .failure(.meaningChanged(let detail)):
            throw Failed(description: "meaning changed: \(detail)")
        }
    }

    /// Every token's kind and text, ignoring whitespace and comments.
    static func tokens(_ text: String) -> [String] {
        let file = SourceFile(name: "<test>", text: text)
        return Lexer.tokenize(file, mode: .pack).tokens.map { "\($0.kind):\(file.text(in: $0.range))" }
    }

    /// Every comment's text, in order.
    static func comments(_ text: String) -> [String] {
        let file = SourceFile(name: "<test>", text: text)
        return LineScanner.comments(in: LineScanner.lines(of: file, tokens: Lexer.tokenize(file, mode: .pack).tokens))
    }

    /// The parsed pack with every source position left out, so two layouts of the same pack compare equal.
    static func parsedShape(_ text: String) -> String {
        let (pack, diagnostics) = Parser.parsePack(SourceFile(name: "<test>", text: text))
        return shape(pack) + " errors: \(diagnostics.errorCount)"
    }

    private static func shape(_ value: Any) -> String {
        if value is SourceRange || value is SourceFile { return "_" }
        let mirror = Mirror(reflecting: value)
        guard !mirror.children.isEmpty else { return String(describing: value) }
        let children = mirror.children.map { "\($0.label ?? ""):\(shape($0.value))" }
        return "\(mirror.subjectType)(\(children.joined(separator: ",")))"
    }

    /// The repository's shipped packs, `rules/*.rules`.
    static func repositoryPacks() throws -> [URL] {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { break }
        }
        let rules = url.appendingPathComponent("rules")
        return try FileManager.default.contentsOfDirectory(at: rules, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "rules" }
            .sorted { $0.path < $1.path }
    }
}

/// A small seeded generator (SplitMix64), so a failing shuffle can be repeated.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed &+ 0x9E37_79B9_7F4A_7C15
    }

    /// A number in `0..<bound`.
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}

@testable import LoyaltyEngine
import RuleLanguage

/// Runs events (JSON lines written in the test) through packs compiled from text, in
/// process, and returns the decision lines and error lines.
struct EngineHarness {
    let engine: Engine
    let output = OutputBuffer(fileDescriptor: -1)
    let errors = OutputBuffer(fileDescriptor: -1)
    let processor: StreamProcessor
    private var lineNumber = 0

    init(_ packs: String..., overrides: [String: String] = [:]) throws {
        let sources = packs.enumerated().map { SourceFile(name: "pack\($0.offset).rules", text: $0.element) }
        let (engine, load) = Engine.compile(sources, overrides: overrides)
        guard let engine else {
            let renderer = DiagnosticRenderer()
            throw HarnessError(message: load.diagnostics.sorted.map { renderer.render($0) }.joined() + load.errors.joined(separator: "\n"))
        }
        self.engine = engine
        processor = StreamProcessor(engine: engine, output: output, errors: errors, rejects: nil)
    }

    /// Feeds lines and returns the decision lines they produced.
    @discardableResult
    mutating func feed(_ lines: String...) -> [String] {
        output.removeAll()
        for line in lines {
            lineNumber += 1
            Array(line.utf8).withUnsafeBufferPointer { processor.process($0, lineNumber: lineNumber) }
        }
        return Self.lines(output.bytes)
    }

    /// Error lines so far.
    var errorLines: [String] { Self.lines(errors.bytes) }

    static func lines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// A decision line's field, for assertions that read like the spec.
func field(_ line: String, _ name: String) -> String? {
    guard let range = line.range(of: "\"\(name)\":") else { return nil }
    var rest = line[range.upperBound...]
    if rest.first == "\"" {
        rest = rest.dropFirst()
        return String(rest.prefix { $0 != "\"" })
    }
    return String(rest.prefix { $0 != "," && $0 != "}" })
}

/// Collects diagnostics from every stage so all problems are reported, not only the first.
/// Passed in and returned by value — no global "had error" flag.
public struct DiagnosticBag: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
    public var isEmpty: Bool { diagnostics.isEmpty }

    public mutating func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    public mutating func append(contentsOf other: DiagnosticBag) {
        diagnostics.append(contentsOf: other.diagnostics)
    }

    public mutating func error(_ message: DiagnosticMessage, in file: SourceFile, at range: SourceRange, help: String? = nil) {
        append(Diagnostic(.error, message, in: file, at: range, help: help))
    }

    public mutating func warning(_ message: DiagnosticMessage, in file: SourceFile, at range: SourceRange, help: String? = nil) {
        append(Diagnostic(.warning, message, in: file, at: range, help: help))
    }

    /// Sorted by file, then position, then severity; exact duplicates removed.
    public var sorted: [Diagnostic] {
        var seen = Set<String>()
        return diagnostics.sorted { a, b in
            if a.file.name != b.file.name { return a.file.name < b.file.name }
            if a.range.start != b.range.start { return a.range.start < b.range.start }
            return a.severity < b.severity
        }.filter { d in
            seen.insert("\(d.file.name):\(d.range.start):\(d.range.end):\(d.message.text)").inserted
        }
    }
}

/// One problem found in rule text: what (a catalogue message), where (a range in a
/// file) and how to fix it (an optional help line). Rendered by `DiagnosticRenderer`.
public struct Diagnostic: Sendable, Equatable {
    public var severity: Severity
    public var message: DiagnosticMessage
    public var file: SourceFile
    public var range: SourceRange
    /// A suggestion such as "did you mean 'category'?".
    public var help: String?

    public init(_ severity: Severity, _ message: DiagnosticMessage, in file: SourceFile, at range: SourceRange, help: String? = nil) {
        self.severity = severity
        self.message = message
        self.file = file
        self.range = range
        self.help = help ?? message.help
    }

    /// The 1-based line and column of the start of the range.
    public var location: SourceLocation { file.location(of: Int(range.start)) }

    public static func == (a: Diagnostic, b: Diagnostic) -> Bool {
        a.severity == b.severity && a.message == b.message && a.file === b.file
            && a.range == b.range && a.help == b.help
    }
}

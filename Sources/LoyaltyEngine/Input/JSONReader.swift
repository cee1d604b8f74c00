import RuleLanguage

/// Reads one JSON document — a line of the event stream — into a `Value`.
///
/// Hand-written over bytes because the stream runs at a million lines a second: Foundation's
/// parsers are several times too slow, and they read numbers through `Double`, where money
/// must keep its exact digits. Numbers become `.int` when they are integers that fit
/// `Int64`, otherwise `.decimal` with the scale they were written with (`128.50` stays
/// `128.50`), and `.double` only when no `ExactDecimal` can hold them (the engine rejects
/// those amounts later). Objects become maps in the order written; of a repeated key the last
/// value wins, as RFC 8259 permits.
///
/// The grammar is strict RFC 8259 with UTF-8 required: no comments, trailing commas, single
/// quotes, leading zeros or `NaN`; lone surrogate escapes are refused. Nothing about a line
/// can crash the reader or make it recurse: nesting is tracked on a heap stack and refused
/// past `JSONLimits.maximumDepth`.
public enum JSONReader {
    /// Parses exactly one JSON value (RFC 8259: whitespace around it allowed, nothing else
    /// after it).
    public static func parse(_ line: UnsafeBufferPointer<UInt8>, limits: JSONLimits = .default) -> Result<Value, JSONError> {
        guard line.count <= limits.maximumLineBytes else {
            return .failure(.lineTooLong(length: line.count, limit: limits.maximumLineBytes))
        }
        guard let base = line.baseAddress, !line.isEmpty else { return .failure(.emptyLine(column: 1)) }
        let workspace = Workspace.current
        var parser = Parser(base: base, count: line.count, maximumDepth: limits.maximumDepth, workspace: workspace.pointee)
        defer {
            parser.workspace.reset()
            workspace.pointee = parser.workspace
        }
        do {
            return .success(try parser.parseDocument())
        } catch {
            return .failure(refine(error, in: line))
        }
    }

    /// Parses the UTF-8 of `text`; a convenience for tests and for short inputs such as
    /// `--event` arguments.
    public static func parse(_ text: String, limits: JSONLimits = .default) -> Result<Value, JSONError> {
        var text = text
        return text.withUTF8 { parse($0, limits: limits) }
    }

    /// A syntax error in a line that is not UTF-8 at all is reported as invalid UTF-8: that is
    /// the real problem (a file in the wrong encoding), and it makes the code depend on the
    /// line, not on where its first syntax slip happens to be. Bytes before the error were
    /// already checked on the way (strings are validated as they are read; outside strings
    /// only ASCII is accepted), so checking from the error onwards covers the whole line.
    private static func refine(_ error: JSONError, in line: UnsafeBufferPointer<UInt8>) -> JSONError {
        guard error.code == .invalidJSON, let base = line.baseAddress else { return error }
        let from = min(max(error.column - 1, 0), line.count)
        guard let bad = UTF8Check.firstInvalidByte(base, count: line.count, from: from) else { return error }
        return .invalidUTF8(base[bad], column: bad + 1)
    }
}

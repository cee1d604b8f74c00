/// A compiled RE2-syntax pattern matched in linear time.
///
/// CEL's `s.matches(re)` is specified with RE2 syntax and semantics. Swift's `Regex` backtracks,
/// so a merchant's `(a+)+b` can take seconds or minutes on a short input; a rule runs on every
/// event of a live stream, so no pattern and no input may stall it. This type parses the
/// pattern (rejecting what RE2 rejects, with a position), compiles it to an NFA program of
/// bounded size, and answers `matches` with a Pike VM in O(pattern size × text length).
///
/// A value is immutable: compile a constant pattern once and call `matches` from any thread.
public struct LinearRegex: Sendable {
    /// The pattern as written.
    public let pattern: String
    /// The compiled form; immutable, shared by all callers.
    let program: RegexProgram

    /// Compiles `pattern`, or throws a `RegexSyntaxError` saying what is wrong and where.
    public init(_ pattern: String) throws(RegexSyntaxError) {
        self.pattern = pattern
        let tree = try RegexParser.parse(pattern)
        let compiled: Result<RegexProgram, RegexSyntaxError>
        do {
            compiled = .success(try RegexCompiler.compile(tree))
        } catch {
            compiled = .failure(error)
        }
        // Free the tree without recursing once per nesting level (see `dismantle`).
        RegexNode.dismantle(consume tree)
        program = try compiled.get()
    }

    /// True if the pattern matches anywhere in `text` (CEL's `matches` is unanchored; ^ and $ anchor).
    public func matches(_ text: String) -> Bool {
        PikeVM.matches(program, in: text)
    }
}

/// A pattern the matcher cannot accept, with the position (0-based offset in Unicode scalars of
/// the pattern) and a plain-English message for a shop manager, e.g.
/// "backreferences like \1 are not supported (patterns use RE2 syntax)".
public struct RegexSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, in words meant for the person who wrote the pattern.
    public var message: String
    /// Where in the pattern, counted in Unicode scalars from 0.
    public var offset: Int

    /// An error with `message` at scalar `offset` of the pattern.
    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    /// The message followed by the position, for logs.
    public var description: String { "\(message) (at position \(offset))" }
}

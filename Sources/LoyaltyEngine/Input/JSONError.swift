/// Why a line is not a JSON value we accept.
///
/// `code` is one of the stable codes the CLI prints (SPEC.md §6); `message` is a plain English
/// sentence for a shop manager and already ends with where the problem is. Equatable, so
/// tests compare whole errors. The wording of every message lives in `JSONError+Messages.swift`.
public struct JSONError: Error, Sendable, Equatable {
    /// The stable, machine-readable reason.
    public enum Code: String, Sendable {
        /// The bytes are UTF-8 but not JSON (syntax, a lone surrogate escape, an empty line).
        case invalidJSON = "invalid-json"
        /// The bytes are not UTF-8. Takes precedence over a syntax error in the same line, so
        /// a file in the wrong encoding is reported as such however its lines happen to break.
        case invalidUTF8 = "invalid-utf8"
        /// Arrays and objects nested deeper than `JSONLimits.maximumDepth`.
        case tooDeep = "too-deep"
        /// More bytes than `JSONLimits.maximumLineBytes`.
        case lineTooLong = "line-too-long"
    }

    public var code: Code
    /// One lower-case sentence without a final period, e.g.
    /// `expected ',' or '}' after the value of "amount" (column 57)`.
    public var message: String
    /// 1-based byte offset in the line where it went wrong.
    public var column: Int

    public init(code: Code, message: String, column: Int) {
        self.code = code
        self.message = message
        self.column = column
    }
}

extension JSONError: CustomStringConvertible {
    /// `invalid-json: expected a value, found 'x' (column 3)`, for logs and test failures.
    public var description: String { "\(code.rawValue): \(message)" }
}

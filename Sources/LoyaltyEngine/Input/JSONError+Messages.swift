/// The catalogue of reader messages, one factory per message, in alphabetical order.
///
/// Call sites pass data (a column, the key involved, what was found); the wording lives only
/// here, so it can be reviewed in one place and tests can build the exact expected error.
/// Messages are lower-case sentences without a final period, ending with where the problem is.
///
/// Factories are never inlined: they run only for bad lines, and their string building
/// inlined into the reader's loop would crowd out its hot code.
extension JSONError {
    @inline(never)
    static func byteOrderMark(column: Int) -> JSONError {
        invalid("the line starts with a byte order mark, which JSON does not allow", column)
    }

    @inline(never)
    static func comment(column: Int) -> JSONError {
        invalid("comments are not allowed in JSON", column)
    }

    @inline(never)
    static func controlCharacterInString(_ byte: UInt8, column: Int) -> JSONError {
        invalid("the control character \(hex(byte)) must be written as an escape such as \\n inside a string", column)
    }

    @inline(never)
    static func emptyLine(column: Int) -> JSONError {
        invalid("the line has no JSON value", column)
    }

    @inline(never)
    static func expectedColon(afterKey key: String, found: Found, column: Int) -> JSONError {
        invalid("expected ':' after the key \(quoted(key)), found \(found)", column)
    }

    @inline(never)
    static func expectedCommaOrBrace(afterKey key: String, column: Int) -> JSONError {
        invalid("expected ',' or '}' after the value of \(quoted(key))", column)
    }

    @inline(never)
    static func expectedCommaOrBracket(column: Int) -> JSONError {
        invalid("expected ',' or ']' after an array element", column)
    }

    @inline(never)
    static func expectedKey(found: Found, column: Int) -> JSONError {
        invalid("expected a key in double quotes, found \(found)", column)
    }

    @inline(never)
    static func expectedLiteral(_ word: StaticString, column: Int) -> JSONError {
        invalid("expected the word '\(word)'", column)
    }

    @inline(never)
    static func expectedValue(found: Found, column: Int) -> JSONError {
        invalid("expected a value, found \(found)", column)
    }

    @inline(never)
    static func exponentWithoutDigits(column: Int) -> JSONError {
        invalid("the exponent of a number needs digits, as in 1e3", column)
    }

    @inline(never)
    static func fractionWithoutDigits(column: Int) -> JSONError {
        invalid("a '.' in a number must be followed by digits, as in 1.0", column)
    }

    @inline(never)
    static func invalidEscape(_ found: Found, column: Int) -> JSONError {
        invalid("a backslash in a string must start an escape such as \\n or \\u00e9, found \(found)", column)
    }

    @inline(never)
    static func invalidUnicodeEscape(column: Int) -> JSONError {
        invalid("'\\u' in a string must be followed by four hex digits", column)
    }

    @inline(never)
    static func invalidUTF8(_ byte: UInt8, column: Int) -> JSONError {
        JSONError(code: .invalidUTF8, message: "the text is not valid UTF-8 (byte \(hex(byte)) at column \(column))", column: column)
    }

    @inline(never)
    static func leadingDot(column: Int) -> JSONError {
        invalid("a number needs a digit before its '.', as in 0.5", column)
    }

    @inline(never)
    static func leadingPlus(column: Int) -> JSONError {
        invalid("a number cannot start with '+'", column)
    }

    @inline(never)
    static func leadingZero(column: Int) -> JSONError {
        invalid("a number cannot start with 0 followed by more digits", column)
    }

    @inline(never)
    static func lineTooLong(length: Int, limit: Int) -> JSONError {
        JSONError(code: .lineTooLong, message: "the line is \(length) bytes long, over the limit of \(limit) bytes",
                  column: limit + 1)
    }

    @inline(never)
    static func loneSurrogate(_ codeUnit: UInt16, column: Int) -> JSONError {
        invalid("the escape '\\u\(hexDigits(codeUnit))' is a lone surrogate; it must be one half of a pair such as '\\uD83D\\uDE00'", column)
    }

    @inline(never)
    static func minusWithoutDigits(column: Int) -> JSONError {
        invalid("'-' must be followed by a digit", column)
    }

    @inline(never)
    static func singleQuotes(column: Int) -> JSONError {
        invalid("strings and keys must be in double quotes, not single quotes", column)
    }

    @inline(never)
    static func tooDeep(limit: Int, column: Int) -> JSONError {
        JSONError(code: .tooDeep, message: "objects and arrays are nested more than \(limit) deep", column: column)
    }

    @inline(never)
    static func trailingComma(before closing: UInt8, column: Int) -> JSONError {
        invalid("a ',' must be followed by another value, not '\(Character(Unicode.Scalar(closing)))'", column)
    }

    @inline(never)
    static func trailingText(found: Found, column: Int) -> JSONError {
        invalid("unexpected \(found) after the end of the JSON value", column)
    }

    @inline(never)
    static func unclosedArray(column: Int) -> JSONError {
        invalid("the line ends before the array is closed with ']'", column)
    }

    @inline(never)
    static func unclosedObject(column: Int) -> JSONError {
        invalid("the line ends before the object is closed with '}'", column)
    }

    @inline(never)
    static func unclosedString(column: Int) -> JSONError {
        invalid("the string that starts here is not closed before the end of the line", column)
    }
}

// MARK: - Helpers

extension JSONError {
    /// What the reader found where it expected something else, described for a person.
    enum Found: CustomStringConvertible {
        case endOfLine
        /// A byte that starts an ASCII character or a UTF-8 sequence.
        case character(Unicode.Scalar)
        /// A byte that is not the start of a character (only in messages that are replaced by
        /// an invalid-UTF-8 error, but kept printable anyway).
        case byte(UInt8)

        var description: String {
            switch self {
            case .endOfLine: "the end of the line"
            case .character(let scalar) where scalar.value < 0x20 || scalar.value == 0x7F:
                "the control character \(JSONError.hex(UInt8(scalar.value)))"
            case .character(let scalar): "'\(Character(scalar))'"
            case .byte(let byte): "the byte \(JSONError.hex(byte))"
            }
        }
    }

    /// An invalid-json error; the column is appended to the message as well as stored.
    private static func invalid(_ text: String, _ column: Int) -> JSONError {
        JSONError(code: .invalidJSON, message: "\(text) (column \(column))", column: column)
    }

    private static func quoted(_ key: String) -> String {
        "\"" + key + "\""
    }

    /// `0x0A`: upper-case, two digits, as byte dumps show them.
    @inline(never)
    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        return "0x" + String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0xF)]], as: UTF8.self)
    }

    /// `D800`: four upper-case digits, as surrogates are usually written.
    private static func hexDigits(_ value: UInt16) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - text.count) + text
    }
}

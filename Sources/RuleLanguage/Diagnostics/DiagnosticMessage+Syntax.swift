/// The catalogue of lexing and parsing messages, sorted by name. Each id is stable.
extension DiagnosticMessage {
    public static let bytesNotSupported = DiagnosticMessage(
        id: "bytes-not-supported", "byte strings are not supported",
        help: "write an ordinary string without the b prefix")

    public static func decimalLiteralOutOfRange(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "decimal-out-of-range", "the number \(text) is out of range",
                          help: "decimals hold at most 38 significant digits")
    }

    public static func expectedExpression(found: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "expected-expression", "expected a value or expression, but found \(found)")
    }

    public static func expressionTooLong(limit: Int) -> DiagnosticMessage {
        DiagnosticMessage(id: "expression-too-long", "this expression is too long (more than \(limit) levels deep)",
                          help: "split it into several 'let' definitions")
    }

    public static let hasNeedsField = DiagnosticMessage(
        id: "has-needs-field", "has() takes one field selection",
        help: "write it like has(event.referrer)")

    public static func integerLiteralTooLarge(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "integer-too-large", "the whole number \(text) does not fit in 64 bits",
                          help: "whole numbers range from -9223372036854775808 to 9223372036854775807")
    }

    public static func invalidEscape(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "invalid-escape", "'\(text)' is not a valid escape in a string",
                          help: "write \\\\ for a backslash; valid escapes are \\n \\t \\\" \\' \\xHH \\uHHHH")
    }

    public static let leadingDotNotSupported = DiagnosticMessage(
        id: "leading-dot", "names cannot start with '.'")

    public static func macroNeedsVariable(_ macro: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "macro-needs-variable", "the first argument of \(macro)() must be a name for each element",
                          help: "for example items.\(macro)(i, i.qty > 1)")
    }

    public static func nonASCIIName(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "non-ascii-name", "'\(text)' cannot be part of a name",
                          help: "names use English letters, digits, '_' and '-'; write other text in quotes, like reason \"\(text)\"")
    }

    public static func nestingTooDeep(limit: Int) -> DiagnosticMessage {
        DiagnosticMessage(id: "nesting-too-deep", "brackets and calls are nested more than \(limit) levels deep",
                          help: "split the expression into several 'let' definitions")
    }

    public static func reservedWord(_ word: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reserved-word", "'\(word)' is a reserved word and cannot be used as a name")
    }

    public static func sourceTooLarge(bytes: Int) -> DiagnosticMessage {
        DiagnosticMessage(id: "source-too-large", "the text is \(bytes) bytes long, more than the limit of \(ParserLimits.maximumSourceBytes) bytes",
                          help: "split the rules into several packs")
    }

    public static func unexpectedCharacter(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "unexpected-character", "'\(text)' is not allowed here")
    }

    public static func unexpectedToken(_ found: String, expected: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "unexpected-token", "expected \(expected), but found \(found)")
    }

    public static func unsignedNotSupported(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "unsigned-not-supported", "unsigned numbers like \(text) are not supported",
                          help: "remove the 'u'; whole numbers are signed")
    }

    public static let unterminatedQuotedName = DiagnosticMessage(
        id: "unterminated-quoted-name", "this `quoted name` has no closing backtick")

    public static let unterminatedString = DiagnosticMessage(
        id: "unterminated-string", "this string has no closing quote",
        help: "strings end on the line they start, unless written with triple quotes")
}

/// Pack-structure messages.
extension DiagnosticMessage {
    public static func duplicateDeclaration(_ what: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "duplicate-declaration", "'\(what)' is given more than once")
    }

    public static func expectedClause(found: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "expected-clause", "expected a rule clause (award, deduct, redeem, grant, set, raise, stop, once, cap, reason, let), but found \(found)")
    }

    public static func expectedDeclaration(found: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "expected-declaration", "expected a declaration (pack, timezone, param, let, var, account, tiers, rule), but found \(found)")
    }

    public static let missingPackHeader = DiagnosticMessage(
        id: "missing-pack-header", "the file does not start with a 'pack' line",
        help: "begin the file with: pack NAME \"a title\"")
}

import RuleLanguage

extension JSONReader.Parser {
    private typealias Byte = JSONReader.Byte

    /// Reads the whole line as one value.
    ///
    /// One loop instead of recursive descent, so depth costs heap stack entries, never call
    /// stack: the outer loop reads a value that starts at `index`; the inner loop then closes
    /// containers for as long as the next byte is `]` or `}`, and goes back for another value
    /// after a `,`. Finished values wait on `values` until their container closes.
    mutating func parseDocument() throws(JSONError) -> Value {
        skipWhitespace()
        guard index < count else { throw .emptyLine(column: index + 1) }
        readValue: while true {
            guard index < count else { throw endOfLineInValue() }
            let byte = base[index]
            switch byte {
            case Byte.quote:
                let (string, _) = try scanString()
                values.push(.string(string))
            case Byte.openBrace:
                try open(isObject: true)
                skipWhitespace()
                if index < count && base[index] == Byte.closeBrace {
                    index += 1
                    frames.forgetElements(from: frames.count - 1)
                    values.push(.map(ValueMap()))
                } else {
                    try scanKeyAndColon(afterComma: false)
                    continue readValue
                }
            case Byte.openBracket:
                try open(isObject: false)
                skipWhitespace()
                if index < count && base[index] == Byte.closeBracket {
                    index += 1
                    frames.forgetElements(from: frames.count - 1)
                    values.push(.list([]))
                } else {
                    continue readValue
                }
            case Byte.minus, Byte.zero...UInt8(ascii: "9"):
                values.push(try scanNumber())
            case UInt8(ascii: "t"):
                try expectLiteral("true", word: 0x6575_7274, length: 4)
                values.push(.bool(true))
            case UInt8(ascii: "f"):
                // "fals" as one word, then the final "e".
                try expectLiteral("false", word: 0x736C_6166, length: 5)
                values.push(.bool(false))
            case UInt8(ascii: "n"):
                try expectLiteral("null", word: 0x6C6C_756E, length: 4)
                values.push(.null)
            default:
                throw unexpectedValueStart()
            }

            // A value is complete: close containers until one expects more.
            while frames.count > 0 {
                skipWhitespace()
                guard index < count else { throw endOfLineInValue() }
                let byte = base[index]
                let frame = frames.top
                if byte == Byte.comma {
                    index += 1
                    skipWhitespace()
                    if frame.isObject {
                        try scanKeyAndColon(afterComma: true)
                    } else if index < count && base[index] == Byte.closeBracket {
                        throw .trailingComma(before: Byte.closeBracket, column: index + 1)
                    }
                    continue readValue
                }
                if byte == (frame.isObject ? Byte.closeBrace : Byte.closeBracket) {
                    index += 1
                    frames.forgetElements(from: frames.count - 1)
                    if frame.isObject { closeObject(frame) } else { closeArray(frame) }
                    continue
                }
                throw frame.isObject ? unexpectedInObject() : unexpectedInArray()
            }
            break
        }
        skipWhitespace()
        guard index == count else {
            throw base[index] == Byte.slash ? .comment(column: index + 1) : .trailingText(found: found(at: index), column: index + 1)
        }
        return values.removeLast()
    }

    /// Enters an array or object at `index`, refusing it past the depth limit before reading
    /// anything inside.
    @inline(__always)
    private mutating func open(isObject: Bool) throws(JSONError) {
        guard frames.count < maximumDepth else { throw .tooDeep(limit: maximumDepth, column: index + 1) }
        frames.push(JSONReader.Frame(valueStart: values.count, keyStart: keys.count, isObject: isObject))
        index += 1
    }

    /// Reads `"key"` and the `:` after it, leaving `index` at the value.
    @inline(__always)
    private mutating func scanKeyAndColon(afterComma: Bool) throws(JSONError) {
        guard index < count, base[index] == Byte.quote else { throw unexpectedKeyStart(afterComma: afterComma) }
        let (key, fingerprint) = try scanString()
        values.push(.string(key))
        keys.push(fingerprint.hash)
        skipWhitespace()
        guard index < count, base[index] == Byte.colon else { throw missingColon() }
        index += 1
        skipWhitespace()
    }

    /// Checks that `literal` (whose first four bytes are `word`, little-endian) is at `index`.
    @inline(__always)
    private mutating func expectLiteral(_ literal: StaticString, word: UInt32, length: Int) throws(JSONError) {
        guard count - index >= length,
              UnsafeRawPointer(base + index).loadUnaligned(as: UInt32.self) == UInt32(littleEndian: word),
              length == 4 || base[index + 4] == UInt8(ascii: "e")
        else { throw .expectedLiteral(literal, column: index + 1) }
        index += length
    }
}

// MARK: - Errors

extension JSONReader.Parser {
    /// The line ended where a value or a closing bracket was due.
    private func endOfLineInValue() -> JSONError {
        guard frames.count > 0 else { return .expectedValue(found: .endOfLine, column: index + 1) }
        return frames.top.isObject ? .unclosedObject(column: index + 1) : .unclosedArray(column: index + 1)
    }

    /// A byte that cannot start a value; a few are common enough mistakes to name.
    private func unexpectedValueStart() -> JSONError {
        let column = index + 1
        switch base[index] {
        case Byte.plus: return .leadingPlus(column: column)
        case Byte.dot: return .leadingDot(column: column)
        case Byte.singleQuote: return .singleQuotes(column: column)
        case Byte.slash: return .comment(column: column)
        case 0xEF where index == 0 && count >= 3 && base[1] == 0xBB && base[2] == 0xBF:
            return .byteOrderMark(column: column)
        default: return .expectedValue(found: found(at: index), column: column)
        }
    }

    private func unexpectedKeyStart(afterComma: Bool) -> JSONError {
        let column = index + 1
        guard index < count else { return .unclosedObject(column: column) }
        switch base[index] {
        case Byte.closeBrace where afterComma: return .trailingComma(before: Byte.closeBrace, column: column)
        case Byte.singleQuote: return .singleQuotes(column: column)
        case Byte.slash: return .comment(column: column)
        default: return .expectedKey(found: found(at: index), column: column)
        }
    }

    /// After a key: no `:`. (The key is taken from the stack, so that pushing it could move it.)
    private func missingColon() -> JSONError {
        guard case .string(let key) = values.top else { return .expectedValue(found: found(at: index), column: index + 1) }
        return .expectedColon(afterKey: key, found: found(at: index), column: index + 1)
    }

    /// After a member's value: neither `,` nor `}`.
    private func unexpectedInObject() -> JSONError {
        if base[index] == Byte.slash { return .comment(column: index + 1) }
        // The key of the member just read is second from the top: [... key, value].
        guard case .string(let key) = values.base[values.count - 2] else {
            return .expectedValue(found: found(at: index), column: index + 1)
        }
        return .expectedCommaOrBrace(afterKey: key, column: index + 1)
    }

    /// After an element: neither `,` nor `]`.
    private func unexpectedInArray() -> JSONError {
        if base[index] == Byte.slash { return .comment(column: index + 1) }
        return .expectedCommaOrBracket(column: index + 1)
    }
}

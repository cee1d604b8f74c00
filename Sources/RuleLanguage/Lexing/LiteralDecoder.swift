/// Decodes the text of literal tokens: string escapes, ints and hex ints, exact decimals.
/// Errors are returned as catalogue messages with the byte range they concern.
enum LiteralDecoder {
    struct Failure: Error {
        var message: DiagnosticMessage
        var range: SourceRange
    }

    /// An int literal's value; `negated` lets `-9223372036854775808` through.
    static func integer(_ token: Token, in file: SourceFile, negated: Bool) -> Result<Int64, Failure> {
        let text = file.text(in: token.range)
        let isHex = token.kind == .hexLiteral
        let digits = isHex ? String(text.dropFirst(2)) : text
        guard let magnitude = UInt64(digits, radix: isHex ? 16 : 10) else {
            return .failure(Failure(message: .integerLiteralTooLarge(text), range: token.range))
        }
        if negated {
            if magnitude == UInt64(Int64.max) + 1 { return .success(Int64.min) }
            guard magnitude <= UInt64(Int64.max) else {
                return .failure(Failure(message: .integerLiteralTooLarge("-" + text), range: token.range))
            }
            return .success(-Int64(magnitude))
        }
        guard magnitude <= UInt64(Int64.max) else {
            return .failure(Failure(message: .integerLiteralTooLarge(text), range: token.range))
        }
        return .success(Int64(magnitude))
    }

    static func decimal(_ token: Token, in file: SourceFile) -> Result<ExactDecimal, Failure> {
        let start = Int(token.range.start)
        let end = Int(token.range.end)
        let parsed = file.bytes[start..<end].withUnsafeBufferPointer {
            ExactDecimal.parse($0, allowLeadingDot: true)
        }
        guard let parsed else {
            return .failure(Failure(message: .decimalLiteralOutOfRange(file.text(in: token.range)), range: token.range))
        }
        return .success(parsed)
    }

    /// A string literal's value: quotes removed, escapes applied unless raw.
    static func string(_ token: Token, in file: SourceFile) -> Result<String, Failure> {
        let bytes = file.bytes
        var index = Int(token.range.start)
        let end = Int(token.range.end)
        var raw = false
        if bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "'") {
            raw = bytes[index] | 0x20 == UInt8(ascii: "r")
            index += 1
        }
        let quote = bytes[index]
        let isTriple = index + 2 < end && bytes[index + 1] == quote && bytes[index + 2] == quote && end - index >= 6
        let quoteLength = isTriple ? 3 : 1
        index += quoteLength
        let contentEnd = max(index, end - quoteLength)
        if raw {
            return .success(String(decoding: bytes[index..<contentEnd], as: UTF8.self))
        }
        var scalars = String.UnicodeScalarView()
        var pending: [UInt8] = []
        func flush() {
            if !pending.isEmpty {
                scalars.append(contentsOf: String(decoding: pending, as: UTF8.self).unicodeScalars)
                pending.removeAll(keepingCapacity: true)
            }
        }
        while index < contentEnd {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\") else {
                pending.append(byte)
                index += 1
                continue
            }
            flush()
            switch escape(bytes, at: index, end: contentEnd) {
            case .success(let (scalar, length)):
                scalars.append(scalar)
                index += length
            case .failure(let failure):
                return .failure(failure)
            }
        }
        flush()
        return .success(String(scalars))
    }

    /// One escape sequence starting at the backslash: the scalar and the bytes it spans.
    private static func escape(_ bytes: [UInt8], at start: Int, end: Int) -> Result<(Unicode.Scalar, Int), Failure> {
        func fail(_ length: Int) -> Result<(Unicode.Scalar, Int), Failure> {
            let range = SourceRange(start: start, end: min(start + length, end))
            let text = String(decoding: bytes[start..<min(start + length, end)], as: UTF8.self)
            return .failure(Failure(message: .invalidEscape(text), range: range))
        }
        guard start + 1 < end else { return fail(1) }
        let code = bytes[start + 1]
        let simple: [UInt8: UInt32] = [
            UInt8(ascii: "a"): 7, UInt8(ascii: "b"): 8, UInt8(ascii: "f"): 12, UInt8(ascii: "n"): 10,
            UInt8(ascii: "r"): 13, UInt8(ascii: "t"): 9, UInt8(ascii: "v"): 11, UInt8(ascii: "\\"): 92,
            UInt8(ascii: "?"): 63, UInt8(ascii: "\""): 34, UInt8(ascii: "'"): 39, UInt8(ascii: "`"): 96,
        ]
        if let value = simple[code] { return .success((Unicode.Scalar(value)!, 2)) }
        let digits: Int
        let radix: Int
        let skip: Int
        switch code {
        case UInt8(ascii: "x"), UInt8(ascii: "X"): (digits, radix, skip) = (2, 16, 2)
        case UInt8(ascii: "u"): (digits, radix, skip) = (4, 16, 2)
        case UInt8(ascii: "U"): (digits, radix, skip) = (8, 16, 2)
        case UInt8(ascii: "0")...UInt8(ascii: "3"): (digits, radix, skip) = (3, 8, 1)
        default: return fail(2)
        }
        let digitsStart = start + skip
        guard digitsStart + digits <= end else { return fail(end - start) }
        let text = String(decoding: bytes[digitsStart..<digitsStart + digits], as: UTF8.self)
        let allDigits = text.utf8.allSatisfy { byte in
            radix == 8 ? (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(byte) : byte.isHexDigit
        }
        guard allDigits, let value = UInt32(text, radix: radix), let scalar = Unicode.Scalar(value) else {
            return fail(skip + digits)
        }
        return .success((scalar, skip + digits))
    }
}

extension UInt8 {
    /// `0-9`, `a-f`, `A-F`.
    var isHexDigit: Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self | 0x20)
    }
}

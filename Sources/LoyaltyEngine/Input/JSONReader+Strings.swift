extension JSONReader.Parser {
    private typealias Byte = JSONReader.Byte

    /// Reads the string whose opening quote is at `index`, leaving `index` after its closing
    /// quote. Returns the string and its fingerprint (for keys).
    ///
    /// The common string has no escapes: it is validated where it lies and becomes a `String`
    /// straight from the line's bytes, through the cache when short. The first backslash
    /// switches to `scanEscapedString`, which decodes into a side buffer.
    @inline(__always)
    mutating func scanString() throws(JSONError) -> (String, JSONReader.Fingerprint) {
        let quote = index
        let start = quote + 1
        var position = start
        while true {
            position = JSONReader.skipPlainBytes(base, from: position, count: count)
            guard position < count else { throw .unclosedString(column: quote + 1) }
            let byte = base[position]
            if byte == Byte.quote { break }
            if byte >= 0x80 {
                position = try endOfSequence(at: position)
            } else if byte == Byte.backslash {
                return try scanEscapedString(quote: quote, firstEscape: position)
            } else {
                throw .controlCharacterInString(byte, column: position + 1)
            }
        }
        index = position + 1
        let fingerprint = JSONReader.Fingerprint(base + start, length: position - start, readableEnd: base + count)
        return (cache.string(base + start, fingerprint), fingerprint)
    }

    /// Continues `scanString` from its first backslash, collecting the decoded bytes in
    /// `escaped`. Rare in event streams, so written for clarity over speed.
    private mutating func scanEscapedString(quote: Int, firstEscape: Int) throws(JSONError) -> (String, JSONReader.Fingerprint) {
        escaped.removeAll()
        append(from: quote + 1, to: firstEscape)
        var position = firstEscape
        while true {
            guard position < count else { throw .unclosedString(column: quote + 1) }
            let byte = base[position]
            if byte == Byte.quote { break }
            if byte == Byte.backslash {
                position = try decodeEscape(at: position, quote: quote)
            } else if byte >= 0x80 {
                let end = try endOfSequence(at: position)
                append(from: position, to: end)
                position = end
            } else if byte < 0x20 {
                throw .controlCharacterInString(byte, column: position + 1)
            }
            let plainEnd = JSONReader.skipPlainBytes(base, from: position, count: count)
            append(from: position, to: plainEnd)
            position = plainEnd
        }
        index = position + 1
        let decoded = UnsafePointer(escaped.base)
        let fingerprint = JSONReader.Fingerprint(decoded, length: escaped.count, readableEnd: decoded + escaped.count)
        return (JSONReader.makeString(decoded, count: escaped.count), fingerprint)
    }

    /// Decodes the escape whose backslash is at `position` into `escaped`; returns the index
    /// after it.
    private mutating func decodeEscape(at position: Int, quote: Int) throws(JSONError) -> Int {
        guard position + 1 < count else { throw .unclosedString(column: quote + 1) }
        let decoded: UInt8
        switch base[position + 1] {
        case Byte.quote, Byte.backslash, Byte.slash: decoded = base[position + 1]
        case UInt8(ascii: "b"): decoded = 0x08
        case UInt8(ascii: "f"): decoded = 0x0C
        case UInt8(ascii: "n"): decoded = Byte.lineFeed
        case UInt8(ascii: "r"): decoded = Byte.carriageReturn
        case UInt8(ascii: "t"): decoded = Byte.tab
        case UInt8(ascii: "u"): return try decodeUnicodeEscape(at: position)
        default: throw .invalidEscape(found(at: position + 1), column: position + 2)
        }
        escaped.push(decoded)
        return position + 2
    }

    /// Decodes `\uXXXX`, or a surrogate pair `\uD83D\uDE00`, at `position`.
    private mutating func decodeUnicodeEscape(at position: Int) throws(JSONError) -> Int {
        guard let unit = hexQuad(at: position + 2) else { throw .invalidUnicodeEscape(column: position + 1) }
        var scalar = UInt32(unit)
        var end = position + 6
        switch unit {
        case 0xD800..<0xDC00:
            // A high surrogate counts only with a low one right after it.
            guard count - end >= 2, base[end] == Byte.backslash, base[end + 1] == UInt8(ascii: "u") else {
                throw .loneSurrogate(unit, column: position + 1)
            }
            guard let low = hexQuad(at: end + 2) else { throw .invalidUnicodeEscape(column: end + 1) }
            guard (0xDC00..<0xE000).contains(low) else { throw .loneSurrogate(unit, column: position + 1) }
            scalar = 0x10000 + (UInt32(unit - 0xD800) << 10) + UInt32(low - 0xDC00)
            end += 6
        case 0xDC00..<0xE000:
            throw .loneSurrogate(unit, column: position + 1)
        default:
            break
        }
        // Surrogates are excluded above, so this is always a valid scalar.
        for unit in UTF8.encode(Unicode.Scalar(scalar)!)! { escaped.push(unit) }
        return end
    }

    /// The four hex digits at `position` as a code unit, or nil.
    private func hexQuad(at position: Int) -> UInt16? {
        guard count - position >= 4 else { return nil }
        var value: UInt16 = 0
        for offset in 0..<4 {
            let byte = base[position + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    /// The index after the valid UTF-8 sequence starting at `position`.
    @inline(__always)
    private func endOfSequence(at position: Int) throws(JSONError) -> Int {
        guard let end = JSONReader.UTF8Check.sequenceEnd(base, count: count, at: position) else {
            throw .invalidUTF8(base[position], column: position + 1)
        }
        return end
    }

    private mutating func append(from start: Int, to end: Int) {
        escaped.append(base + start, count: end - start)
    }
}

extension JSONReader {
    /// The index of the first byte from `start` that a string scan must look at: `"`, `\`,
    /// a control character or a non-ASCII byte; `count` if there is none.
    ///
    /// Eight bytes at a time (SWAR): each test below sets the high bit of every byte lane that
    /// matches, and the lowest set bit marks the first match. The zero-byte and less-than
    /// tricks can set false bits, but only in lanes above a true match, so the lowest bit is exact.
    @inline(__always)
    static func skipPlainBytes(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var position = start
        while count - position >= 8 {
            let word = Fingerprint.load(base + position)
            let quotes = word ^ (ones &* UInt64(Byte.quote))
            let backslashes = word ^ (ones &* UInt64(Byte.backslash))
            let special = ((quotes &- ones) & ~quotes)
                | ((backslashes &- ones) & ~backslashes)
                | ((word &- ones &* 0x20) & ~word)  // below 0x20
                | word                              // 0x80 and above
            let matches = special & highs
            if matches != 0 { return position + matches.trailingZeroBitCount >> 3 }
            position += 8
        }
        while position < count {
            let byte = base[position]
            if byte == Byte.quote || byte == Byte.backslash || byte < 0x20 || byte >= 0x80 { return position }
            position += 1
        }
        return count
    }
}

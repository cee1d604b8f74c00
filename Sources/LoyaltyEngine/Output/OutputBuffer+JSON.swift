import RuleLanguage

/// JSON text primitives: strings, integers, exact decimals and timestamps, written as bytes
/// without intermediate `String`s.
extension OutputBuffer {
    /// Appends `text` as a JSON string: quoted, with `"`, `\` and control characters escaped
    /// (`\n`, `\r`, `\t`, else `\u00XX`); everything else, non-ASCII included, as is.
    public func appendJSONString(_ text: String) {
        var text = text
        text.withUTF8 { appendJSONString(utf8: $0) }
    }

    /// `appendJSONString` for text already in UTF-8 (e.g. a slice of an input line).
    public func appendJSONString(utf8: UnsafeBufferPointer<UInt8>) {
        append(UInt8(ascii: "\""))
        guard let source = utf8.baseAddress else {
            append(UInt8(ascii: "\""))
            return
        }
        var runStart = 0
        for position in 0..<utf8.count {
            let byte = source[position]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            // Copy the run of plain bytes in one go, then the escape.
            append(UnsafeRawBufferPointer(start: source + runStart, count: position - runStart))
            appendEscape(for: byte)
            runStart = position + 1
        }
        append(UnsafeRawBufferPointer(start: source + runStart, count: utf8.count - runStart))
        append(UInt8(ascii: "\""))
    }

    private func appendEscape(for byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): append("\\\"")
        case UInt8(ascii: "\\"): append("\\\\")
        case 0x0A: append("\\n")
        case 0x0D: append("\\r")
        case 0x09: append("\\t")
        default:
            // Lower-case hex, as `JSONText.quoted` writes it.
            let digits: StaticString = "0123456789abcdef"
            append("\\u00")
            append(digits.utf8Start[Int(byte >> 4)])
            append(digits.utf8Start[Int(byte & 0xF)])
        }
    }

    /// Appends the decimal digits of `value`.
    public func appendInt(_ value: Int64) {
        // 19 digits and a sign at most.
        withUnsafeSpace(20) { output in
            var magnitude = value.magnitude
            var digits = 1
            var limit: UInt64 = 10
            while digits < 20 && magnitude >= limit {
                digits += 1
                if digits < 20 { limit &*= 10 }
            }
            let sign = value < 0 ? 1 : 0
            if sign == 1 { output[0] = UInt8(ascii: "-") }
            var position = sign + digits - 1
            repeat {
                output[position] = UInt8(truncatingIfNeeded: magnitude % 10) &+ UInt8(ascii: "0")
                magnitude /= 10
                position -= 1
            } while magnitude > 0
            return sign + digits
        }
    }

    /// Appends `value` exactly, with its scale (`128.50`, never `128.5` or `1.285e2`).
    public func appendDecimal(_ value: ExactDecimal) {
        // Whole numbers that fit a word are most amounts of points; skip the general writer.
        if value.scale == 0, let whole = Int64(exactly: value.significand) {
            appendInt(whole)
            return
        }
        scratch.removeAll(keepingCapacity: true)
        value.write(to: &scratch)
        scratch.withUnsafeBytes { append($0) }
    }

    /// Appends `instant` as RFC 3339 in UTC, e.g. `2026-03-01T09:30:00Z`, without quotes.
    public func appendTimestamp(_ instant: Instant) {
        scratch.removeAll(keepingCapacity: true)
        instant.write(to: &scratch)
        scratch.withUnsafeBytes { append($0) }
    }
}

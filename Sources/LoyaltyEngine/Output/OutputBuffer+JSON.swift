import RuleLanguage

/// JSON strings, written as bytes without intermediate `String`s. Numbers are in
/// `OutputBuffer+Numbers.swift`, timestamps in `OutputBuffer+Timestamps.swift`.
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
}

/// Reading decimals from text: the JSON number grammar and the CEL literal grammar.
///
/// Parsing is on the JSON hot path, so it never allocates, and numbers of up to 19 digits (nearly
/// all of them) take a one-pass path that accumulates in a single 64-bit word.
extension ExactDecimal {
    /// Parses `-? digits ('.' digits)? ([eE] [+-]? digits)?` from UTF-8 bytes.
    ///
    /// Two dialects, chosen by `allowLeadingDot`:
    /// - `false` (JSON, RFC 8259): the integer part is required and has no leading zeros
    ///   (`"01"` and `"00.5"` are rejected, `"0.5"` is fine).
    /// - `true` (CEL literals): the integer part may be omitted (`".5"`, `"-.5"`) and may have
    ///   leading zeros (`"01.5"`), as CEL's `DIGIT*` grammar allows.
    ///
    /// Both reject a leading `+`, a bare `"."`, a trailing dot (`"1."`), an empty exponent
    /// (`"1e"`) and any surrounding whitespace.
    ///
    /// The scale comes from the digits as written: `"128.50"` has scale 2, `"1e3"` is 1000 at
    /// scale 0, `"1.5e-3"` is 0.0015 at scale 4, `"2.30e1"` is 23.0 at scale 1.
    ///
    /// Returns nil for syntax errors and for values that do not fit: more than 38 significant
    /// digits (leading zeros do not count), or an exponent that needs more than 38 fractional
    /// digits or 38 integer digits. Trailing fractional zeros past those limits are dropped
    /// rather than rejected, because they do not change the value (`"1.000…0"` with 50 zeros is 1
    /// at the largest scale that fits).
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, allowLeadingDot: Bool = false) -> ExactDecimal? {
        var needsGeneralPath = false
        let short = parseShort(bytes, celDialect: allowLeadingDot, needsGeneralPath: &needsGeneralPath)
        if !needsGeneralPath { return short }
        guard let scanned = scan(bytes, celDialect: allowLeadingDot) else { return nil }
        return fitted(scanned)
    }

    /// Parses `text` with the CEL grammar of `parse(_:allowLeadingDot:)` (leading dot allowed,
    /// no leading `+`).
    public init?(_ text: String) {
        var text = text
        guard let value = text.withUTF8({ ExactDecimal.parse($0, allowLeadingDot: true) }) else { return nil }
        self = value
    }
}

// MARK: - Short numbers

extension ExactDecimal {
    /// The common case, prices and quantities: at most 19 digit characters in all (so the value
    /// fits a `UInt64` whatever the leading zeros) and a scale within `0...maxScale`. One pass,
    /// one branch per digit. Anything else sets `needsGeneralPath` and leaves it to `scan`,
    /// which re-reads the bytes; syntax errors found here are final.
    @inline(__always)
    private static func parseShort(_ bytes: UnsafeBufferPointer<UInt8>, celDialect: Bool,
                                   needsGeneralPath: inout Bool) -> ExactDecimal? {
        let count = bytes.count
        guard count > 0 else { return nil }
        var index = 0
        let negative = bytes[0] == UInt8(ascii: "-")
        if negative { index = 1 }
        var value: UInt64 = 0

        let integerStart = index
        while index < count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            value = value &* 10 &+ UInt64(digit)  // may wrap past 19 digits; then unused
            index += 1
        }
        let integerDigits = index - integerStart
        if !celDialect && integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0") { return nil }

        var fractionDigits = 0
        if index < count && bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < count {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { break }
                value = value &* 10 &+ UInt64(digit)
                index += 1
            }
            fractionDigits = index - fractionStart
            guard fractionDigits > 0 else { return nil }
        }
        guard integerDigits > 0 || (celDialect && fractionDigits > 0) else { return nil }
        guard let exponent = scanExponent(bytes, from: &index), index == count else { return nil }

        let scale = fractionDigits - exponent
        guard integerDigits + fractionDigits <= 19, scale >= 0, scale <= maxScale else {
            needsGeneralPath = true
            return nil
        }
        let significand = Int128(value)
        return ExactDecimal(unchecked: negative ? -significand : significand, scale: scale)
    }

    /// Reads an optional exponent `[eE][+-]?digits` at `index`: 0 when there is none, nil
    /// when it is malformed. Saturates far beyond any representable exponent so that `Int`
    /// cannot overflow.
    @inline(__always)
    static func scanExponent(_ bytes: UnsafeBufferPointer<UInt8>, from index: inout Int) -> Int? {
        let count = bytes.count
        // `| 0x20` folds 'E' onto 'e'; no other byte maps to 'e'.
        guard index < count && bytes[index] | 0x20 == UInt8(ascii: "e") else { return 0 }
        index += 1
        var negative = false
        if index < count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        let start = index
        var value = 0
        while index < count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            if value < 1_000_000_000 { value = value * 10 + Int(digit) }
            index += 1
        }
        guard index > start else { return nil }
        return negative ? -value : value
    }
}

// MARK: - Scanning

/// A number as read, before its scale is fitted to `ExactDecimal`'s range:
/// `±magnitude × 10^exponent`, with at most 38 significant digits in `magnitude`.
/// Kept separate from `ExactDecimal` so a `Double`'s digits can be compared without fitting.
struct ScannedDecimal {
    var negative: Bool
    var magnitude: UInt128
    /// Significant digits in `magnitude`; 0 when it is zero.
    var digitCount: Int
    var exponent: Int
}

/// Collects significant digits: in a `UInt64` for the first 19 (the common case, cheap), then
/// in a `UInt128` up to the 38 that always fit.
private struct DigitAccumulator {
    var small: UInt64 = 0
    var wide: UInt128 = 0
    var count = 0
    /// Power of ten to apply to the digits kept: -1 per kept fraction digit, +1 per integer zero
    /// that did not fit.
    var exponent = 0

    /// Adds one digit; false when it is a nonzero 39th significant digit, which cannot be kept.
    @inline(__always)
    mutating func push(_ digit: UInt8, inFraction: Bool) -> Bool {
        if count == 0 && digit == 0 {
            // Leading zero: not significant, but in the fraction it still moves the point.
            if inFraction { exponent -= 1 }
            return true
        }
        if count >= ExactDecimal.maxScale {
            // Past 38 digits only zeros are representable: in the integer part they scale the
            // value up (checked when fitting), in the fraction they add nothing.
            guard digit == 0 else { return false }
            if !inFraction { exponent += 1 }
            return true
        }
        if count < 19 {
            small = small &* 10 &+ UInt64(digit)
        } else {
            if count == 19 { wide = UInt128(small) }
            wide = wide &* 10 &+ UInt128(digit)
        }
        count += 1
        if inFraction { exponent -= 1 }
        return true
    }

    var magnitude: UInt128 { count <= 19 ? UInt128(small) : wide }
}

extension ExactDecimal {
    /// Checks the syntax and collects the digits; nil on a syntax error or too many digits.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, celDialect: Bool) -> ScannedDecimal? {
        let count = bytes.count
        guard count > 0 else { return nil }
        var index = 0
        let negative = bytes[0] == UInt8(ascii: "-")
        if negative { index = 1 }
        var digits = DigitAccumulator()

        let integerStart = index
        while index < count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            guard digits.push(digit, inFraction: false) else { return nil }
            index += 1
        }
        let integerDigits = index - integerStart
        if !celDialect && integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0") { return nil }

        var fractionDigits = 0
        if index < count && bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < count {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { break }
                guard digits.push(digit, inFraction: true) else { return nil }
                index += 1
            }
            fractionDigits = index - fractionStart
            guard fractionDigits > 0 else { return nil }
        }
        guard integerDigits > 0 || (celDialect && fractionDigits > 0) else { return nil }

        guard let exponent = scanExponent(bytes, from: &index), index == count else { return nil }
        return ScannedDecimal(negative: negative, magnitude: digits.magnitude,
                              digitCount: digits.count, exponent: digits.exponent + exponent)
    }

    /// Brings scanned digits into range: a positive exponent becomes integer zeros, a scale
    /// beyond `maxScale` sheds trailing zeros; nil when neither works.
    static func fitted(_ scanned: ScannedDecimal) -> ExactDecimal? {
        var magnitude = scanned.magnitude
        var scale = -scanned.exponent
        if magnitude == 0 {
            // Zero is exact at any scale; keep as much of the written scale as is legal.
            return ExactDecimal(unchecked: 0, scale: min(max(scale, 0), maxScale))
        }
        if scale < 0 {
            guard scanned.digitCount - scale <= maxScale else { return nil }
            magnitude *= powersOfTen[-scale]
            scale = 0
        } else if scale > maxScale {
            while scale > maxScale && magnitude % 10 == 0 {
                magnitude /= 10
                scale -= 1
            }
            guard scale <= maxScale else { return nil }
        }
        let significand = Int128(magnitude)
        return ExactDecimal(unchecked: scanned.negative ? -significand : significand, scale: scale)
    }
}

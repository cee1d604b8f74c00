import RuleLanguage

extension JSONReader.Parser {
    private typealias Byte = JSONReader.Byte

    /// Reads the number at `index` (which holds `-` or a digit).
    ///
    /// One pass checks the grammar and, for up to 19 digits, accumulates them in a word, which
    /// covers every price and quantity in practice: an integer becomes `.int`, a fraction
    /// becomes `.decimal` with its written scale, both without a second look at the bytes.
    /// Longer numbers and exponents go to `ExactDecimal.parse`, and only numbers it cannot
    /// hold exactly (over 38 digits, `1e999`) become `.double`.
    @inline(__always)
    mutating func scanNumber() throws(JSONError) -> Value {
        let start = index
        var position = start
        let isNegative = base[position] == Byte.minus
        if isNegative {
            position += 1
            guard position < count, JSONReader.isDigit(base[position]) else {
                throw .minusWithoutDigits(column: start + 1)
            }
        }

        // Digits wrap silently past 19; `digitCount` says whether `magnitude` can be trusted
        // (19 nines are below 2^64).
        var magnitude: UInt64 = 0
        let integerStart = position
        if base[position] == Byte.zero {
            position += 1
            if position < count && JSONReader.isDigit(base[position]) { throw .leadingZero(column: integerStart + 1) }
        } else {
            position = accumulateDigits(from: position, into: &magnitude)
        }
        var digitCount = position - integerStart

        var fractionDigits = 0
        if position < count && base[position] == Byte.dot {
            let fractionStart = position + 1
            position = accumulateDigits(from: fractionStart, into: &magnitude)
            fractionDigits = position - fractionStart
            guard fractionDigits > 0 else { throw .fractionWithoutDigits(column: fractionStart + 1) }
            digitCount += fractionDigits
        }

        var hasExponent = false
        if position < count && base[position] | 0x20 == UInt8(ascii: "e") {
            hasExponent = true
            position += 1
            if position < count && (base[position] == Byte.plus || base[position] == Byte.minus) { position += 1 }
            let exponentStart = position
            while position < count && JSONReader.isDigit(base[position]) { position += 1 }
            guard position > exponentStart else { throw .exponentWithoutDigits(column: position + 1) }
        }
        index = position

        if !hasExponent && digitCount <= 19 {
            if fractionDigits == 0 {
                if !isNegative && magnitude <= UInt64(Int64.max) { return .int(Int64(magnitude)) }
                if isNegative && magnitude <= Int64.min.magnitude { return .int(Int64(bitPattern: 0 &- magnitude)) }
            } else {
                let significand = Int128(magnitude)
                return .decimal(ExactDecimal(significand: isNegative ? -significand : significand, scale: fractionDigits))
            }
        }
        return JSONReader.wideNumber(UnsafeBufferPointer(start: base + start, count: position - start))
    }

    /// Adds the digits from `start` to `magnitude`; returns the index after the last digit.
    @inline(__always)
    private func accumulateDigits(from start: Int, into magnitude: inout UInt64) -> Int {
        var position = start
        while position < count {
            let digit = base[position] &- Byte.zero
            guard digit < 10 else { break }
            magnitude = magnitude &* 10 &+ UInt64(digit)
            position += 1
        }
        return position
    }
}

extension JSONReader {
    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- Byte.zero < 10 }

    /// A number already checked against the grammar that the 19-digit fast path cannot take.
    @inline(never)
    static func wideNumber(_ text: UnsafeBufferPointer<UInt8>) -> Value {
        if let decimal = ExactDecimal.parse(text, allowLeadingDot: false) { return .decimal(decimal) }
        // Grammatical JSON is always accepted by Double's parser; out-of-range magnitudes
        // come back as ±infinity or zero, which the engine refuses as amounts anyway.
        let double = Double(String(decoding: text, as: UTF8.self)) ?? (text.first == Byte.minus ? -.infinity : .infinity)
        return .double(double)
    }
}

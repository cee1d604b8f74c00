/// Writing decimals as text: plain positional notation that keeps the scale.
extension ExactDecimal {
    /// The value with exactly `scale` fractional digits and never exponent notation:
    /// `"128.50"`, `"-0.0045"`, `"1000"`, `"0.0"`. Output that a person or a JSON reader sees
    /// must show money the way it was given.
    public var description: String {
        let layout = FormatLayout(self)
        return String(unsafeUninitializedCapacity: layout.length) { buffer in
            layout.fill(UnsafeMutableBufferPointer(rebasing: buffer[0..<layout.length]))
            return layout.length
        }
    }

    /// Appends the UTF-8 bytes of `description` to `buffer` without creating a `String`
    /// (the output path writes millions of these a second).
    public func write(to buffer: inout [UInt8]) {
        let layout = FormatLayout(self)
        // Formatted on the stack, then one bulk copy: cheaper than growing the array by
        // placeholder bytes and filling them through its uniqueness check. 41 bytes is the
        // longest possible text: sign, 39 digits (2^127 - 1), point.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { scratch in
            let text = UnsafeMutableBufferPointer(rebasing: scratch[0..<layout.length])
            layout.fill(text)
            buffer.append(contentsOf: UnsafeBufferPointer(text))
        }
    }
}

/// How a value is printed: its digits split into two 64-bit halves (so each digit costs a
/// hardware division, not a 128-bit one) and the length of the text.
private struct FormatLayout {
    let negative: Bool
    let scale: Int
    /// The lowest 19 digits when `high != 0`, else the whole magnitude.
    let low: UInt64
    /// The digits above the lowest 19. The magnitude is below 2^127 < 10^19 · 2^64, so they fit.
    let high: UInt64
    /// Digit positions printed: all significant digits, and at least one before the point.
    let digitPositions: Int
    let length: Int

    init(_ value: ExactDecimal) {
        negative = value.isNegative
        scale = value.scale
        let magnitude = value.significand.magnitude
        var digits: Int
        if magnitude <= UInt128(UInt64.max) {
            high = 0
            low = UInt64(magnitude)
            digits = FormatLayout.digitCount(low)
        } else {
            let (upper, lower) = magnitude.quotientAndRemainder(dividingBy: ExactDecimal.powersOfTen[19])
            high = UInt64(upper)
            low = UInt64(lower)
            digits = 19 + FormatLayout.digitCount(high)
        }
        digitPositions = max(digits, scale + 1)
        length = (negative ? 1 : 0) + digitPositions + (scale > 0 ? 1 : 0)
    }

    /// Writes the text into `output`, which is exactly `length` bytes, from the last digit back.
    func fill(_ output: UnsafeMutableBufferPointer<UInt8>) {
        var position = output.count - 1
        var low = self.low
        var high = self.high
        // Once the low half is used up (19 digits when there is a high half), digits come from high.
        var lowDigitsLeft = high == 0 ? Int.max : 19
        for place in 0..<digitPositions {
            if place == scale && scale > 0 {
                output[position] = UInt8(ascii: ".")
                position -= 1
            }
            let digit: UInt64
            if lowDigitsLeft > 0 {
                digit = low % 10
                low /= 10
                lowDigitsLeft -= 1
            } else {
                digit = high % 10
                high /= 10
            }
            output[position] = UInt8(truncatingIfNeeded: digit) &+ UInt8(ascii: "0")
            position -= 1
        }
        if negative { output[position] = UInt8(ascii: "-") }
    }

    /// Decimal digits in `value`, at least 1 (zero prints as "0").
    static func digitCount(_ value: UInt64) -> Int {
        var count = 1
        var threshold: UInt64 = 10
        while value >= threshold {
            count += 1
            if count == 20 { break }  // 10^20 does not fit in UInt64
            threshold &*= 10
        }
        return count
    }
}

import RuleLanguage

/// Integers and exact decimals as JSON numbers, digit by digit into the buffer.
extension OutputBuffer {
    /// Appends the decimal digits of `value`.
    public func appendInt(_ value: Int64) {
        // 19 digits and a sign at most.
        withUnsafeSpace(20) { output in
            let sign = value < 0 ? 1 : 0
            if sign == 1 { output[0] = UInt8(ascii: "-") }
            let digits = OutputBuffer.digitCount(value.magnitude)
            OutputBuffer.writeDigits(value.magnitude, count: digits, at: output + sign)
            return sign + digits
        }
    }

    /// Appends `value` exactly, with its scale: `128.50`, never `128.5` or `1.285e2`.
    ///
    /// The same text as `ExactDecimal.description`. Significands that fit 64 bits (every
    /// price and point amount) are written here directly; wider ones go through
    /// `ExactDecimal.write(to:)`.
    public func appendDecimal(_ value: ExactDecimal) {
        guard let small = Int64(exactly: value.significand) else {
            scratch.removeAll(keepingCapacity: true)
            value.write(to: &scratch)
            scratch.withUnsafeBytes { append($0) }
            return
        }
        let scale = value.scale
        guard scale > 0 else {
            appendInt(small)
            return
        }
        // Sign, up to 39 digits (scale 38 plus the leading zero), point.
        withUnsafeSpace(41) { output in
            let sign = small < 0 ? 1 : 0
            if sign == 1 { output[0] = UInt8(ascii: "-") }
            let magnitude = small.magnitude
            // At least one digit before the point: 0.05 has digits "005".
            let digits = max(OutputBuffer.digitCount(magnitude), scale + 1)
            let length = sign + digits + 1
            let integerDigits = digits - scale
            let point = output + sign + integerDigits
            // The fraction first: its digits are the low ones.
            OutputBuffer.writeDigits(magnitude, count: scale, at: point + 1)
            point[0] = UInt8(ascii: ".")
            // A 64-bit magnitude has fewer than 20 digits, so from scale 20 on all are fraction.
            let integerPart = scale < 20 ? magnitude / OutputBuffer.powersOfTen[scale] : 0
            OutputBuffer.writeDigits(integerPart, count: integerDigits, at: output + sign)
            return length
        }
    }

    /// 10^0 through 10^19, every power of ten a `UInt64` holds.
    static let powersOfTen: [UInt64] = (0..<20).map { exponent in
        (0..<exponent).reduce(1) { power, _ in power * 10 }
    }

    /// Decimal digits in `value`, at least 1.
    @inline(__always)
    static func digitCount(_ value: UInt64) -> Int {
        var count = 1
        var threshold: UInt64 = 10
        while value >= threshold {
            count += 1
            // 10^19 is the last power of ten below 2^64.
            guard count < 20 else { break }
            threshold &*= 10
        }
        return count
    }

    /// Writes the lowest `count` digits of `value`, zero-padded, into the `count` bytes at
    /// `start`.
    @inline(__always)
    static func writeDigits(_ value: UInt64, count: Int, at start: UnsafeMutablePointer<UInt8>) {
        var rest = value
        var position = count
        while position > 0 {
            position -= 1
            start[position] = UInt8(truncatingIfNeeded: rest % 10) &+ UInt8(ascii: "0")
            rest /= 10
        }
    }
}

/// Exact `+ - *` and negation, and rounding to `Int64`.
///
/// Each operation has an inlinable fast path for the everyday case (same scale, or 64-bit
/// significands: a handful of integer instructions) and an out-of-line slow path that is exact
/// in every case, falling back to 256-bit intermediates before it gives up with `.overflow`.
extension ExactDecimal {
    /// `self + other`, exact. The result has the larger of the two scales:
    /// `1.5 + 2.25 == 3.75`, `10.00 + 1 == 11.00`. Only when the sum would not fit at that
    /// scale are trailing zeros dropped (the value stays exact); if it still does not fit,
    /// `.overflow`.
    @inlinable
    public func adding(_ other: ExactDecimal) throws(DecimalError) -> ExactDecimal {
        if rawScale == other.rawScale {
            let (sum, overflow) = significand.addingReportingOverflow(other.significand)
            if !overflow && sum != .min { return ExactDecimal(unchecked: sum, scale: scale) }
        }
        return try ExactDecimal.sum(significand, scale, other.significand, other.scale)
    }

    /// `self - other`, exact, with the same scale rule as `adding(_:)`.
    @inlinable
    public func subtracting(_ other: ExactDecimal) throws(DecimalError) -> ExactDecimal {
        try adding(other.negated)
    }

    /// `self × other`, exact. The scale is the sum of the scales (`1.5 × 2.25 == 3.375`,
    /// `19.99 × 3 == 59.97`). If that exceeds `maxScale` or the product overflows, trailing zeros
    /// of the product are dropped to make it fit; if it still does not, `.overflow`.
    @inlinable
    public func multiplying(by other: ExactDecimal) throws(DecimalError) -> ExactDecimal {
        let scale = self.scale + other.scale
        if scale <= ExactDecimal.maxScale, let a = smallSignificand, let b = other.smallSignificand {
            // Two 64-bit factors: |product| ≤ 2^126, inside the significand range.
            return ExactDecimal(unchecked: Int128(a) &* Int128(b), scale: scale)
        }
        return try ExactDecimal.product(significand, self.scale, other.significand, other.scale)
    }

    /// `-self`, same scale. Cannot overflow: the significand range is symmetric.
    @inlinable
    public var negated: ExactDecimal { ExactDecimal(unchecked: 0 &- significand, scale: scale) }
}

// MARK: - Slow paths

extension ExactDecimal {
    /// Sum of values with different scales, or one that overflowed at a common scale.
    @usableFromInline
    static func sum(_ a: Int128, _ aScale: Int, _ b: Int128, _ bScale: Int) throws(DecimalError) -> ExactDecimal {
        // Usual case, e.g. `10.00 + 3`: rescale in 64-bit-friendly signed arithmetic and add.
        let scale = max(aScale, bScale)
        if let x = scaledUp(a, by: scale - aScale), let y = scaledUp(b, by: scale - bScale) {
            let (sum, overflow) = x.addingReportingOverflow(y)
            if !overflow && sum != .min { return ExactDecimal(unchecked: sum, scale: scale) }
        }
        if let result = try alignedSum(a, aScale, b, bScale) { return result }
        // Aligning the scales overflowed. The operand with more fractional digits may only have
        // trailing zeros there ("1.000000"): drop them and try once more.
        let a = strippingTrailingZeros(a, scale: aScale)
        let b = strippingTrailingZeros(b, scale: bScale)
        guard let result = try alignedSum(a.significand, a.scale, b.significand, b.scale) else {
            // Now the operand with the larger scale ends in a nonzero digit there, so the sum
            // does too, and the other operand is at least 2^128 units of that scale while the
            // first is below 2^127: the sum needs more than 127 bits at that scale. It does not fit.
            throw .overflow
        }
        // Stripping may have gone further than needed: give back as many zeros as fit, so the
        // result has the largest scale up to max(aScale, bScale) that holds it.
        var padding = max(aScale, bScale) - result.scale
        while padding > 0 {
            if let padded = scaledUp(result.significand, by: padding) {
                return ExactDecimal(unchecked: padded, scale: result.scale + padding)
            }
            padding -= 1
        }
        return result
    }

    /// Sums at the larger scale using unsigned magnitudes, which have one bit of headroom; nil
    /// when even that headroom cannot hold an operand at the common scale.
    static func alignedSum(_ a: Int128, _ aScale: Int, _ b: Int128, _ bScale: Int) throws(DecimalError) -> ExactDecimal? {
        let scale = max(aScale, bScale)
        guard let x = scaledUpMagnitude(a.magnitude, by: scale - aScale),
              let y = scaledUpMagnitude(b.magnitude, by: scale - bScale) else { return nil }
        let aNegative = a < 0
        let bNegative = b < 0
        if aNegative == bNegative {
            let (low, carry) = x.addingReportingOverflow(y)
            return try fitting(negative: aNegative, high: carry ? 1 : 0, low: low, scale: scale)
        }
        return x >= y
            ? try fitting(negative: aNegative, high: 0, low: x - y, scale: scale)
            : try fitting(negative: bNegative, high: 0, low: y - x, scale: scale)
    }

    /// Product that did not take the 64-bit fast path: a full 256-bit product, then fitted.
    @usableFromInline
    static func product(_ a: Int128, _ aScale: Int, _ b: Int128, _ bScale: Int) throws(DecimalError) -> ExactDecimal {
        let (high, low) = a.magnitude.multipliedFullWidth(by: b.magnitude)
        return try fitting(negative: (a < 0) != (b < 0), high: high, low: low, scale: aScale + bScale)
    }

    /// `magnitude × 10^n` if it fits in 128 unsigned bits.
    static func scaledUpMagnitude(_ magnitude: UInt128, by n: Int) -> UInt128? {
        if n == 0 || magnitude == 0 { return magnitude }
        guard n <= maxScale else { return nil }
        let (product, overflow) = magnitude.multipliedReportingOverflow(by: powersOfTen[n])
        return overflow ? nil : product
    }

    /// Builds `±(high · 2^128 + low) × 10^(-scale)`.
    ///
    /// With `floor` nil, trailing zeros are dropped only as far as needed to fit the significand
    /// and `maxScale` (results keep their natural scale whenever they can). With a `floor`,
    /// trailing zeros are first dropped down to that scale (division's canonical form).
    /// Throws `.overflow` when a nonzero digit would have to go.
    static func fitting(negative: Bool, high: UInt128, low: UInt128, scale: Int,
                        strippingDownTo floor: Int? = nil) throws(DecimalError) -> ExactDecimal {
        var high = high
        var low = low
        var scale = scale
        if high == 0 && low == 0 {
            return ExactDecimal(unchecked: 0, scale: max(0, min(scale, floor ?? scale, maxScale)))
        }
        if let floor {
            while scale > floor, let reduced = dividedByTen(high, low) {
                (high, low) = reduced
                scale -= 1
            }
        }
        while high != 0 || low > maxMagnitude || scale > maxScale {
            guard scale > 0, let reduced = dividedByTen(high, low) else { throw .overflow }
            (high, low) = reduced
            scale -= 1
        }
        let magnitude = Int128(low)
        return ExactDecimal(unchecked: negative ? -magnitude : magnitude, scale: scale)
    }

    /// `(high · 2^128 + low) / 10` when it divides exactly, else nil.
    static func dividedByTen(_ high: UInt128, _ low: UInt128) -> (UInt128, UInt128)? {
        if high == 0 {
            if low <= UInt128(UInt64.max) {
                // Hardware division: trailing-zero stripping after a division runs this a lot.
                let small = UInt64(low)
                return small % 10 == 0 ? (0, UInt128(small / 10)) : nil
            }
            let (quotient, remainder) = low.quotientAndRemainder(dividingBy: 10)
            return remainder == 0 ? (0, quotient) : nil
        }
        let (highQuotient, highRemainder) = high.quotientAndRemainder(dividingBy: 10)
        let (lowQuotient, remainder) = (10 as UInt128).dividingFullWidth((highRemainder, low))
        return remainder == 0 ? (highQuotient, lowQuotient) : nil
    }
}

// MARK: - Rounding to Int64

extension ExactDecimal {
    /// The largest integer not above the value (toward -∞): `floor(-2.5) == -3`.
    /// Nil when that does not fit `Int64`.
    public func floor() -> Int64? {
        let (quotient, remainder) = integerParts()
        return Int64(exactly: remainder < 0 ? quotient - 1 : quotient)
    }

    /// The smallest integer not below the value (toward +∞): `ceil(2.1) == 3`.
    /// Nil when that does not fit `Int64`.
    public func ceil() -> Int64? {
        let (quotient, remainder) = integerParts()
        return Int64(exactly: remainder > 0 ? quotient + 1 : quotient)
    }

    /// Rounds half up, meaning half away from zero as merchants expect of money:
    /// `2.5 → 3`, `-2.5 → -3`, `2.49 → 2`. Nil when the result does not fit `Int64`.
    public func rounded() -> Int64? {
        let (quotient, remainder) = integerParts()
        guard remainder != 0 else { return Int64(exactly: quotient) }
        // `2|r| ≥ 10^scale` without doubling, which could overflow at scale 38.
        let unit = ExactDecimal.powersOfTen[scale]
        let awayFromZero = remainder.magnitude >= unit - remainder.magnitude
        guard awayFromZero else { return Int64(exactly: quotient) }
        return Int64(exactly: remainder < 0 ? quotient - 1 : quotient + 1)
    }

    /// Drops the fraction (toward zero): `int(-7.9) == -7`. Nil when that does not fit `Int64`.
    public func truncated() -> Int64? {
        Int64(exactly: integerParts().quotient)
    }

    /// Integer part (toward zero) and the fractional remainder in units of `10^(-scale)`, with the
    /// significand's sign. ±1 on the quotient cannot overflow: a nonzero remainder means scale ≥ 1,
    /// so |quotient| < 2^127 / 10.
    func integerParts() -> (quotient: Int128, remainder: Int128) {
        if rawScale == 0 { return (significand, 0) }
        if scale <= 18, let small = smallSignificand {
            let (quotient, remainder) = small.quotientAndRemainder(dividingBy: Int64(ExactDecimal.powersOfTen[scale]))
            return (Int128(quotient), Int128(remainder))
        }
        return significand.quotientAndRemainder(dividingBy: ExactDecimal.pow10(scale))
    }
}

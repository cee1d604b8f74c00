/// Decimal division: the one operation that cannot always be exact, so it rounds once, at a
/// fixed and documented place.
extension ExactDecimal {
    /// Fractional digits a quotient is computed to, unless an operand has more.
    static let divisionPrecision = 18

    /// `self ÷ other`.
    ///
    /// The quotient is computed to `max(18, self.scale, other.scale)` fractional digits, rounded
    /// half away from zero at the last one, and then trailing zeros are removed, but never below
    /// `max(self.scale, other.scale)` digits, so money keeps its cents (unless the quotient only
    /// fits with fewer, as with `adding`):
    /// `10.00 / 4 == 2.50`, `7.5 / 2.5 == 3.0`, `1.0 / 3 == 0.333333333333333333`,
    /// `2 / 3 == 0.666666666666666667`.
    ///
    /// Computed by long division on the remainders, so no intermediate product can overflow;
    /// `.overflow` means the rounded quotient itself does not fit, `.divisionByZero` is what it says.
    public func dividing(by other: ExactDecimal) throws(DecimalError) -> ExactDecimal {
        guard !other.isZero else { throw .divisionByZero }
        let precision = max(ExactDecimal.divisionPrecision, scale, other.scale)
        let minimumScale = max(scale, other.scale)
        let divisor = other.significand.magnitude
        var division = LongDivision(dividend: significand.magnitude, divisor: divisor,
                                    scale: scale - other.scale)
        try division.run(toScale: precision, minimumScale: minimumScale)
        return try ExactDecimal.fitting(negative: isNegative != other.isNegative, high: 0,
                                        low: division.quotient, scale: division.scale,
                                        strippingDownTo: minimumScale)
    }
}

/// The state of a long division `dividend ÷ divisor`: a quotient (a count of units of
/// `10^(-scale)`; `scale` starts at `a.scale - b.scale` and may be negative) and the remainder
/// still to divide. Each step brings down up to 38 more digits with one 256-by-128-bit division.
private struct LongDivision {
    let divisor: UInt128
    var quotient: UInt128
    var remainder: UInt128
    var scale: Int

    init(dividend: UInt128, divisor: UInt128, scale: Int) {
        self.divisor = divisor
        (quotient, remainder) = dividend.quotientAndRemainder(dividingBy: divisor)
        self.scale = scale
    }

    /// The largest quotient that can take one more digit within 128 bits.
    static let largestBeforeOneMoreDigit = (UInt128.max - 9) / 10

    /// Extends the quotient to `precision` fractional digits and rounds it, or stops early when
    /// the division comes out even (then pads with zeros up to `minimumScale`).
    mutating func run(toScale precision: Int, minimumScale: Int) throws(DecimalError) {
        while scale < precision {
            if remainder == 0 {
                // Exact: later digits are all zero. Only the scale floor needs padding, and as
                // with `adding`, a quotient that fits only with fewer of those zeros keeps fewer;
                // integer digits (below scale 0) are never optional.
                var target = minimumScale
                while target > scale {
                    if let padded = ExactDecimal.scaledUpMagnitude(quotient, by: target - scale) {
                        quotient = padded
                        scale = target
                        break
                    }
                    guard target > 0 else { throw .overflow }
                    target -= 1
                }
                return
            }
            let step = min(precision - scale, room)
            if step == 0 { return try finishWithFullQuotient(precision: precision) }
            let digits = bringDown(step)
            // `room` keeps this within 128 bits.
            quotient = quotient * ExactDecimal.powersOfTen[step] + digits
            scale += step
        }
        if remainder != 0 && roundsUp {
            let (rounded, overflow) = quotient.addingReportingOverflow(1)
            guard !overflow else { throw .overflow }
            quotient = rounded
        }
    }

    /// How many more digits the quotient can take without leaving 128 bits.
    private var room: Int {
        let digits = ExactDecimal.digitCount(quotient)
        if digits < ExactDecimal.maxScale { return ExactDecimal.maxScale - digits }
        return quotient <= LongDivision.largestBeforeOneMoreDigit ? 1 : 0
    }

    /// The next `count` digits of the quotient (`count` ≤ 38), advancing the remainder.
    /// `remainder × 10^count` may need 256 bits; since remainder < divisor, the quotient of
    /// that by the divisor is below 10^count and the high half is below the divisor, as
    /// `dividingFullWidth` requires.
    private mutating func bringDown(_ count: Int) -> UInt128 {
        let widened = remainder.multipliedFullWidth(by: ExactDecimal.powersOfTen[count])
        let (digits, nextRemainder) = divisor.dividingFullWidth(widened)
        remainder = nextRemainder
        return digits
    }

    /// Round half away from zero: `remainder / divisor ≥ 1/2`, without doubling the remainder.
    private var roundsUp: Bool { remainder >= divisor - remainder }

    /// The quotient has filled 128 bits before reaching `precision`. The result can only fit if
    /// the remaining digits vanish after rounding: all zeros rounding down (keep the quotient) or
    /// all nines rounding up (quotient + 1). Anything else is a true overflow.
    private mutating func finishWithFullQuotient(precision: Int) throws(DecimalError) {
        // Quotient digits below scale 0 are integer digits that cannot be dropped.
        guard scale >= 0 else { throw .overflow }
        var tailScale = scale
        var allZeros = true
        var allNines = true
        while tailScale < precision {
            if remainder == 0 {
                allNines = false
                break
            }
            let step = min(precision - tailScale, ExactDecimal.maxScale)
            let digits = bringDown(step)
            allZeros = allZeros && digits == 0
            allNines = allNines && digits == ExactDecimal.powersOfTen[step] - 1
            tailScale += step
        }
        let roundUp = remainder != 0 && roundsUp
        if allZeros && !roundUp { return }
        guard allNines && roundUp else { throw .overflow }
        let (rounded, overflow) = quotient.addingReportingOverflow(1)
        guard !overflow else { throw .overflow }
        quotient = rounded
    }
}

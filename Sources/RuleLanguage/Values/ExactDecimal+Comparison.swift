/// Numeric equality, ordering and hashing across representations: `1.50 == 1.5`.
///
/// Two values with the same scale compare as integers. Otherwise the one with fewer fractional
/// digits is scaled up; if that overflows, its magnitude is beyond anything the other can
/// hold, so its sign decides. Nothing here can overflow or trap.
extension ExactDecimal {
    /// Numeric equality, whatever the scales: `1.50 == 1.5`, `0.0 == 0`.
    @inlinable
    public static func == (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        if lhs.rawScale == rhs.rawScale { return lhs.hi == rhs.hi && lhs.lo == rhs.lo }
        return compareValues(lhs.significand, lhs.scale, rhs.significand, rhs.scale) == 0
    }

    @inlinable
    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        if lhs.rawScale == rhs.rawScale { return lhs.significand < rhs.significand }
        return compareValues(lhs.significand, lhs.scale, rhs.significand, rhs.scale) < 0
    }

    /// Hashes the value, not the representation: trailing zeros are stripped first so that
    /// equal values (`1.50`, `1.5`) hash alike, as `Hashable` requires.
    public func hash(into hasher: inout Hasher) {
        let canonical = ExactDecimal.strippingTrailingZeros(significand, scale: scale)
        hasher.combine(canonical.significand)
        hasher.combine(canonical.scale)
    }

    /// -1, 0 or 1 as `self` is below, equal to or above `other`.
    @inlinable
    public func compare(_ other: ExactDecimal) -> Int {
        ExactDecimal.compareValues(significand, scale, other.significand, other.scale)
    }

    /// -1, 0 or 1 as `self` is below, equal to or above the integer, exactly (no conversion
    /// through `Double`, no overflow at `Int64.min`/`Int64.max`).
    @inlinable
    public func compare(to int: Int64) -> Int {
        ExactDecimal.compareValues(significand, scale, Int128(int), 0)
    }

    /// Compares `a × 10^(-aScale)` with `b × 10^(-bScale)`: -1, 0 or 1.
    @inlinable
    static func compareValues(_ a: Int128, _ aScale: Int, _ b: Int128, _ bScale: Int) -> Int {
        if aScale == bScale { return a < b ? -1 : (a == b ? 0 : 1) }
        if aScale < bScale {
            // Overflow means |a| at b's scale exceeds every significand, so |a| > |b|.
            guard let x = scaledUp(a, by: bScale - aScale) else { return a < 0 ? -1 : 1 }
            return x < b ? -1 : (x == b ? 0 : 1)
        }
        guard let y = scaledUp(b, by: aScale - bScale) else { return b < 0 ? 1 : -1 }
        return a < y ? -1 : (a == y ? 0 : 1)
    }

    /// Compares `a × 10^aExponent` with `b × 10^bExponent` for any exponents: -1, 0 or 1.
    static func compareMagnitudes(_ a: UInt128, exponent aExponent: Int,
                                  _ b: UInt128, exponent bExponent: Int) -> Int {
        if a == 0 || b == 0 { return a == b ? 0 : (a == 0 ? -1 : 1) }
        if aExponent == bExponent { return a < b ? -1 : (a == b ? 0 : 1) }
        if aExponent > bExponent {
            // Any nonzero a times 10^39 or more exceeds every UInt128.
            guard let x = scaledUpMagnitude(a, by: aExponent - bExponent) else { return 1 }
            return x < b ? -1 : (x == b ? 0 : 1)
        }
        guard let y = scaledUpMagnitude(b, by: bExponent - aExponent) else { return -1 }
        return a < y ? -1 : (a == y ? 0 : 1)
    }
}

// MARK: - Double

extension ExactDecimal {
    /// The nearest `Double`, correctly rounded.
    ///
    /// Small values take Clinger's fast path (an integer below 2^53 divided by an exact power of
    /// ten, one correctly rounded IEEE division); the rest go through the C library's `strtod`
    /// on `description`, which is correctly rounded for any length.
    public var doubleValue: Double {
        let magnitude = significand.magnitude
        if magnitude < 1 << 53 && scale <= 22 {
            let value = Double(UInt64(magnitude)) / ExactDecimal.exactDoublePowersOfTen[scale]
            return isNegative ? -value : value
        }
        // `description` is always valid `Double` syntax, so this cannot fail.
        return Double(description) ?? .nan
    }

    /// 10^0 through 10^22: every power of ten a `Double` holds exactly.
    private static let exactDoublePowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The decimal a person means by `double`: its shortest round-trip form (what Swift prints),
    /// so `0.1` becomes `0.1` and not `0.1000000000000000055511151231257827`. The scale is the
    /// fewest fractional digits that hold it (`1e-05` → `0.00001`, `100.0` → `100`); `-0.0` is 0.
    /// Nil for infinities and NaN, and when it needs more than 38 digits or fractional digits.
    public init?(exactly double: Double) {
        guard double.isFinite else { return nil }
        if double.magnitude < 0x1p53 && Double(Int64(double)) == double {
            // Integers below 2^53 print exactly, so their shortest form is the integer itself.
            // (Tested by converting to Int64, not with `rounded()`, which needs libm's `trunc`.)
            self.init(Int64(double))
            return
        }
        guard let digits = ExactDecimal.shortestDigits(of: double),
              let value = ExactDecimal.fitted(digits) else { return nil }
        let canonical = ExactDecimal.strippingTrailingZeros(value.significand, scale: value.scale)
        self.init(unchecked: canonical.significand, scale: canonical.scale)
    }

    /// -1, 0 or 1 comparing with the shortest round-trip decimal of `double` (the same value
    /// `init(exactly:)` takes), so `ExactDecimal("0.1")` equals the double `0.1`. Works for
    /// doubles of any size, including those `init(exactly:)` rejects; infinities compare beyond
    /// every decimal; nil for NaN, which is unordered.
    public func compare(to double: Double) -> Int? {
        if double.isNaN { return nil }
        let sign = isZero ? 0 : (isNegative ? -1 : 1)
        if double == 0 { return sign }
        let doubleSign = double < 0 ? -1 : 1
        if sign != doubleSign { return sign < doubleSign ? -1 : 1 }
        if double.isInfinite { return -doubleSign }
        if double.magnitude < 0x1p53 && Double(Int64(double)) == double {
            return compare(to: Int64(double))
        }
        guard let digits = ExactDecimal.shortestDigits(of: double) else { return nil }
        let magnitudeOrder = ExactDecimal.compareMagnitudes(significand.magnitude, exponent: -scale,
                                                            digits.magnitude, exponent: digits.exponent)
        return sign < 0 ? -magnitudeOrder : magnitudeOrder
    }

    /// The digits of Swift's shortest round-trip rendering of a finite double (`"0.1"`,
    /// `"1e-05"`, `"1.7976931348623157e+308"`); at most 17 digits, so scanning cannot fail.
    private static func shortestDigits(of double: Double) -> ScannedDecimal? {
        var text = double.description
        return text.withUTF8 { scan($0, celDialect: true) }
    }
}

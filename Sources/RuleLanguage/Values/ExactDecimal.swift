/// What can go wrong in `ExactDecimal` arithmetic. Both are reported, never papered over:
/// a rule that silently drops a digit of money is worse than one that fails loudly.
public enum DecimalError: Error, Sendable, Equatable {
    /// The exact result needs more digits than the 128-bit significand (or `maxScale`) holds.
    case overflow
    /// The divisor was zero.
    case divisionByZero
}

/// An exact base-10 number: significand × 10^(-scale).
///
/// Money must never pass through binary floating point: `0.1 + 0.2` has to be `0.3`, and a
/// price written `128.50` has to print as `128.50`. So the value keeps the scale it was written
/// with (trailing zeros matter for display, not for equality: `1.50 == 1.5`), and every
/// operation is either exact or throws.
///
/// Storage is two 64-bit words and a one-byte scale rather than an `Int128` stored property:
/// `Int128` is 16-byte aligned, which would round every enum payload holding an `ExactDecimal`
/// up to 32 bytes. Two words plus a byte is 17 bytes at 8-byte alignment, so a value enum with
/// a decimal case stays at 24 bytes.
///
/// The significand always lies in `-(2^127 - 1)...(2^127 - 1)`: `Int128.min` is excluded so that
/// negation and absolute value can never overflow.
public struct ExactDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Most fractional digits kept. 38 because that is what the significand can always hold:
    /// 10^38 < 2^127, so every 38-digit number fits.
    public static let maxScale = 38

    /// High word of the two's-complement significand (carries the sign).
    @usableFromInline let hi: Int64
    /// Low word of the significand.
    @usableFromInline let lo: UInt64
    /// Fractional digits, `0...maxScale`.
    @usableFromInline let rawScale: UInt8

    /// Builds a value whose invariants the caller has already established (significand not
    /// `Int128.min`, scale in `0...maxScale`); the arithmetic uses this to skip re-checking.
    @inlinable
    init(unchecked significand: Int128, scale: Int) {
        hi = Int64(truncatingIfNeeded: significand >> 64)
        lo = UInt64(truncatingIfNeeded: significand)
        rawScale = UInt8(truncatingIfNeeded: scale)
    }

    /// The number `significand × 10^(-scale)`.
    /// - Precondition: `scale` is in `0...maxScale` and `significand` is not `Int128.min`.
    @inlinable
    public init(significand: Int128, scale: Int) {
        precondition(scale >= 0 && scale <= ExactDecimal.maxScale, "ExactDecimal scale \(scale) outside 0...38")
        precondition(significand != .min, "ExactDecimal significand Int128.min is outside the symmetric range")
        self.init(unchecked: significand, scale: scale)
    }

    /// The integer `value`, with scale 0.
    @inlinable
    public init(_ value: Int64) {
        self.init(unchecked: Int128(value), scale: 0)
    }

    /// The digits as an integer; the value is `significand × 10^(-scale)`.
    @inlinable
    public var significand: Int128 { Int128(hi) << 64 | Int128(lo) }

    /// How many digits follow the decimal point, as written or as produced by arithmetic.
    @inlinable
    public var scale: Int { Int(rawScale) }

    @inlinable
    public var isZero: Bool { hi == 0 && lo == 0 }

    @inlinable
    public var isNegative: Bool { hi < 0 }

    /// The significand when it fits in 64 bits. The hot paths branch on this: 64 × 64-bit
    /// products and 64-bit divisions are single instructions, their 128-bit forms are not.
    @inlinable
    var smallSignificand: Int64? {
        let low = Int64(bitPattern: lo)
        return hi == low >> 63 ? low : nil
    }
}

// MARK: - Shared helpers

extension ExactDecimal {
    /// The largest significand magnitude, 2^127 - 1.
    @usableFromInline static let maxMagnitude = UInt128(Int128.max)

    /// 10^0 through 10^38, every power that fits the significand. A literal table, so it is laid
    /// out at compile time rather than computed on first use.
    @usableFromInline static let powersOfTen: [UInt128] = [
        1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000,
        10000000000, 100000000000, 1000000000000, 10000000000000, 100000000000000,
        1000000000000000, 10000000000000000, 100000000000000000, 1000000000000000000,
        10000000000000000000,
        100000000000000000000,
        1000000000000000000000,
        10000000000000000000000,
        100000000000000000000000,
        1000000000000000000000000,
        10000000000000000000000000,
        100000000000000000000000000,
        1000000000000000000000000000,
        10000000000000000000000000000,
        100000000000000000000000000000,
        1000000000000000000000000000000,
        10000000000000000000000000000000,
        100000000000000000000000000000000,
        1000000000000000000000000000000000,
        10000000000000000000000000000000000,
        100000000000000000000000000000000000,
        1000000000000000000000000000000000000,
        10000000000000000000000000000000000000,
        100000000000000000000000000000000000000,
    ]

    /// 10^n as a signed significand, for `n` in `0...38`.
    @inlinable
    static func pow10(_ n: Int) -> Int128 { Int128(truncatingIfNeeded: powersOfTen[n]) }

    /// `value × 10^n`, or nil when that leaves the significand range. Used to bring two values to
    /// a common scale.
    @inlinable
    static func scaledUp(_ value: Int128, by n: Int) -> Int128? {
        if n == 0 || value == 0 { return value }
        if n <= 18, let small = Int64(exactly: value) {
            // |small| ≤ 2^63 and 10^18 < 2^60, so the product is below 2^123: no check needed.
            return Int128(small) &* pow10(n)
        }
        guard n <= maxScale else { return nil }
        let (product, overflow) = value.multipliedReportingOverflow(by: pow10(n))
        return overflow || product == .min ? nil : product
    }

    /// The same value with trailing fractional zeros removed (the smallest scale that holds it).
    /// Hashing and `init(exactly:)` use it as the canonical form.
    static func strippingTrailingZeros(_ significand: Int128, scale: Int) -> (significand: Int128, scale: Int) {
        if significand == 0 { return (0, 0) }
        var scale = scale
        if var small = Int64(exactly: significand) {
            while scale > 0 && small % 10 == 0 { small /= 10; scale -= 1 }
            return (Int128(small), scale)
        }
        var value = significand
        while scale > 0 {
            let (quotient, remainder) = value.quotientAndRemainder(dividingBy: 10)
            if remainder != 0 { break }
            value = quotient
            scale -= 1
        }
        return (value, scale)
    }

    /// Number of decimal digits in `value` (0 for zero): the index of the first power of ten above it.
    static func digitCount(_ value: UInt128) -> Int {
        var count = 0
        while count <= maxScale && value >= powersOfTen[count] { count += 1 }
        return count
    }
}

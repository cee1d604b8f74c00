/// A signed span of time in nanoseconds: CEL's `duration`, whose range is what fits in
/// Int64 nanoseconds (about ±292 years). Every operation that could leave that range
/// returns `nil`, which the evaluator turns into a CEL overflow error.
public struct TimeSpan: Sendable, Hashable, Comparable {
    public let nanoseconds: Int64

    public init(nanoseconds: Int64) {
        self.nanoseconds = nanoseconds
    }

    public static let zero = TimeSpan(nanoseconds: 0)

    static let nanosPerSecond: Int64 = 1_000_000_000
    static let nanosPerMinute: Int64 = 60_000_000_000
    static let nanosPerHour: Int64 = 3_600_000_000_000

    /// `s` seconds; `nil` when that overflows Int64 nanoseconds (beyond about ±292 years).
    public static func seconds(_ s: Int64) -> TimeSpan? {
        scaled(s, by: nanosPerSecond)
    }

    /// `d` days of exactly 86 400 seconds (an elapsed span, not a calendar step across a
    /// DST change); `nil` on overflow.
    public static func days(_ d: Int64) -> TimeSpan? {
        scaled(d, by: 86_400 * nanosPerSecond)
    }

    private static func scaled(_ count: Int64, by unit: Int64) -> TimeSpan? {
        let (ns, overflow) = count.multipliedReportingOverflow(by: unit)
        return overflow ? nil : TimeSpan(nanoseconds: ns)
    }

    public static func < (a: TimeSpan, b: TimeSpan) -> Bool {
        a.nanoseconds < b.nanoseconds
    }

    // MARK: Arithmetic

    /// `self + other`; `nil` on overflow (CEL: "200000000000s + 200000000000s" is an error).
    public func adding(_ other: TimeSpan) -> TimeSpan? {
        let (ns, overflow) = nanoseconds.addingReportingOverflow(other.nanoseconds)
        return overflow ? nil : TimeSpan(nanoseconds: ns)
    }

    /// `self - other`; `nil` on overflow.
    public func subtracting(_ other: TimeSpan) -> TimeSpan? {
        let (ns, overflow) = nanoseconds.subtractingReportingOverflow(other.nanoseconds)
        return overflow ? nil : TimeSpan(nanoseconds: ns)
    }

    /// `-self`; `nil` only for the most negative span, whose negation does not fit.
    public var negated: TimeSpan? {
        let (ns, overflow) = Int64(0).subtractingReportingOverflow(nanoseconds)
        return overflow ? nil : TimeSpan(nanoseconds: ns)
    }

    // MARK: CEL getters

    /// Whole hours, truncated toward zero (`getHours()`): "10000s" → 2.
    public var totalHours: Int64 { nanoseconds / TimeSpan.nanosPerHour }
    /// Whole minutes, truncated toward zero (`getMinutes()`): "3730s" → 62.
    public var totalMinutes: Int64 { nanoseconds / TimeSpan.nanosPerMinute }
    /// Whole seconds, truncated toward zero (`getSeconds()`).
    public var totalSeconds: Int64 { nanoseconds / TimeSpan.nanosPerSecond }
    /// Only the millisecond part of the fraction (`getMilliseconds()`): "123.321456789s" →
    /// 321. Negative for negative spans, as in cel-go (Go's `%` keeps the dividend's sign,
    /// and so does Swift's).
    public var millisecondsPart: Int64 { nanoseconds / 1_000_000 % 1000 }
}

extension TimeSpan {
    // MARK: CEL strings

    /// Parses CEL (Go `time.ParseDuration`) duration text: an optional sign, then one or
    /// more `<decimal><unit>` pairs with units h, m, s, ms, us (also µs/μs, as Go accepts),
    /// ns — "1h30m", "-1.5s", "123.321456789s", "2h45m3.5s", ".5s" — or a bare "0".
    /// There is no day unit. `nil` on a syntax error or when the value does not fit Int64
    /// nanoseconds ("320000000000s").
    ///
    /// Exact: digits are accumulated as integers and each pair's fraction is scaled by long
    /// multiplication, never through `Double`, so "0.1s" is exactly 100 000 000 ns. As in
    /// Go, each pair's fraction below a nanosecond is truncated toward zero.
    public init?(celString: String) {
        var text = celString
        guard let ns = text.withUTF8(TimeSpan.parseCEL) else { return nil }
        self.init(nanoseconds: ns)
    }

    /// CEL's output form: signed seconds with a fraction only when non-zero, trailing zeros
    /// dropped — "1000000s", "1.5s", "-0.000000001s", "0s".
    public var celString: String {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(24)
        write(to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Appends `celString` as UTF-8 bytes, for writers that build output in a byte buffer.
    public func write(to buffer: inout [UInt8]) {
        if nanoseconds < 0 { buffer.append(UInt8(ascii: "-")) }
        // `magnitude` is unsigned, so Int64.min needs no special case.
        let magnitude = nanoseconds.magnitude
        let whole = magnitude / UInt64(TimeSpan.nanosPerSecond)
        var width = 1
        var limit: UInt64 = 10
        while whole >= limit, width < 19 {
            width += 1
            limit = limit &* 10
        }
        var divisor: UInt64 = 1
        for _ in 1..<width { divisor *= 10 }
        while divisor > 0 {
            buffer.append(UInt8(48 + whole / divisor % 10))
            divisor /= 10
        }
        Instant.appendFraction(Int(magnitude % UInt64(TimeSpan.nanosPerSecond)), to: &buffer)
        buffer.append(UInt8(ascii: "s"))
    }

    /// The parser behind `init?(celString:)`, on bytes so it does not allocate.
    static func parseCEL(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var index = 0
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        // Go accepts a unitless zero (and only zero) as a special case.
        if bytes.count - index == 1, bytes[index] == UInt8(ascii: "0") { return 0 }
        guard index < bytes.count else { return nil }

        // Accumulate the magnitude unsigned so "-9223372036854775808ns" is representable.
        let limit: UInt64 = negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)
        var total: UInt64 = 0
        while index < bytes.count {
            // Whole part.
            let wholeStart = index
            var whole: UInt64 = 0
            while index < bytes.count, bytes[index] &- 48 <= 9 {
                let (times10, o1) = whole.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(UInt64(bytes[index] &- 48))
                guard !o1, !o2 else { return nil }
                whole = sum
                index += 1
            }
            let hasWhole = index > wholeStart

            // Fraction: remember where its digits are; they are scaled once the unit is known.
            var fractionStart = index
            var fractionEnd = index
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                fractionStart = index
                while index < bytes.count, bytes[index] &- 48 <= 9 { index += 1 }
                fractionEnd = index
            }
            guard hasWhole || fractionEnd > fractionStart else { return nil }

            // Unit: everything up to the next number, which must be a known unit exactly.
            let unitStart = index
            while index < bytes.count, bytes[index] &- 48 > 9, bytes[index] != UInt8(ascii: ".") {
                index += 1
            }
            guard let unit = unitNanoseconds(bytes, unitStart, index) else { return nil }

            let (wholeNanos, overflow) = whole.multipliedReportingOverflow(by: unit)
            guard !overflow, wholeNanos <= limit else { return nil }
            // floor(0.d1d2...dk × unit) exactly, by long multiplication from the last digit:
            // floor((d·unit + floor(tail))/10) == floor((d·unit + tail)/10), and the carry
            // stays below `unit`, so UInt64 never overflows.
            var carry: UInt64 = 0
            var digit = fractionEnd
            while digit > fractionStart {
                digit -= 1
                carry = (UInt64(bytes[digit] &- 48) * unit + carry) / 10
            }
            let (sum, o) = total.addingReportingOverflow(wholeNanos + carry)
            guard !o, sum <= limit else { return nil }
            total = sum
        }
        return negative ? Int64(bitPattern: 0 &- total) : Int64(total)
    }

    /// Nanoseconds per unit for the unit text in `bytes[start..<end]`, or `nil`.
    private static func unitNanoseconds(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64? {
        let count = end - start
        guard count >= 1 else { return nil }
        let first = bytes[start]
        if count == 1 {
            switch first {
            case UInt8(ascii: "h"): return 3_600_000_000_000
            case UInt8(ascii: "m"): return 60_000_000_000
            case UInt8(ascii: "s"): return 1_000_000_000
            default: return nil
            }
        }
        guard bytes[end - 1] == UInt8(ascii: "s") else { return nil }
        if count == 2 {
            switch first {
            case UInt8(ascii: "m"): return 1_000_000
            case UInt8(ascii: "u"): return 1000
            case UInt8(ascii: "n"): return 1
            default: return nil
            }
        }
        // "µs" (U+00B5 MICRO SIGN) and "μs" (U+03BC GREEK SMALL LETTER MU), as Go accepts.
        if count == 3 {
            let lead = bytes[start], trail = bytes[start + 1]
            if (lead == 0xC2 && trail == 0xB5) || (lead == 0xCE && trail == 0xBC) { return 1000 }
        }
        return nil
    }
}

extension TimeSpan: CustomStringConvertible {
    /// The CEL text, so test failures and debug output read as durations.
    public var description: String { celString }
}

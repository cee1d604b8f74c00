/// A point in time: whole seconds since the Unix epoch plus nanoseconds, within CEL's
/// timestamp range 0001-01-01T00:00:00Z ... 9999-12-31T23:59:59.999999999Z.
///
/// The range is an invariant of the type: every initialiser and every arithmetic
/// operation returns `nil` rather than produce an instant outside it, so a value in hand
/// is always printable as a four-digit-year RFC 3339 timestamp in UTC (which is what CEL
/// requires of `timestamp` values).
public struct Instant: Sendable, Hashable, Comparable {
    /// Unix seconds, rounded toward negative infinity (so `nanoseconds` is never negative,
    /// even before 1970).
    public let seconds: Int64
    /// The fraction of the second, `0..<1_000_000_000`.
    public let nanoseconds: Int32

    /// 0001-01-01T00:00:00Z, the earliest timestamp CEL allows.
    public static let minimum = Instant(unchecked: minimumSeconds, 0)
    /// 9999-12-31T23:59:59.999999999Z, the latest timestamp CEL allows.
    public static let maximum = Instant(unchecked: maximumSeconds, 999_999_999)

    /// Unix seconds of 0001-01-01T00:00:00Z.
    static let minimumSeconds: Int64 = -62_135_596_800
    /// Unix seconds of 9999-12-31T23:59:59Z.
    static let maximumSeconds: Int64 = 253_402_300_799
    static let nanosPerSecond: Int64 = 1_000_000_000

    /// Returns `nil` when the instant is outside CEL's range or `nanoseconds` is not in
    /// `0..<1_000_000_000`. Out-of-range nanoseconds are rejected rather than carried into
    /// the seconds, because a caller passing them almost certainly mixed up units.
    public init?(seconds: Int64, nanoseconds: Int32 = 0) {
        guard nanoseconds >= 0, Int64(nanoseconds) < Instant.nanosPerSecond,
              seconds >= Instant.minimumSeconds, seconds <= Instant.maximumSeconds
        else { return nil }
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    /// For values already known to be valid (constants, and results just range-checked).
    init(unchecked seconds: Int64, _ nanoseconds: Int32) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    /// Builds an instant from seconds and a nanosecond adjustment that may be negative or
    /// exceed a second, normalising the pair and range-checking the result. `seconds` must be
    /// small enough that adding a few seconds cannot overflow, which holds for every caller
    /// (they start from in-range instants and spans of at most ±2^63 ns, about ±9.2e9 s).
    static func normalising(seconds: Int64, nanoseconds: Int64) -> Instant? {
        var s = seconds + nanoseconds / nanosPerSecond
        var n = nanoseconds % nanosPerSecond
        if n < 0 {
            n += nanosPerSecond
            s -= 1
        }
        return Instant(seconds: s, nanoseconds: Int32(n))
    }

    public static func < (a: Instant, b: Instant) -> Bool {
        a.seconds != b.seconds ? a.seconds < b.seconds : a.nanoseconds < b.nanoseconds
    }

    // MARK: Arithmetic

    /// `self + span`; `nil` when the result leaves CEL's range.
    public func adding(_ span: TimeSpan) -> Instant? {
        // Split the span into whole seconds and a remainder (both truncated toward zero) so
        // no intermediate can overflow: |span| / 1e9 is at most ~9.2e9 seconds.
        let ns = span.nanoseconds
        return Instant.normalising(
            seconds: seconds + ns / Instant.nanosPerSecond,
            nanoseconds: Int64(nanoseconds) + ns % Instant.nanosPerSecond)
    }

    /// `self - span`; `nil` when the result leaves CEL's range. Works for
    /// `TimeSpan(nanoseconds: .min)` too, because the span is never negated as a whole.
    public func subtracting(_ span: TimeSpan) -> Instant? {
        let ns = span.nanoseconds
        return Instant.normalising(
            seconds: seconds - ns / Instant.nanosPerSecond,
            nanoseconds: Int64(nanoseconds) - ns % Instant.nanosPerSecond)
    }

    /// `self - other` as a span; `nil` when the difference does not fit in Int64
    /// nanoseconds (about ±292 years), as CEL requires for timestamp subtraction.
    public func span(since other: Instant) -> TimeSpan? {
        // Both second counts are within ±2.6e11, so their difference cannot overflow;
        // only the scaling to nanoseconds can. Give the nanosecond difference the same sign
        // as the seconds first, so the scaled seconds never exceed the result: otherwise a
        // span of exactly Int64.min ns would overflow on the way.
        var wholeSeconds = seconds - other.seconds
        var nanos = Int64(nanoseconds) - Int64(other.nanoseconds)
        if wholeSeconds < 0, nanos > 0 {
            wholeSeconds += 1
            nanos -= Instant.nanosPerSecond
        } else if wholeSeconds > 0, nanos < 0 {
            wholeSeconds -= 1
            nanos += Instant.nanosPerSecond
        }
        let (scaled, overflow1) = wholeSeconds.multipliedReportingOverflow(by: Instant.nanosPerSecond)
        let (total, overflow2) = scaled.addingReportingOverflow(nanos)
        guard !overflow1, !overflow2 else { return nil }
        return TimeSpan(nanoseconds: total)
    }

    // MARK: Calendar

    /// The local calendar reading of this instant in `zone`. For UTC and fixed offsets
    /// this is pure integer arithmetic with no allocation, since rules ask it per event
    /// ("is it the 18th in +08:00?"). The local year may be 0 or 10000 when an offset
    /// pushes an extreme instant across the range boundary; the arithmetic still holds.
    public func civil(in zone: TimeZoneRule) -> CivilDateTime {
        let offset = zone.offsetSeconds(at: self)
        return CivilDateTime(localSeconds: seconds + Int64(offset),
                             nanosecond: Int(nanoseconds),
                             offsetSeconds: offset)
    }
}

extension Instant: CustomStringConvertible {
    /// The RFC 3339 text, so test failures and debug output read as timestamps.
    public var description: String { rfc3339 }
}

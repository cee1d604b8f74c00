/// RFC 3339 text for instants: the form CEL's `timestamp()` accepts and `string()` produces,
/// and the form timestamps take in event JSON.
extension Instant {
    // MARK: Parsing

    /// Parses RFC 3339 with a required offset: "2026-01-01T10:00:00+08:00",
    /// "2009-02-13T23:31:30Z", "2009-02-13T23:31:30.123456789z".
    ///
    /// Accepted: a fraction of 1 or more digits (nanoseconds are kept, further digits
    /// dropped); 'T' or 't' as the separator; 'Z'/'z' or ±hh:mm as the offset. Rejected: any
    /// other shape (a space separator, a missing offset, leading or trailing text); impossible fields (month 13, 30 February, hour 24,
    /// leap second 60, offset hours ≥ 24); and instants outside 0001...9999 in UTC, including
    /// years 0000 and 10000+, which four-digit fields cannot express anyway.
    ///
    /// Works on raw bytes and never allocates, because the JSON event reader calls it for
    /// every timestamp field.
    public static func parseRFC3339(_ bytes: UnsafeBufferPointer<UInt8>) -> Instant? {
        // Fixed-position part: "YYYY-MM-DDThh:mm:ss" is 19 bytes and at least "Z" follows.
        guard bytes.count >= 20,
              bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let year = TimeDigits.number(bytes, 0, 4),
              let month = TimeDigits.number(bytes, 5, 2),
              let day = TimeDigits.number(bytes, 8, 2),
              let hour = TimeDigits.number(bytes, 11, 2),
              let minute = TimeDigits.number(bytes, 14, 2),
              let second = TimeDigits.number(bytes, 17, 2),
              CivilCalendar.isValidDate(year: year, month: month, day: day),
              hour < 24, minute < 60, second < 60
        else { return nil }

        var index = 19
        var nanos = 0
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < bytes.count, bytes[index] &- 48 <= 9 {
                // Only the first 9 digits (nanoseconds) count; accumulating all of them
                // overflowed `Int` from the 19th digit on (a fuzzing finding, docs/Fuzzing.md).
                if index - start < 9 { nanos = nanos * 10 + Int(bytes[index] &- 48) }
                index += 1
            }
            let digits = index - start
            // RFC 3339 allows any number of fraction digits; beyond nanoseconds they are dropped.
            guard digits >= 1 else { return nil }
            for _ in min(digits, 9)..<9 { nanos *= 10 }
        }

        guard index < bytes.count else { return nil }
        var offset = 0
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard index + 6 == bytes.count, bytes[index + 3] == UInt8(ascii: ":"),
                  let offsetHours = TimeDigits.number(bytes, index + 1, 2),
                  let offsetMinutes = TimeDigits.number(bytes, index + 4, 2),
                  offsetHours < 24, offsetMinutes < 60
            else { return nil }
            offset = offsetHours * 3600 + offsetMinutes * 60
            if bytes[index] == UInt8(ascii: "-") { offset = -offset }
            index += 6
        default:
            return nil
        }
        guard index == bytes.count else { return nil }

        let localSeconds = CivilCalendar.daysFromCivil(year: year, month: month, day: day) * 86_400
            + Int64(hour * 3600 + minute * 60 + second)
        // The offset can move a valid local reading outside the range
        // ("0001-01-01T00:00:00+01:00"); the checked initialiser catches that.
        return Instant(seconds: localSeconds - Int64(offset), nanoseconds: Int32(nanos))
    }

    /// Parses RFC 3339 text; see `parseRFC3339(_:)` for what is accepted.
    public init?(rfc3339 text: String) {
        // `withUTF8` exposes a native string's storage without copying.
        var text = text
        guard let instant = text.withUTF8(Instant.parseRFC3339) else { return nil }
        self = instant
    }

    // MARK: Formatting

    /// The UTC form CEL prints: 'Z', and a fraction only when non-zero with trailing zeros
    /// dropped — "2009-02-13T23:31:30Z", "2009-02-13T23:31:20.123Z",
    /// "9999-12-31T23:59:59.999999999Z".
    public var rfc3339: String {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(30)
        write(to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Appends the same text as `rfc3339` as UTF-8 bytes, for writers that build output
    /// in a byte buffer and want no intermediate `String`.
    public func write(to buffer: inout [UInt8]) {
        write(to: &buffer, offsetSeconds: 0)
    }

    /// RFC 3339 in `zone`, with that zone's offset: "2026-12-20T10:00:00+08:00", for output
    /// that shows local dates. A zero offset is written "Z", so `rfc3339(in: .utc)` equals
    /// `rfc3339`.
    ///
    /// RFC 3339 offsets have no seconds, but historical local mean time does (Shanghai before
    /// 1901 was +08:05:43). Such offsets are truncated to whole minutes and the local time is
    /// shown in that truncated offset, so the text still denotes exactly this instant; it
    /// differs from true local mean time by under a minute.
    public func rfc3339(in zone: TimeZoneRule) -> String {
        let offset = zone.offsetSeconds(at: self)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(35)
        write(to: &buffer, offsetSeconds: offset / 60 * 60)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Writes the local reading at `offsetSeconds` (a whole number of minutes) followed by
    /// that offset. The local year may reach 0 or 10000 at the range edges; it is written
    /// with at least four digits, which is the best RFC 3339 can do there.
    private func write(to buffer: inout [UInt8], offsetSeconds: Int) {
        let local = CivilDateTime(localSeconds: seconds + Int64(offsetSeconds),
                                  nanosecond: Int(nanoseconds), offsetSeconds: offsetSeconds)
        if local.year >= 10_000 {
            Instant.appendDigits(local.year / 10_000, width: 1, to: &buffer)
        }
        Instant.appendDigits(local.year % 10_000, width: 4, to: &buffer)
        buffer.append(UInt8(ascii: "-"))
        Instant.appendDigits(local.month, width: 2, to: &buffer)
        buffer.append(UInt8(ascii: "-"))
        Instant.appendDigits(local.day, width: 2, to: &buffer)
        buffer.append(UInt8(ascii: "T"))
        Instant.appendDigits(local.hour, width: 2, to: &buffer)
        buffer.append(UInt8(ascii: ":"))
        Instant.appendDigits(local.minute, width: 2, to: &buffer)
        buffer.append(UInt8(ascii: ":"))
        Instant.appendDigits(local.second, width: 2, to: &buffer)
        Instant.appendFraction(Int(nanoseconds), to: &buffer)
        if offsetSeconds == 0 {
            buffer.append(UInt8(ascii: "Z"))
        } else {
            buffer.append(offsetSeconds < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            let minutes = abs(offsetSeconds) / 60
            Instant.appendDigits(minutes / 60, width: 2, to: &buffer)
            buffer.append(UInt8(ascii: ":"))
            Instant.appendDigits(minutes % 60, width: 2, to: &buffer)
        }
    }

    /// Appends a non-negative `value` as exactly `width` zero-padded digits (higher digits
    /// are the caller's business).
    static func appendDigits(_ value: Int, width: Int, to buffer: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<max(width, 1) { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            buffer.append(UInt8(48 + rest / divisor % 10))
            rest %= divisor
            divisor /= 10
        }
    }

    /// Appends ".fffffffff" with trailing zeros dropped, or nothing for a whole second —
    /// the shape shared by CEL's timestamp and duration output.
    static func appendFraction(_ nanos: Int, to buffer: inout [UInt8]) {
        guard nanos != 0 else { return }
        var digits = 9
        var value = nanos
        while value % 10 == 0 {
            value /= 10
            digits -= 1
        }
        buffer.append(UInt8(ascii: "."))
        appendDigits(value, width: digits, to: &buffer)
    }
}

/// A local calendar reading of an instant: the fields a rule asks about ("day of month",
/// "weekday", "hour") together with the zone offset that produced them.
public struct CivilDateTime: Sendable, Hashable {
    /// Proleptic Gregorian year. Normally 1...9999; 0 or 10000 only when a zone offset
    /// pushes `Instant.minimum`/`maximum` across the year boundary.
    public var year: Int
    /// 1...12 (CEL's `getMonth` is 0-based; the caller subtracts one).
    public var month: Int
    /// 1...31 (CEL's `getDate` is 1-based, `getDayOfMonth` 0-based).
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    public var nanosecond: Int
    /// 0 = Sunday ... 6 = Saturday, as CEL's `getDayOfWeek`.
    public var weekday: Int
    /// 0-based day of the year, as CEL's `getDayOfYear` (1 January is 0).
    public var dayOfYear: Int
    /// The zone offset in force at the instant, in seconds east of UTC.
    public var offsetSeconds: Int

    public init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int,
                nanosecond: Int, weekday: Int, dayOfYear: Int, offsetSeconds: Int) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.nanosecond = nanosecond
        self.weekday = weekday
        self.dayOfYear = dayOfYear
        self.offsetSeconds = offsetSeconds
    }

    /// Splits "local Unix seconds" (UTC seconds plus the offset) into calendar fields.
    init(localSeconds: Int64, nanosecond: Int, offsetSeconds: Int) {
        // Floor division: before 1970 the seconds are negative but the time of day is not.
        var days = localSeconds / 86_400
        var secondOfDay = localSeconds - days * 86_400
        if secondOfDay < 0 {
            secondOfDay += 86_400
            days -= 1
        }
        let date = CivilCalendar.civilFromDays(days)
        let sod = Int(secondOfDay)
        self.init(year: date.year, month: date.month, day: date.day,
                  hour: sod / 3600, minute: sod / 60 % 60, second: sod % 60,
                  nanosecond: nanosecond,
                  weekday: CivilCalendar.weekday(days: days),
                  dayOfYear: Int(days - CivilCalendar.daysFromCivil(year: date.year, month: 1, day: 1)),
                  offsetSeconds: offsetSeconds)
    }
}

/// Civil-calendar arithmetic on the proleptic Gregorian calendar, using Howard Hinnant's
/// branch-light algorithms (http://howardhinnant.github.io/date_algorithms.html). They are
/// exact for every year, including years ≤ 0, which matters because CEL's range starts at
/// year 1 and zone offsets can step just outside it.
public enum CivilCalendar {
    /// Days from 1970-01-01 to the given date (negative before). The date is not
    /// validated; out-of-range days simply roll over, as in the original algorithm.
    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        // Count years from March so the leap day is the last day of the (shifted) year.
        let y = Int64(year) - (month <= 2 ? 1 : 0)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400                                   // 0...399
        let m = Int64(month)
        let dayOfShiftedYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfShiftedYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` after 1970-01-01 (the inverse of `daysFromCivil`).
    public static func civilFromDays(_ days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468                                           // days since 0000-03-01
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097                                 // 0...146096
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfShiftedYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfShiftedYear + 2) / 153                 // 0 = March
        let day = dayOfShiftedYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }

    /// 0 = Sunday ... 6 = Saturday for `days` since 1970-01-01 (a Thursday).
    static func weekday(days: Int64) -> Int {
        let r = (days + 4) % 7
        return Int(r < 0 ? r + 7 : r)
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// 28...31; 0 for a month outside 1...12, so a validity check `day <= daysInMonth`
    /// fails naturally instead of trapping.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeapYear(year) ? 29 : 28
        default: return 0
        }
    }

    /// Whether the fields name a real date within CEL's years 0001...9999.
    static func isValidDate(year: Int, month: Int, day: Int) -> Bool {
        (1...9999).contains(year) && day >= 1 && day <= daysInMonth(year: year, month: month)
    }

    /// The instant of local midnight that starts this civil date in `zone`: the start of a
    /// "member day" or of a monthly period. Fixed offsets are exact. For IANA zones the
    /// offset in force at that moment is used; if midnight falls in a daylight-saving gap
    /// (it does not exist locally) the first instant after the gap is returned, and if it
    /// occurs twice (a fold) the earlier one. `nil` for an invalid date or when the result
    /// is outside CEL's range (e.g. 0001-01-01 in +08:00).
    public static func startOfDay(year: Int, month: Int, day: Int, in zone: TimeZoneRule) -> Instant? {
        guard isValidDate(year: year, month: month, day: day) else { return nil }
        let local = daysFromCivil(year: year, month: month, day: day) * 86_400
        let utc = zone.utcSeconds(forLocalSeconds: local)
        return Instant(seconds: utc, nanoseconds: 0)
    }

    /// Parses "YYYY-MM-DD" strictly: exactly that shape, ASCII digits, a real date, year
    /// 0001...9999. Used for dates written in rules (birthdays, campaign windows), where
    /// "2026-2-1" or "2025-02-29" is a typo the author must hear about.
    public static func parseDate(_ text: String) -> (year: Int, month: Int, day: Int)? {
        // `withUTF8` hands over the native storage; it copies only a bridged string.
        var text = text
        return text.withUTF8(parseDate(bytes:))
    }

    private static func parseDate(bytes: UnsafeBufferPointer<UInt8>) -> (year: Int, month: Int, day: Int)? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = TimeDigits.number(bytes, 0, 4),
              let month = TimeDigits.number(bytes, 5, 2),
              let day = TimeDigits.number(bytes, 8, 2),
              isValidDate(year: year, month: month, day: day)
        else { return nil }
        return (year, month, day)
    }
}

/// Fixed-width ASCII decimal fields, shared by the date and timestamp parsers so neither
/// allocates.
enum TimeDigits {
    /// The value of `count` ASCII digits starting at `start`, or `nil` if any byte is not a
    /// digit or the field runs past the end.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        guard start >= 0, start + count <= bytes.count else { return nil }
        var value = 0
        for i in start..<(start + count) {
            let digit = Int(bytes[i]) &- 48
            guard digit >= 0, digit <= 9 else { return nil }
            value = value * 10 + digit
        }
        return value
    }
}

/// Timestamp getters (each with an optional zone argument; without one, the pack's
/// `timezone`, or UTC), duration getters, and the extensions `days(n)`, `hours(n)`,
/// `minutes(n)` and `date("YYYY-MM-DD")`.
enum TimeFunctions {
    /// The calendar fields CEL's getters read; CEL's month, day-of-month and day-of-year are 0-based.
    private static let timestampGetters: [(String, @Sendable (CivilDateTime) -> Int)] = [
        ("getFullYear", { $0.year }),
        ("getMonth", { $0.month - 1 }),
        ("getDate", { $0.day }),
        ("getDayOfMonth", { $0.day - 1 }),
        ("getDayOfWeek", { $0.weekday }),
        ("getDayOfYear", { $0.dayOfYear }),
        ("getHours", { $0.hour }),
        ("getMinutes", { $0.minute }),
        ("getSeconds", { $0.second }),
        ("getMilliseconds", { $0.nanosecond / 1_000_000 }),
        // Our extension: the ISO 8601 week number (weeks start on Monday; week 1 holds the
        // year's first Thursday), for programs like "category of the week".
        ("getWeekOfYear", { isoWeek($0) }),
    ]

    /// The ISO 8601 week (1–53) of a calendar date.
    static func isoWeek(_ civil: CivilDateTime) -> Int {
        let isoWeekday = civil.weekday == 0 ? 7 : civil.weekday
        let week = (civil.dayOfYear + 1 - isoWeekday + 10) / 7
        if week < 1 { return weeksInYear(civil.year - 1) }
        if week > weeksInYear(civil.year) { return 1 }
        return week
    }

    /// 53 when 1 January is a Thursday, or a Wednesday in a leap year; else 52.
    private static func weeksInYear(_ year: Int) -> Int {
        let days = CivilCalendar.daysFromCivil(year: year, month: 1, day: 1)
        let jan1 = Int(((days % 7) + 11) % 7)  // 1970-01-01 was a Thursday (4); 0 = Sunday
        return jan1 == 4 || (jan1 == 3 && CivilCalendar.isLeapYear(year)) ? 53 : 52
    }

    private static let durationGetters: [String: @Sendable (TimeSpan) -> Int64] = [
        "getHours": { $0.totalHours },
        "getMinutes": { $0.totalMinutes },
        "getSeconds": { $0.totalSeconds },
        "getMilliseconds": { $0.millisecondsPart },
    ]

    static func register(in table: inout FunctionTable, defaultZone: TimeZoneRule) {
        for (name, field) in timestampGetters {
            let durationField = durationGetters[name]
            var signatures = [FunctionSignature([.timestamp], .int)]
            if durationField != nil { signatures.append(FunctionSignature([.duration], .int)) }
            table.addUnary(name, [.receiver], signatures) { value in
                switch value {
                case .timestamp(let t): return .int(Int64(field(t.civil(in: defaultZone))))
                case .duration(let d) where durationField != nil: return .int(durationField!(d))
                default: return noOverload(name, value)
                }
            }
            table.addBinary(name, [.receiver], [FunctionSignature([.timestamp, .string], .int)], specialize: { constants in
                guard case .string(let zoneName)? = constants[1], let zone = TimeZoneRule.resolve(zoneName) else { return nil }
                return .binary { value, _ in
                    guard case .timestamp(let t) = value else { return noOverload(name, value) }
                    return .int(Int64(field(t.civil(in: zone))))
                }
            }) { value, zoneValue in
                guard case .timestamp(let t) = value, case .string(let zoneName) = zoneValue else {
                    return noOverload(name, value, zoneValue)
                }
                guard let zone = TimeZoneRule.resolve(zoneName) else {
                    return .failure(.invalidArgument("unknown time zone '\(zoneName)'; use an IANA name like 'Asia/Shanghai' or an offset like '+08:00'"))
                }
                return .int(Int64(field(t.civil(in: zone))))
            }
        }
        registerSpans(in: &table)
        registerCalendarArithmetic(in: &table, defaultZone: defaultZone)
        table.addUnary("date", [.global], [FunctionSignature([.string], .timestamp)]) { value in
            guard case .string(let text) = value else { return noOverload("date", value) }
            guard let (year, month, day) = CivilCalendar.parseDate(text),
                  let start = CivilCalendar.startOfDay(year: year, month: month, day: day, in: defaultZone) else {
                return .failure(.conversion("'\(text)' is not a date written YYYY-MM-DD"))
            }
            return .timestamp(start)
        }
    }

    /// `t.addMonths(n)` and `t.addYears(n)`: the same local time n calendar months or years
    /// later in the pack's zone (a day past the month's end becomes its last day: 31 Jan +
    /// 1 month is 28 or 29 Feb), for "one year after" expiries and "three months" of inactivity.
    private static func registerCalendarArithmetic(in table: inout FunctionTable, defaultZone: TimeZoneRule) {
        for (name, months) in [("addMonths", 1), ("addYears", 12)] {
            table.addBinary(name, [.receiver], [FunctionSignature([.timestamp, .int], .timestamp)]) { value, count in
                guard case .timestamp(let t) = value, case .int(let n) = count else { return noOverload(name, value, count) }
                guard let shifted = addMonths(t, n.multipliedReportingOverflow(by: Int64(months)), in: defaultZone) else {
                    return .failure(.outOfRange("the timestamp"))
                }
                return .timestamp(shifted)
            }
        }
    }

    private static func addMonths(_ t: Instant, _ months: (partialValue: Int64, overflow: Bool), in zone: TimeZoneRule) -> Instant? {
        guard !months.overflow, abs(months.partialValue) < 12 * 10_000 else { return nil }
        let civil = t.civil(in: zone)
        let total = Int64(civil.year) * 12 + Int64(civil.month - 1) + months.partialValue
        let year = Int(total >= 0 ? total / 12 : (total - 11) / 12)
        let month = Int(total - Int64(year) * 12) + 1
        guard year >= 1, year <= 9999 else { return nil }
        let day = min(civil.day, CivilCalendar.daysInMonth(year: year, month: month))
        guard let midnight = CivilCalendar.startOfDay(year: year, month: month, day: day, in: zone) else { return nil }
        let secondsIntoDay = Int64(civil.hour * 3600 + civil.minute * 60 + civil.second)
        guard let span = TimeSpan.seconds(secondsIntoDay), let sameTime = midnight.adding(span) else { return nil }
        return Instant(seconds: sameTime.seconds, nanoseconds: Int32(civil.nanosecond))
    }

    /// `days(n)`, `hours(n)`, `minutes(n)`: durations from whole numbers.
    private static func registerSpans(in table: inout FunctionTable) {
        let units: [(String, Int64)] = [("days", 86_400), ("hours", 3_600), ("minutes", 60)]
        for (name, seconds) in units {
            table.addUnary(name, [.global], [FunctionSignature([.int], .duration)]) { value in
                guard case .int(let count) = value else { return noOverload(name, value) }
                let (total, overflow) = count.multipliedReportingOverflow(by: seconds)
                guard !overflow, let span = TimeSpan.seconds(total) else {
                    return .failure(.outOfRange("\(name)(\(count))"))
                }
                return .duration(span)
            }
        }
    }
}

import Testing
@testable import RuleLanguage

/// Zones: name resolution, offsets, local calendar readings (CEL's timestamp getters with a
/// zone argument), zoned RFC 3339 output and start of day. Cases marked "conformance" come
/// from the CEL conformance suite.
@Suite struct TimeZoneRuleTests {
    // MARK: Resolution

    static let resolvesFixedOffsetsCases: [(String, Int)] = [
        ("UTC", 0), ("+08:00", 28_800), ("-02:30", -9000), ("02:00", 7200), ("-00:00", 0),
        ("+00:00", 0), ("+11:00", 39_600), ("+05:45", 20_700), ("23:59", 86_340), ("-23:59", -86_340),
    ]

    @Test(arguments: TimeZoneRuleTests.resolvesFixedOffsetsCases)
    func resolvesFixedOffsets(name: String, offset: Int) throws {
        let zone = try #require(TimeZoneRule.resolve(name))
        #expect(zone.name == name)
        #expect(zone.fixedOffsetSeconds == offset)
        #expect(zone.offsetSeconds(at: Instant.minimum) == offset)
        #expect(zone.offsetSeconds(at: Instant.maximum) == offset)
    }

    static let resolvesIANANamesCases: [String] = [
        "Asia/Shanghai", "US/Central", "America/St_Johns", "Asia/Kathmandu", "Australia/Sydney",
        "America/New_York", "Europe/London", "Etc/UTC", "America/Havana",
    ]

    @Test(arguments: TimeZoneRuleTests.resolvesIANANamesCases)
    func resolvesIANANames(name: String) throws {
        let zone = try #require(TimeZoneRule.resolve(name))
        #expect(zone.name == name)
        #expect(zone.fixedOffsetSeconds == nil)
    }

    static let rejectsUnknownNamesCases: [String] = [
        "", "utc", " UTC", "UTC ", "+24:00", "-24:00", "+08:60", "+8:00", "8:00", "+0800",
        "08", "+08", "+08:00:00", "++08:00", "+08:00x", "08:0a", "Nowhere/Atlantis",
        "Asia/Shanghai ", "asia shanghai", "../etc/passwd", "/etc/localtime", "Asia/Shanghai:",
    ]

    @Test(arguments: TimeZoneRuleTests.rejectsUnknownNamesCases)
    func rejectsUnknownNames(name: String) {
        #expect(TimeZoneRule.resolve(name) == nil)
    }

    @Test func equalityIsByName() throws {
        let plus = try #require(TimeZoneRule.resolve("+08:00"))
        let bare = try #require(TimeZoneRule.resolve("08:00"))
        let again = try #require(TimeZoneRule.resolve("+08:00"))
        let shanghai = try #require(TimeZoneRule.resolve("Asia/Shanghai"))
        #expect(plus == again)
        #expect(plus != bare)                       // same offset, different name
        #expect(shanghai == TimeZoneRule.resolve("Asia/Shanghai"))
        #expect(TimeZoneRule.resolve("UTC") == TimeZoneRule.utc)
        #expect(TimeZoneRule.utc.name == "UTC")
        #expect(TimeZoneRule.utc.fixedOffsetSeconds == 0)
        #expect(Set([plus, again, bare, shanghai]).count == 3)
    }

    static let ianaOffsetsCases: [(String, String, Int)] = [
        ("America/New_York", "2026-01-15T12:00:00Z", -18_000),
        ("America/New_York", "2026-07-15T12:00:00Z", -14_400),
        ("Australia/Sydney", "2009-02-13T23:31:30Z", 39_600),
        ("Australia/Sydney", "2009-07-13T23:31:30Z", 36_000),
        ("Asia/Kathmandu", "2009-02-13T23:31:30Z", 20_700),
        ("America/St_Johns", "2009-02-13T02:00:00Z", -12_600),
        ("Asia/Shanghai", "2026-12-18T00:00:00Z", 28_800),
        ("Asia/Shanghai", "0001-01-01T00:00:00Z", 29_143),        // local mean time +08:05:43
        ("Etc/UTC", "2026-12-18T00:00:00Z", 0),
    ]

    @Test(arguments: TimeZoneRuleTests.ianaOffsetsCases)
    func ianaOffsets(zone name: String, at text: String, offset: Int) throws {
        let zone = try #require(TimeZoneRule.resolve(name))
        let instant = try #require(Instant(rfc3339: text))
        #expect(zone.offsetSeconds(at: instant) == offset)
    }

    // MARK: Civil readings (CEL getters with a zone)

    static let civilInZoneCases: [(String, String, Int, Int, Int, Int, Int, Int, Int, Int)] = [
        ("2009-02-13T23:31:30Z", "UTC", 2009, 2, 13, 23, 31, 30, 5, 43),
        ("2009-02-13T23:31:30Z", "Australia/Sydney", 2009, 2, 14, 10, 31, 30, 6, 44),   // conformance: date 14
        ("2009-02-13T23:31:30Z", "+11:00", 2009, 2, 14, 10, 31, 30, 6, 44),             // conformance
        ("2009-02-13T02:00:00Z", "-02:30", 2009, 2, 12, 23, 30, 0, 4, 42),              // conformance: date 12
        ("2009-02-13T02:00:00Z", "America/St_Johns", 2009, 2, 12, 22, 30, 0, 4, 42),    // conformance
        ("2009-02-13T23:31:30Z", "02:00", 2009, 2, 14, 1, 31, 30, 6, 44),               // conformance: hours 1
        ("2009-02-13T23:31:30Z", "Asia/Kathmandu", 2009, 2, 14, 5, 16, 30, 6, 44),      // conformance: minutes 16
        ("2009-02-13T23:31:30Z", "-00:00", 2009, 2, 13, 23, 31, 30, 5, 43),             // conformance
        ("2009-02-13T23:31:30Z", "US/Central", 2009, 2, 13, 17, 31, 30, 5, 43),
        ("2026-12-17T16:00:00Z", "+08:00", 2026, 12, 18, 0, 0, 0, 5, 351),              // member day
        ("2026-12-17T15:59:59Z", "Asia/Shanghai", 2026, 12, 17, 23, 59, 59, 4, 350),
        ("1969-12-31T23:59:59Z", "+00:00", 1969, 12, 31, 23, 59, 59, 3, 364),
        ("1969-12-31T20:00:00Z", "+08:00", 1970, 1, 1, 4, 0, 0, 4, 0),
        // Range extremes: offsets may step a year outside 0001...9999.
        ("0001-01-01T00:00:00Z", "+08:00", 1, 1, 1, 8, 0, 0, 1, 0),
        ("0001-01-01T00:00:00Z", "-00:01", 0, 12, 31, 23, 59, 0, 0, 365),
        ("9999-12-31T23:59:59.999999999Z", "+23:59", 10_000, 1, 1, 23, 58, 59, 6, 0),
        ("0001-01-01T00:00:00Z", "Asia/Shanghai", 1, 1, 1, 8, 5, 43, 1, 0),
        ("9999-12-31T23:59:59.999999999Z", "America/New_York", 9999, 12, 31, 18, 59, 59, 5, 364),
    ]

    /// (instant, zone, year, month, day, hour, minute, second, weekday, dayOfYear)
    @Test(arguments: TimeZoneRuleTests.civilInZoneCases)
    func civilInZone(text: String, zone name: String, year: Int, month: Int, day: Int, hour: Int,
                     minute: Int, second: Int, weekday: Int, dayOfYear: Int) throws {
        let zone = try #require(TimeZoneRule.resolve(name))
        let instant = try #require(Instant(rfc3339: text))
        let civil = instant.civil(in: zone)
        #expect(civil.year == year)
        #expect(civil.month == month)
        #expect(civil.day == day)
        #expect(civil.hour == hour)
        #expect(civil.minute == minute)
        #expect(civil.second == second)
        #expect(civil.weekday == weekday)
        #expect(civil.dayOfYear == dayOfYear)
        #expect(civil.nanosecond == Int(instant.nanoseconds))
        #expect(civil.offsetSeconds == zone.offsetSeconds(at: instant))
    }

    // MARK: Zoned RFC 3339

    static let formatsInZoneCases: [(String, String, String)] = [
        ("2026-12-20T02:00:00Z", "+08:00", "2026-12-20T10:00:00+08:00"),
        ("2026-12-20T02:00:00Z", "Asia/Shanghai", "2026-12-20T10:00:00+08:00"),
        ("2026-12-20T02:00:00.5Z", "-02:30", "2026-12-19T23:30:00.5-02:30"),
        ("2026-12-20T02:00:00Z", "Asia/Kathmandu", "2026-12-20T07:45:00+05:45"),
        ("2026-07-01T12:00:00Z", "America/New_York", "2026-07-01T08:00:00-04:00"),
        ("2026-12-20T02:00:00Z", "UTC", "2026-12-20T02:00:00Z"),
        ("2026-12-20T02:00:00Z", "-00:00", "2026-12-20T02:00:00Z"),
        ("0001-01-01T00:00:00Z", "-05:00", "0000-12-31T19:00:00-05:00"),
        ("9999-12-31T23:59:59.999999999Z", "+08:00", "10000-01-01T07:59:59.999999999+08:00"),
        // Local mean time +08:05:43 cannot be written; the minute-truncated offset is used.
        ("1900-01-01T00:00:00Z", "Asia/Shanghai", "1900-01-01T08:05:00+08:05"),
    ]

    @Test(arguments: TimeZoneRuleTests.formatsInZoneCases)
    func formatsInZone(text: String, zone name: String, expected: String) throws {
        let zone = try #require(TimeZoneRule.resolve(name))
        let instant = try #require(Instant(rfc3339: text))
        let output = instant.rfc3339(in: zone)
        #expect(output == expected)
        if let reparsed = Instant(rfc3339: output) {    // nil only for years 0000 / 10000
            #expect(reparsed == instant)
        }
    }

    // MARK: Start of day

    static let startOfDayCases: [(Int, Int, Int, String, String?)] = [
        (2026, 12, 18, "+08:00", "2026-12-17T16:00:00Z"),
        (2026, 12, 18, "Asia/Shanghai", "2026-12-17T16:00:00Z"),
        (2026, 12, 18, "UTC", "2026-12-18T00:00:00Z"),
        (2026, 12, 18, "-02:30", "2026-12-18T02:30:00Z"),
        (2026, 7, 1, "America/New_York", "2026-07-01T04:00:00Z"),
        (2026, 1, 1, "America/New_York", "2026-01-01T05:00:00Z"),
        // Midnight in a DST gap: the first instant after it (01:00 local).
        (2026, 3, 8, "America/Havana", "2026-03-08T05:00:00Z"),
        (2018, 11, 4, "America/Sao_Paulo", "2018-11-04T03:00:00Z"),
        // Midnight in a fold (00:00-00:59 happens twice): the earlier one.
        (2026, 11, 1, "America/Havana", "2026-11-01T04:00:00Z"),
        // Range edges.
        (1, 1, 1, "UTC", "0001-01-01T00:00:00Z"),
        (1, 1, 1, "-08:00", "0001-01-01T08:00:00Z"),
        (1, 1, 1, "+08:00", nil),
        (9999, 12, 31, "UTC", "9999-12-31T00:00:00Z"),
        (9999, 12, 31, "-23:59", "9999-12-31T23:59:00Z"),
        // Invalid dates.
        (2026, 2, 30, "UTC", nil),
        (2026, 13, 1, "UTC", nil),
        (0, 1, 1, "UTC", nil),
        (10_000, 1, 1, "-23:59", nil),
    ]

    /// (date, zone, expected UTC instant or nil)
    @Test(arguments: TimeZoneRuleTests.startOfDayCases)
    func startOfDay(year: Int, month: Int, day: Int, zone name: String, expected: String?) throws {
        let zone = try #require(TimeZoneRule.resolve(name))
        let start = CivilCalendar.startOfDay(year: year, month: month, day: day, in: zone)
        #expect(start?.rfc3339 == expected)
    }

    static let startOfDayEveryDayCases: [String] = ["Asia/Shanghai", "America/New_York", "Europe/London", "Australia/Sydney",
                      "America/St_Johns", "Asia/Kathmandu", "+08:00", "-02:30"]

    /// Every day of 2026 in zones with DST, half-hour and 45-minute offsets: the start of
    /// the day reads 00:00 on that date, and one second earlier is the day before.
    @Test(arguments: TimeZoneRuleTests.startOfDayEveryDayCases)
    func startOfDayEveryDay(zone name: String) throws {
        let zone = try #require(TimeZoneRule.resolve(name))
        var failures: [String] = []
        for month in 1...12 {
            for day in 1...CivilCalendar.daysInMonth(year: 2026, month: month) {
                let start = try #require(CivilCalendar.startOfDay(year: 2026, month: month, day: day, in: zone))
                let civil = start.civil(in: zone)
                let before = try #require(start.subtracting(TimeSpan(nanoseconds: 1))).civil(in: zone)
                if civil.month != month || civil.day != day || civil.hour != 0 || civil.minute != 0
                    || civil.second != 0 || (before.month == month && before.day == day) {
                    failures.append("2026-\(month)-\(day): \(start.rfc3339(in: zone))")
                }
            }
        }
        #expect(failures.isEmpty)
    }
}

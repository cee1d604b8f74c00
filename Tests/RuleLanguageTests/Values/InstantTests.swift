import Testing
@testable import RuleLanguage

/// Timestamps: range, RFC 3339 parsing and formatting, arithmetic and the civil calendar.
/// Cases marked "conformance" come from the CEL conformance suite (timestamps.textproto).
@Suite struct InstantTests {
    // MARK: Range

    @Test func rangeConstants() {
        #expect(Instant.minimum.seconds == -62_135_596_800)
        #expect(Instant.minimum.nanoseconds == 0)
        #expect(Instant.maximum.seconds == 253_402_300_799)
        #expect(Instant.maximum.nanoseconds == 999_999_999)
        #expect(Instant.minimum.rfc3339 == "0001-01-01T00:00:00Z")
        #expect(Instant.maximum.rfc3339 == "9999-12-31T23:59:59.999999999Z")
    }

    static let initRejectsOutOfRangeCases: [(Int64, Int32)] = [
        (Int64(-62_135_596_801), Int32(0)),       // one second before 0001-01-01 (conformance)
        (253_402_300_800, 0),                     // one second after 9999-12-31T23:59:59 (conformance)
        (0, -1),                                  // nanoseconds must already be normalised
        (0, 1_000_000_000),
        (Int64.min, 0),
        (Int64.max, 0),
    ]

    @Test(arguments: InstantTests.initRejectsOutOfRangeCases)
    func initRejectsOutOfRange(seconds: Int64, nanoseconds: Int32) {
        #expect(Instant(seconds: seconds, nanoseconds: nanoseconds) == nil)
    }

    // MARK: Parsing

    static let parsesValidTextCases: [(String, Int64, Int32)] = [
        ("2009-02-13T23:31:30Z", Int64(1_234_567_890), Int32(0)),     // conformance: int(timestamp(...))
        ("2009-02-13t23:31:30z", 1_234_567_890, 0),
        ("2009-02-13T20:01:30-03:30", 1_234_567_890, 0),
        ("2009-02-14T10:31:30+11:00", 1_234_567_890, 0),
        ("2009-02-13T23:31:30-00:00", 1_234_567_890, 0),
        ("2009-02-13T23:31:30.123Z", 1_234_567_890, 123_000_000),
        ("2009-02-13T23:31:30.000000001Z", 1_234_567_890, 1),
        ("2009-02-13T23:31:30.1234567891234Z", 1_234_567_890, 123_456_789),   // digits past nanoseconds are dropped
        ("2026-01-01T10:00:00+08:00", 1_767_232_800, 0),
        ("1970-01-01T00:00:00Z", 0, 0),
        ("1969-12-31T23:59:59.5Z", -1, 500_000_000),
        ("2024-02-29T00:00:00Z", 1_709_164_800, 0),
        ("2000-02-29T12:00:00Z", 951_825_600, 0),
        ("0001-01-01T00:00:00Z", -62_135_596_800, 0),
        ("0001-01-01T08:00:00+08:00", -62_135_596_800, 0),
        ("9999-12-31T23:59:59.999999999Z", 253_402_300_799, 999_999_999),
        ("9999-12-31T20:59:59.999999999-03:00", 253_402_300_799, 999_999_999),
    ]

    @Test(arguments: InstantTests.parsesValidTextCases)
    func parsesValidText(text: String, seconds: Int64, nanoseconds: Int32) throws {
        let instant = try #require(Instant(rfc3339: text))
        #expect(instant.seconds == seconds)
        #expect(instant.nanoseconds == nanoseconds)
    }

    static let rejectsInvalidTextCases: [String] = [
        "0000-01-01T00:00:00Z",                // year 0 is out of range (conformance)
        "10000-01-01T00:00:00Z",               // (conformance)
        "0001-01-01T00:00:00+00:01",           // a minute before the minimum
        "9999-12-31T23:59:59-00:01",           // past the maximum
        "2026-02-30T00:00:00Z",
        "2025-02-29T00:00:00Z",
        "1900-02-29T00:00:00Z",
        "2026-13-01T00:00:00Z",
        "2026-00-01T00:00:00Z",
        "2026-01-00T00:00:00Z",
        "2026-04-31T00:00:00Z",
        "2026-01-01T24:00:00Z",
        "2026-01-01T23:60:00Z",
        "2016-12-31T23:59:60Z",                // leap seconds are not representable
        "2026-01-01 10:00:00Z",                // space separator
        "2026-01-01T10:00:00",                 // missing offset
        "2026-01-01",
        "yesterday2026-01-01T10:00:00Z",
        "2026-01-01T10:00:00Zyesterday",
        "2026-01-01T10:00:00Z ",
        " 2026-01-01T10:00:00Z",
        "2026-01-01T10:00:00.Z",
        "2026-01-01T10:00:00,5Z",
        "2026-01-01T10:00:00+24:00",
        "2026-01-01T10:00:00+08:60",
        "2026-01-01T10:00:00+8:00",
        "2026-01-01T10:00:00+0800",
        "2026-01-01T10:00:00+08:00:00",
        "2026-01-01T10:00:00+08",
        "2026-1-01T10:00:00Z",
        "2026-01-01T1:00:00Z",
        "+2026-01-01T10:00:00Z",
        "-001-01-01T10:00:00Z",
        "２０２６-01-01T10:00:00Z",
        "2026-01-01X10:00:00Z",
        "",
        "Z",
    ]

    @Test(arguments: InstantTests.rejectsInvalidTextCases)
    func rejectsInvalidText(text: String) {
        #expect(Instant(rfc3339: text) == nil)
    }

    @Test func parsesFromRawBytes() {
        let bytes = Array("2009-02-13T23:31:30Z".utf8)
        let instant = bytes.withUnsafeBufferPointer(Instant.parseRFC3339)
        #expect(instant?.seconds == 1_234_567_890)
        let empty = [UInt8]().withUnsafeBufferPointer(Instant.parseRFC3339)
        #expect(empty == nil)
    }

    // MARK: Formatting

    static let formatsUTCCases: [(Int64, Int32, String)] = [
        (Int64(1_234_567_890), Int32(0), "2009-02-13T23:31:30Z"),
        (1_234_567_880, 123_000_000, "2009-02-13T23:31:20.123Z"),
        (253_402_300_799, 999_999_999, "9999-12-31T23:59:59.999999999Z"),
        (-62_135_596_800, 0, "0001-01-01T00:00:00Z"),
        (-1, 500_000_000, "1969-12-31T23:59:59.5Z"),
        (0, 1, "1970-01-01T00:00:00.000000001Z"),
        (0, 100_000_000, "1970-01-01T00:00:00.1Z"),
        (0, 120_000, "1970-01-01T00:00:00.00012Z"),
        (951_825_600, 0, "2000-02-29T12:00:00Z"),
    ]

    @Test(arguments: InstantTests.formatsUTCCases)
    func formatsUTC(seconds: Int64, nanoseconds: Int32, text: String) throws {
        let instant = try #require(Instant(seconds: seconds, nanoseconds: nanoseconds))
        #expect(instant.rfc3339 == text)
        #expect(instant.description == text)
        #expect(Instant(rfc3339: text) == instant)                    // round trip
        var buffer = Array("ts=".utf8)
        instant.write(to: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "ts=" + text)
    }

    /// Conformance: string(timestamp('9999-12-31T23:59:59.999999999Z')) round-trips.
    @Test func maximumRoundTrips() {
        let text = "9999-12-31T23:59:59.999999999Z"
        #expect(Instant(rfc3339: text)?.rfc3339 == text)
    }

    // MARK: Arithmetic

    static let addsAndSubtractsCases: [(String, Int64, String)] = [
        ("1970-01-01T00:00:00Z", Int64(-1), "1969-12-31T23:59:59.999999999Z"),
        ("1970-01-01T00:00:01.999999999Z", 1, "1970-01-01T00:00:02Z"),
        ("2009-02-13T23:31:30Z", 1_500_000_000, "2009-02-13T23:31:31.5Z"),
        ("2009-02-13T23:31:30.25Z", -1_500_000_000, "2009-02-13T23:31:28.75Z"),
        ("2000-01-01T00:00:00Z", Int64.max, "2292-04-10T23:47:16.854775807Z"),
        ("2000-01-01T00:00:00Z", Int64.min, "1707-09-22T00:12:43.145224192Z"),
        ("9999-12-31T23:59:59.999999998Z", 1, "9999-12-31T23:59:59.999999999Z"),
        ("0001-01-01T00:00:00.000000001Z", -1, "0001-01-01T00:00:00Z"),
    ]

    @Test(arguments: InstantTests.addsAndSubtractsCases)
    func addsAndSubtracts(start: String, nanoseconds: Int64, end: String) throws {
        let a = try #require(Instant(rfc3339: start))
        let b = try #require(Instant(rfc3339: end))
        let span = TimeSpan(nanoseconds: nanoseconds)
        #expect(a.adding(span) == b)
        #expect(b.subtracting(span) == a)
        #expect(b.span(since: a) == span)
    }

    @Test func arithmeticOutOfRangeIsNil() throws {
        let oneNano = TimeSpan(nanoseconds: 1)
        #expect(Instant.maximum.adding(oneNano) == nil)                // conformance: max + 1ns
        #expect(Instant.minimum.subtracting(oneNano) == nil)           // conformance: min - 1ns
        #expect(Instant.minimum.adding(TimeSpan(nanoseconds: -1)) == nil)
        #expect(Instant.maximum.subtracting(TimeSpan(nanoseconds: -1)) == nil)
        #expect(Instant.minimum.adding(TimeSpan(nanoseconds: .min)) == nil)
        #expect(Instant.maximum.subtracting(TimeSpan(nanoseconds: .min)) == nil)
        // Conformance: 9999 - 0001 does not fit a duration.
        #expect(Instant.maximum.span(since: Instant.minimum) == nil)
        #expect(Instant.minimum.span(since: Instant.maximum) == nil)
        let epoch = try #require(Instant(seconds: 0))
        let y2009 = try #require(Instant(rfc3339: "2009-02-13T23:31:30Z"))
        #expect(y2009.span(since: epoch) == TimeSpan.seconds(1_234_567_890))
        #expect(epoch.span(since: y2009) == TimeSpan.seconds(-1_234_567_890))
    }

    @Test func ordering() throws {
        let a = try #require(Instant(seconds: -1, nanoseconds: 999_999_999))
        let b = try #require(Instant(seconds: 0))
        let c = try #require(Instant(seconds: 0, nanoseconds: 1))
        #expect(Instant.minimum < a && a < b && b < c && c < Instant.maximum)
        #expect([c, Instant.maximum, a, b, Instant.minimum].sorted() == [Instant.minimum, a, b, c, Instant.maximum])
    }

    // MARK: Civil calendar in UTC

    static let civilFieldsInUTCCases: [(String, Int, Int, Int, Int, Int, Int, Int, Int)] = [
        ("2009-02-13T23:31:30Z", 2009, 2, 13, 23, 31, 30, 5, 43),   // conformance getters
        ("1970-01-01T00:00:00Z", 1970, 1, 1, 0, 0, 0, 4, 0),
        ("1969-12-31T23:59:59Z", 1969, 12, 31, 23, 59, 59, 3, 364),
        ("2024-12-31T12:00:00Z", 2024, 12, 31, 12, 0, 0, 2, 365),
        ("2000-03-01T00:00:00Z", 2000, 3, 1, 0, 0, 0, 3, 60),
        ("1900-03-01T00:00:00Z", 1900, 3, 1, 0, 0, 0, 4, 59),
        ("0001-01-01T00:00:00Z", 1, 1, 1, 0, 0, 0, 1, 0),
        ("9999-12-31T23:59:59.999999999Z", 9999, 12, 31, 23, 59, 59, 5, 364),
    ]

    /// (text, year, month, day, hour, minute, second, weekday, dayOfYear)
    @Test(arguments: InstantTests.civilFieldsInUTCCases)
    func civilFieldsInUTC(text: String, year: Int, month: Int, day: Int, hour: Int, minute: Int,
                          second: Int, weekday: Int, dayOfYear: Int) throws {
        let civil = try #require(Instant(rfc3339: text)).civil(in: .utc)
        #expect(civil.year == year)
        #expect(civil.month == month)
        #expect(civil.day == day)
        #expect(civil.hour == hour)
        #expect(civil.minute == minute)
        #expect(civil.second == second)
        #expect(civil.weekday == weekday)
        #expect(civil.dayOfYear == dayOfYear)
        #expect(civil.offsetSeconds == 0)
    }

    /// Walks every date from 0001-01-01 to 9999-12-31: day numbers must be consecutive and
    /// `civilFromDays` must invert `daysFromCivil`, weekday must advance by one.
    @Test func civilConversionIsExactAcrossTheWholeRange() {
        var expected = CivilCalendar.daysFromCivil(year: 1, month: 1, day: 1)
        #expect(expected * 86_400 == Instant.minimum.seconds)
        var failures = 0
        for year in 1...9999 {
            for month in 1...12 {
                for day in 1...CivilCalendar.daysInMonth(year: year, month: month) {
                    let days = CivilCalendar.daysFromCivil(year: year, month: month, day: day)
                    let back = CivilCalendar.civilFromDays(days)
                    if days != expected || back.year != year || back.month != month || back.day != day {
                        failures += 1
                    }
                    expected += 1
                }
            }
        }
        #expect(failures == 0)
        #expect((expected - 1) * 86_400 + 86_399 == Instant.maximum.seconds)
    }

    static let leapYearsCases: [(Int, Bool)] = [
        (2024, true), (2025, false), (2000, true), (1900, false), (2100, false),
        (1600, true), (4, true), (1, false), (0, true), (9996, true), (9999, false),
    ]

    @Test(arguments: InstantTests.leapYearsCases)
    func leapYears(year: Int, leap: Bool) {
        #expect(CivilCalendar.isLeapYear(year) == leap)
    }

    static let daysInMonthCases: [(Int, Int, Int)] = [
        (2026, 1, 31), (2026, 2, 28), (2024, 2, 29), (1900, 2, 28), (2000, 2, 29),
        (2026, 4, 30), (2026, 6, 30), (2026, 9, 30), (2026, 11, 30), (2026, 12, 31),
        (2026, 0, 0), (2026, 13, 0),
    ]

    @Test(arguments: InstantTests.daysInMonthCases)
    func daysInMonth(year: Int, month: Int, days: Int) {
        #expect(CivilCalendar.daysInMonth(year: year, month: month) == days)
    }

    static let parseDateAcceptsCases: [(String, Int, Int, Int)] = [
        ("2026-12-18", 2026, 12, 18),
        ("2024-02-29", 2024, 2, 29),
        ("2000-02-29", 2000, 2, 29),
        ("0001-01-01", 1, 1, 1),
        ("9999-12-31", 9999, 12, 31),
    ]

    @Test(arguments: InstantTests.parseDateAcceptsCases)
    func parseDateAccepts(text: String, year: Int, month: Int, day: Int) throws {
        let date = try #require(CivilCalendar.parseDate(text))
        #expect(date.year == year && date.month == month && date.day == day)
    }

    static let parseDateRejectsCases: [String] = [
        "2026-13-01", "2026-2-1", "2025-02-29", "1900-02-29", "2026-00-10", "2026-01-00",
        "2026-01-32", "2026-04-31", "0000-01-01", "10000-01-01", "2026/01/01", " 2026-01-01",
        "2026-01-01 ", "2026-01-01T00:00:00Z", "", "２０２６-01-01", "+026-01-01", "2026-01-1a",
    ]

    @Test(arguments: InstantTests.parseDateRejectsCases)
    func parseDateRejects(text: String) {
        #expect(CivilCalendar.parseDate(text) == nil)
    }
}

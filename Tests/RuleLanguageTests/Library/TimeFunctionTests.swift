import Testing
@testable import RuleLanguage

private let moment = "timestamp('2026-12-20T10:30:45.123Z')"

private func environment(zone: String) -> Environment {
    Environment(defaultZone: TimeZoneRule.resolve(zone)!)
}

/// Timestamp and duration getters, zones, the span and date extensions, range errors.
@Suite struct TimeFunctionTests {
    /// 2026-12-20 is a Sunday, day 354 of the year.
    @Test(arguments: [
        ("getFullYear()", "int 2026"), ("getMonth()", "int 11"), ("getDate()", "int 20"), ("getDayOfMonth()", "int 19"),
        ("getDayOfWeek()", "int 0"), ("getDayOfYear()", "int 353"), ("getHours()", "int 10"), ("getMinutes()", "int 30"),
        ("getSeconds()", "int 45"), ("getMilliseconds()", "int 123"),
        ("getHours('UTC')", "int 10"), ("getHours('+08:00')", "int 18"), ("getDate('+14:00')", "int 21"),
        ("getDayOfWeek('+14:00')", "int 1"), ("getDayOfWeek('-11:00')", "int 6"), ("getHours('02:00')", "int 12"),
        ("getHours('-00:00')", "int 10"), ("getHours('Asia/Kathmandu')", "int 16"), ("getMinutes('Asia/Kathmandu')", "int 15"),
        ("getHours('America/St_Johns')", "int 7"), ("getHours('US/Central')", "int 4"), ("getFullYear('+14:00')", "int 2026"),
        ("getHours('Mars/Olympus')",
         "error: unknown time zone 'Mars/Olympus'; use an IANA name like 'Asia/Shanghai' or an offset like '+08:00'"),
    ])
    func timestampGetters(getter: String, outcome: String) {
        #expect(Evaluation.outcome(of: "\(moment).\(getter)") == outcome)
        #expect(Evaluation.outcome(of: "t.\(getter)", bindings: [("t", .timestamp(Instant(rfc3339: "2026-12-20T10:30:45.123Z")!))]) == outcome)
    }

    /// Without a zone argument the getters read the environment's default zone (the pack's
    /// `timezone`); an explicit zone still wins.
    @Test(arguments: [
        ("+08:00", "getHours()", "int 18"), ("+08:00", "getDate()", "int 20"), ("-11:00", "getDate()", "int 19"),
        ("-11:00", "getDayOfWeek()", "int 6"), ("Asia/Shanghai", "getHours()", "int 18"),
        ("Asia/Kathmandu", "getMinutes()", "int 15"), ("+08:00", "getHours('UTC')", "int 10"),
        ("+14:00", "getMonth()", "int 11"), ("+14:00", "getDayOfYear()", "int 354"),
    ])
    func defaultZone(zone: String, getter: String, outcome: String) {
        #expect(Evaluation.outcome(of: "\(moment).\(getter)", environment: environment(zone: zone)) == outcome)
    }

    @Test(arguments: [
        ("UTC", "date('2026-12-20')", "timestamp timestamp('2026-12-20T00:00:00Z')"),
        ("+08:00", "date('2026-12-20')", "timestamp timestamp('2026-12-19T16:00:00Z')"),
        ("Asia/Shanghai", "date('2026-12-20')", "timestamp timestamp('2026-12-19T16:00:00Z')"),
        ("Asia/Kathmandu", "date('2026-12-20')", "timestamp timestamp('2026-12-19T18:15:00Z')"),
        ("-03:30", "date('2024-02-29')", "timestamp timestamp('2024-02-29T03:30:00Z')"),
        ("+08:00", "date('2026-12-20').getDate()", "int 20"),
        ("+08:00", "date('2026-12-20') + days(1) == date('2026-12-21')", "bool true"),
        ("UTC", "date('2026-02-30')", "error: type conversion error: '2026-02-30' is not a date written YYYY-MM-DD"),
        ("UTC", "date('20261220')", "error: type conversion error: '20261220' is not a date written YYYY-MM-DD"),
        ("UTC", "date('2026-12-20T00:00:00Z')", "error: type conversion error: '2026-12-20T00:00:00Z' is not a date written YYYY-MM-DD"),
    ])
    func dates(zone: String, source: String, outcome: String) {
        #expect(Evaluation.outcome(of: source, environment: environment(zone: zone)) == outcome)
    }

    @Test(arguments: [
        ("days(3)", "duration duration('259200s')"), ("days(1) == duration('24h')", "bool true"),
        ("hours(2)", "duration duration('7200s')"), ("minutes(90) == hours(1) + minutes(30)", "bool true"),
        ("days(-1)", "duration duration('-86400s')"), ("days(0)", "duration duration('0s')"),
        ("days(106751)", "duration duration('9223286400s')"), ("days(106752)", "error: days(106752) is out of range"),
        ("hours(2562047)", "duration duration('9223369200s')"), ("hours(2562048)", "error: hours(2562048) is out of range"),
        ("minutes(9223372036854775807)", "error: minutes(9223372036854775807) is out of range"),
        ("duration('3730s').getMinutes()", "int 62"), ("duration('3730s').getHours()", "int 1"),
        ("duration('3730s').getSeconds()", "int 3730"), ("duration('123.321456789s').getMilliseconds()", "int 321"),
        ("duration('-90m').getHours()", "int -1"), ("duration('1h30m')", "duration duration('5400s')"),
        ("duration('1d')", "error: the duration '1d' is out of range"),
        ("duration('320000000000s')", "error: the duration '320000000000s' is out of range"),
    ])
    func durations(source: String, outcome: String) {
        #expect(Evaluation.outcome(of: source) == outcome)
    }

    @Test(arguments: [
        ("timestamp('2026-01-01T00:00:00Z') + days(1)", "timestamp timestamp('2026-01-02T00:00:00Z')"),
        ("days(1) + timestamp('2026-01-01T00:00:00Z')", "timestamp timestamp('2026-01-02T00:00:00Z')"),
        ("timestamp('2026-01-01T00:00:00Z') - hours(1)", "timestamp timestamp('2025-12-31T23:00:00Z')"),
        ("timestamp('2026-01-02T00:00:00Z') - timestamp('2026-01-01T00:00:00Z')", "duration duration('86400s')"),
        ("timestamp('2026-01-01T08:00:00+08:00') == timestamp('2026-01-01T00:00:00Z')", "bool true"),
        ("timestamp('2026-01-01T00:00:00Z') < timestamp('2026-01-01T00:00:01Z')", "bool true"),
        ("duration('1h') < duration('2h')", "bool true"), ("timestamp(0)", "timestamp timestamp('1970-01-01T00:00:00Z')"),
        ("int(timestamp('2009-02-13T23:31:30Z'))", "int 1234567890"),
        ("string(timestamp('2026-12-20T10:30:45.120+08:00'))", "string '2026-12-20T02:30:45.12Z'"),
        ("timestamp('9999-12-31T23:59:59Z') + duration('1s')", "error: the timestamp is out of range"),
        ("timestamp('0001-01-01T00:00:00Z') - duration('1s')", "error: the timestamp is out of range"),
        ("timestamp('9999-12-31T23:59:59Z') - timestamp('0001-01-01T00:00:00Z')", "error: the duration is out of range"),
        ("timestamp('10000-01-01T00:00:00Z')", "error: the timestamp '10000-01-01T00:00:00Z' is out of range"),
        ("timestamp('0000-12-31T23:59:59Z')", "error: the timestamp '0000-12-31T23:59:59Z' is out of range"),
        ("timestamp('2026-13-01T00:00:00Z')", "error: the timestamp '2026-13-01T00:00:00Z' is out of range"),
        ("timestamp(253402300800)", "error: the timestamp 253402300800 is out of range"),
        ("duration('9223372036s') + duration('1s')", "error: the duration is out of range"),
        ("timestamp('2026-01-01T00:00:00Z') + 1", "error: no matching overload: '+' cannot be applied to (timestamp, int)"),
    ])
    func arithmeticAndRange(source: String, outcome: String) {
        #expect(Evaluation.outcome(of: source) == outcome)
    }
}

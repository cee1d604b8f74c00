import RuleLanguage

/// A window a pack asks a member metric about: trailing (`days(365)`: entries with
/// `at > time − 365 days`) or a calendar period in the pack's zone (`"month"`: entries
/// since the start of the month containing `time`).
enum MetricWindow: Sendable, Hashable {
    case trailing(TimeSpan)
    case calendar(CalendarPeriod, TimeZoneRule)

    func isInside(_ entryAt: Instant, at time: Instant) -> Bool {
        switch self {
        case .trailing(let span):
            guard let start = time.subtracting(span) else { return true }
            return entryAt > start
        case .calendar(let period, let zone):
            return entryAt >= period.start(containing: time, in: zone)
        }
    }
}

/// Calendar periods for `once per …`, `cap … per …` and metrics.
enum CalendarPeriod: String, Sendable, Hashable, CaseIterable {
    case day, week, month, quarter, year

    /// The local midnight starting the period that contains `time` (weeks start on Monday).
    func start(containing time: Instant, in zone: TimeZoneRule) -> Instant {
        let civil = time.civil(in: zone)
        var year = civil.year
        var month = civil.month
        var day = civil.day
        switch self {
        case .day:
            break
        case .week:
            let daysSinceMonday = (civil.weekday + 6) % 7
            let days = CivilCalendar.daysFromCivil(year: year, month: month, day: day) - Int64(daysSinceMonday)
            (year, month, day) = CivilCalendar.civilFromDays(days)
        case .month:
            day = 1
        case .quarter:
            month = (month - 1) / 3 * 3 + 1
            day = 1
        case .year:
            month = 1
            day = 1
        }
        return CivilCalendar.startOfDay(year: year, month: month, day: day, in: zone) ?? Instant.minimum
    }

    /// A readable key naming the period (`2026-03-18`, `2026-W12`, `2026-03`, `2026-Q1`, `2026`).
    /// Computed from the local calendar date alone (never through an instant, which could
    /// fall outside the representable range at the edges of year 1 and 9999).
    func key(containing time: Instant, in zone: TimeZoneRule) -> String {
        let civil = time.civil(in: zone)
        switch self {
        case .day:
            return CivilDate(year: civil.year, month: civil.month, day: civil.day).description
        case .week:
            let monday = CivilCalendar.daysFromCivil(year: civil.year, month: civil.month, day: civil.day) - Int64((civil.weekday + 6) % 7)
            let (year, month, day) = CivilCalendar.civilFromDays(monday)
            return CivilDate(year: year, month: month, day: day).description
        case .month:
            return String(CivilDate(year: civil.year, month: civil.month, day: 1).description.dropLast(3))
        case .quarter:
            return "\(civil.year)-Q\((civil.month - 1) / 3 + 1)"
        case .year:
            return String(civil.year)
        }
    }

    /// The start of the next period after the one containing `time`.
    func next(after time: Instant, in zone: TimeZoneRule) -> Instant {
        let start = start(containing: time, in: zone).civil(in: zone)
        var (year, month, day) = (start.year, start.month, start.day)
        switch self {
        case .day, .week:
            let days = CivilCalendar.daysFromCivil(year: year, month: month, day: day) + (self == .day ? 1 : 7)
            (year, month, day) = CivilCalendar.civilFromDays(days)
        case .month, .quarter, .year:
            month += self == .month ? 1 : (self == .quarter ? 3 : 12)
            while month > 12 { month -= 12; year += 1 }
        }
        return CivilCalendar.startOfDay(year: year, month: month, day: day, in: zone) ?? Instant.maximum
    }
}

/// The windows all packs ask about, numbered so each member keeps one running total per window.
final class MetricRegistry: @unchecked Sendable {
    private(set) var windows: [MetricWindow] = []

    func register(_ window: MetricWindow) -> Int {
        if let index = windows.firstIndex(of: window) { return index }
        windows.append(window)
        return windows.count - 1
    }
}

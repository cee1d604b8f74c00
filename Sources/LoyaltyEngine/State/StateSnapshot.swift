import RuleLanguage

/// Everything a state file holds (SPEC §6 "State"), as plain values.
///
/// Names, not indices, make a state outlive edits to the packs: the snapshot carries its own
/// tables (each pack's name, account, variable, tier and rule names; the metric windows),
/// and the per-member data is laid out by those tables. `Engine.restore(from:)` maps them
/// onto the loaded packs by name; `state show` reads them without any packs at all.
///
/// Taking a snapshot of an engine copies nothing large: members, purchases and the seen
/// set are copy-on-write arrays and collections shared with the engine until it next
/// changes them, which it does not do while a save is encoding them.
public struct StateSnapshot: Sendable {
    /// One pack as it was when the state was saved.
    struct PackTable: Sendable, Equatable {
        var name: String
        var accounts: [String]
        var variables: [String]
        /// The tier ladder, lowest first; empty for a pack without tiers.
        var tiers: [String]
        /// Rule names in file order: `once`, `cap` and `on inactive` bookkeeping points here.
        var rules: [String]
    }

    /// A calendar hook's (or review's) next due time.
    struct ScheduleRecord: Sendable {
        var pack: Int
        var kind: CalendarSchedule.Kind
        var nextDue: Instant?
    }

    /// A pending member timer, kept only for its creation order: timers are rebuilt from the
    /// members on load, and one due at the same instant as another must still fire in the
    /// order it would have in an uninterrupted run.
    struct TimerRecord: Sendable, Hashable {
        var member: Int32
        var pack: Int
        var kind: MemberTimer.Kind
        /// Index in the pack's rule table; -1 for a tier expiry.
        var rule: Int
        var time: Instant
        var sequence: UInt64
    }

    var packs: [PackTable] = []
    /// Keys of the metric windows (`MetricWindow.stateKey`); each activity log keeps one
    /// running total per window, in this order.
    var windows: [String] = []
    /// The event-time clock: the largest `at` applied.
    public internal(set) var clock: Instant?
    var nextLotID: UInt64 = 1
    var nextActivity: UInt64 = 1
    var nextTimer: UInt64 = 1
    var schedules: [ScheduleRecord] = []
    /// Members in arrival order; `packs[i]` of each follows `packs` above.
    var members: [MemberState] = []
    /// Members by birthday (month × 100 + day), in the order the hooks visit them.
    var birthdays: [Int: [Int32]] = [:]
    var timers: [TimerRecord] = []
    /// Accepted purchases and recharges by event id, for refunds; movements use table indices.
    var purchases: [String: PurchaseRecord] = [:]
    /// Every event id applied (SPEC §6 "Idempotency").
    var seen: Set<String> = []
    /// Events refused for what the state held then, with their stream position (format 2).
    var stateRejects: [String: Int] = [:]

    public var memberCount: Int { members.count }
    public var seenCount: Int { seen.count }
    public var packNames: [String] { packs.map(\.name) }
}

extension MetricWindow {
    /// A stable name for the window, so a saved running total finds its window again after
    /// the packs are edited (or is recomputed when its window is gone).
    var stateKey: String {
        switch self {
        case .trailing(let span): "trailing:\(span.nanoseconds)"
        case .calendar(let period, let zone): "calendar:\(period.rawValue):\(zone.name)"
        }
    }
}

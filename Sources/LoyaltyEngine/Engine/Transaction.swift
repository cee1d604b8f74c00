import RuleLanguage

/// What an event changed, so that a rule failing halfway can undo all of it: an event's
/// decisions all apply or none do (SPEC §6 "Atomic events").
struct Transaction {
    /// Members as they were before the event first touched them (without lots and
    /// activity entries, which are undone from their journals).
    var snapshots: [(member: Int32, state: MemberState)] = []
    /// Every member the event touched, including new ones.
    var touched: [Int32] = []
    /// Birthdays the event changed, with the earlier value.
    var birthdays: [(member: Int32, old: CivilDate?)] = []
    var memberCount = 0
    /// The first activity sequence number of the event.
    var firstActivity: UInt64 = 0
    /// Queue entries the event consumed (pushed back on rollback; entries it added are
    /// validated against the ledger when due, so they need no undo).
    var poppedExpiries: [LotExpiry] = []
    var poppedTimers: [MemberTimer] = []
    var schedules: [CalendarSchedule] = []
    /// Purchase records as they were (nil: the event created it).
    var purchases: [(id: String, record: PurchaseRecord?)] = []
    var decisionCount = 0

    mutating func reset(memberCount: Int, schedules: [CalendarSchedule], decisionCount: Int, firstActivity: UInt64) {
        snapshots.removeAll(keepingCapacity: true)
        touched.removeAll(keepingCapacity: true)
        birthdays.removeAll(keepingCapacity: true)
        self.firstActivity = firstActivity
        poppedExpiries.removeAll(keepingCapacity: true)
        poppedTimers.removeAll(keepingCapacity: true)
        purchases.removeAll(keepingCapacity: true)
        self.memberCount = memberCount
        self.schedules = schedules
        self.decisionCount = decisionCount
    }
}

/// The next time a pack's calendar hook (or tier review) is due.
struct CalendarSchedule: Sendable {
    enum Kind: Int, Sendable, Codable {
        case review = 2, birthday = 3, daily = 4, monthly = 5, quarterly = 6, yearly = 7
    }

    var pack: Int
    var kind: Kind
    var period: CalendarPeriod
    var nextDue: Instant?
}

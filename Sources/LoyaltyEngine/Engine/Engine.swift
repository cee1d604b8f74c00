import RuleLanguage

/// Applies events to member state through the loaded packs (SPEC §6): event-time clock,
/// due work first, atomic events, idempotency by id. Decisions of each applied event are
/// left in `decisions` for the caller to write.
public final class Engine {
    public struct Options: Sendable {
        /// Attach each decision's rule location and the values behind it.
        public var explain = false
        /// Attach the pack's version (content hash) to each decision.
        public var stamp = false
        /// Apply only this partition's members (SPEC §8); effects on others are forwarded.
        public var partition: Partition?
        /// How far past the latest event an event may be dated, in days; further ahead it is
        /// refused as `bad-timestamp`. nil (the default) means 400 days when a pack has
        /// calendar work (hooks on birthdays, days, months…, or tier reviews), which a till
        /// whose clock says 2062 would otherwise run for every day in between, for every
        /// member — and no limit without: then a far-future event only expires lots, as the
        /// spec's event-time clock says. 0: never a limit.
        public var maximumClockJumpDays: Int?

        public static let defaultMaximumClockJumpDays = 400

        public init(explain: Bool = false, stamp: Bool = false, partition: Partition? = nil,
                    maximumClockJumpDays: Int? = nil) {
            self.explain = explain
            self.stamp = stamp
            self.partition = partition
            self.maximumClockJumpDays = maximumClockJumpDays
        }
    }

    public private(set) var packs: [CompiledPack]
    let context: RuleContext
    var directory: MemberDirectory { context.directory }
    public var options: Options

    /// The largest `at` applied so far; nothing reads the wall clock.
    var clock: Instant?
    var seen: Set<String> = []
    /// Events refused for what the state held at the time (a refund of a purchase not yet
    /// seen, a rule error), by id, with their stream position. A run restarted from a saved
    /// state over the same stream skips them again at that position, instead of deciding
    /// them against the later state (docs/State.md "Crash safety").
    var stateRejects: [String: Int] = [:]
    var purchases: [String: PurchaseRecord] = [:]
    var expiries = MinHeap<LotExpiry>()
    var timers = MinHeap<MemberTimer>()
    var schedules: [CalendarSchedule] = []
    var nextLotID: UInt64 = 1
    var nextActivity: UInt64 = 1
    var nextTimer: UInt64 = 1

    /// Decisions of the events applied since the caller last took them.
    public var decisions: [Decision] = []
    var transaction = Transaction()
    /// Points awarded to / redeemed by the event's own member in this event, per pack and account.
    var eventEarned: [PurchaseRecord.Movement] = []
    var eventRedeemed: [PurchaseRecord.Movement] = []
    public var statistics = RunStatistics()
    /// Reused between events: the members an event's rules changed (for tier upgrades).
    var affectedScratch: [Int32] = []
    /// For a refund event: the amount actually refunded (capped at what was left).
    var refundedAmount: ExactDecimal?
    /// Whether some pack rewards recharges, so that a refund may name a recharge.
    lazy var acceptsRechargeRefunds = packs.contains { $0.rules[.event("recharge")] != nil }
    /// The stream position of the event being applied (its `seq` field, else its line).
    public var currentSequence = 0
    /// Effects on other partitions' members made by the events applied since the caller
    /// last took them.
    public var forwards: [ForwardedEffect] = []
    var forwardCount = 0

    /// Loads packs from paths; nil engine with diagnostics when any pack has errors.
    public static func load(rules paths: [String], overrides: [String: String] = [:], options: Options = Options())
        -> (engine: Engine?, load: PackLoader.Result) {
        let context = RuleContext(directory: MemberDirectory(), metrics: MetricRegistry())
        let result = PackLoader.load(paths, overrides: overrides, context: context)
        guard !result.diagnostics.hasErrors, result.errors.isEmpty else { return (nil, result) }
        return (Engine(packs: result.packs, context: context, options: options), result)
    }

    /// Compiles packs from in-memory sources (tests, `simulate`).
    public static func compile(_ sources: [SourceFile], overrides: [String: String] = [:], options: Options = Options())
        -> (engine: Engine?, load: PackLoader.Result) {
        let context = RuleContext(directory: MemberDirectory(), metrics: MetricRegistry())
        let result = PackLoader.compile(sources, overrides: overrides, context: context)
        guard !result.diagnostics.hasErrors, result.errors.isEmpty else { return (nil, result) }
        return (Engine(packs: result.packs, context: context, options: options), result)
    }

    init(packs: [CompiledPack], context: RuleContext, options: Options) {
        self.packs = packs
        self.context = context
        self.options = options
        context.partition = options.partition
        for pack in packs {
            if let review = pack.ladder?.review {
                schedules.append(CalendarSchedule(pack: pack.index, kind: .review, period: review))
            }
            for schedule in CompiledPack.Schedule.allCases where pack.rules[.schedule(schedule)] != nil {
                let kind: CalendarSchedule.Kind = switch schedule {
                case .birthday: .birthday
                case .daily: .daily
                case .monthly: .monthly
                case .quarterly: .quarterly
                case .yearly: .yearly
                }
                schedules.append(CalendarSchedule(pack: pack.index, kind: kind, period: schedule.period ?? .day))
            }
        }
    }

    public var memberCount: Int { directory.count }

    /// True when a restarted run meets, at the same position, an event that was refused for
    /// what the state held then: it was decided (as a reject) before the state was saved.
    public func wasRefusedBefore(_ event: Event, at sequence: Int) -> Bool {
        stateRejects[event.id] == sequence
    }

    /// Applies one decoded event. On success its decisions are appended to `decisions`;
    /// on failure nothing at all changed.
    public func apply(_ event: Event) -> Result<Void, InputError> {
        if seen.contains(event.id) {
            statistics.duplicates += 1
            return .failure(InputError(.duplicate, "event '\(event.id)' was already processed; skipped"))
        }
        if let clock, let limit = clockJumpLimitDays, event.at.seconds - clock.seconds > Int64(limit) * 86_400 {
            stateRejects[event.id] = currentSequence
            let days = (event.at.seconds - clock.seconds) / 86_400
            return .failure(InputError(.badTimestamp, "'at' (\(event.at)) is \(days) days after the latest event (\(clock)), more than the limit of \(limit) days: is the till's clock wrong? (--max-clock-jump DAYS allows more)"))
        }
        transaction.reset(memberCount: directory.count, schedules: schedules, decisionCount: decisions.count, firstActivity: nextActivity)
        forwardCount = forwards.count
        context.assumedMembers.removeAll(keepingCapacity: true)
        eventEarned.removeAll(keepingCapacity: true)
        eventRedeemed.removeAll(keepingCapacity: true)
        context.awarded.removeAll(keepingCapacity: true)
        context.redeemed.removeAll(keepingCapacity: true)
        do throws(RuleFailure) {
            if clock == nil { startSchedules(at: event.at) }
            try runDueWork(until: event.at, eventID: event.id)
            // A recharge can be refunded only where a pack rewards recharges (its bonus is then
            // reversed); elsewhere — the benchmark program — only purchases can be refunded.
            if event.kind == .refund, let original = event.original,
               purchases[original].map({ $0.activity != 0 || acceptsRechargeRefunds }) != true {
                rollback()
                stateRejects[event.id] = currentSequence
                return .failure(InputError(.unknownOriginal, "refund '\(event.id)' names '\(original)', which is not a processed purchase or recharge"))
            }
            try applyEvent(event)
        } catch {
            rollback()
            stateRejects[event.id] = currentSequence
            return .failure(InputError(.ruleError, error.message))
        }
        seen.insert(event.id)
        if clock.map({ event.at > $0 }) ?? true { clock = event.at }
        commit(at: clock!)
        statistics.eventsApplied += 1
        for decision in decisions[transaction.decisionCount...] { statistics.decisions[decision.kind, default: 0] += 1 }
        return .success(())
    }

    /// The clock-jump limit in force (see `Options.maximumClockJumpDays`).
    var clockJumpLimitDays: Int? {
        switch options.maximumClockJumpDays {
        case nil: schedules.isEmpty ? nil : Options.defaultMaximumClockJumpDays
        case 0?: nil
        case let days?: days
        }
    }

    /// Undoes everything the current event did.
    func rollback() {
        // Birthdays first: the by-day index is fixed while the live state still holds the new date.
        for (member, birthday) in transaction.birthdays.reversed() where Int(member) < transaction.memberCount {
            directory.setBirthday(birthday, for: member)
        }
        for (member, snapshot) in transaction.snapshots.reversed() where Int(member) < transaction.memberCount {
            directory.restore(directory[member].restored(from: snapshot), at: member)
        }
        if directory.count > transaction.memberCount {
            // Members the event created are gone: so are queue entries naming their indices,
            // which the next new member would otherwise inherit.
            let first = Int32(transaction.memberCount)
            expiries.removeAll { $0.member >= first }
            timers.removeAll { $0.member >= first }
        }
        directory.truncate(to: transaction.memberCount)
        for entry in transaction.poppedExpiries { expiries.push(entry) }
        for timer in transaction.poppedTimers { timers.push(timer) }
        schedules = transaction.schedules
        for (id, record) in transaction.purchases.reversed() { purchases[id] = record }
        decisions.removeSubrange(transaction.decisionCount...)
        if forwards.count > forwardCount { forwards.removeSubrange(forwardCount...) }
    }

    /// Records a member's state before the event first changes it, and journals its
    /// ledgers and logs from here on. Members created by the event need no snapshot.
    func touch(_ member: Int32) {
        guard !transaction.touched.contains(member) else { return }
        transaction.touched.append(member)
        if Int(member) < transaction.memberCount {
            transaction.snapshots.append((member, directory[member].snapshot()))
        }
        directory[member].beginEvent(firstSequence: transaction.firstActivity)
    }

    /// Ends journaling for every member the event touched.
    func commit(at time: Instant) {
        let horizon = time.subtracting(Self.historyKept)
        for member in transaction.touched { directory[member].commitEvent(compactingBefore: horizon) }
    }

    /// Activity older than this (before the latest event) may be dropped once every window
    /// has passed it; late events up to this old still see exact metrics.
    static let historyKept = TimeSpan.days(2 * 366)!

    /// The member's index, creating the member (with each pack's defaults) if new.
    func member(_ id: String) -> Int32 {
        directory.findOrCreate(id) { id in
            MemberState(id: id, packs: packs.map { PackMemberState(accountCount: $0.accounts.count, variables: $0.variableDefaults) },
                        windowCount: context.metrics.windows.count)
        }
    }

    /// Emits a decision, adding the pack version when stamping.
    func emit(_ decision: Decision) {
        decisions.append(decision)
    }
}

import Foundation
import LoyaltyEngine
import RuleLanguage

/// "What will this rule change cost me?": one event stream applied to two engines — the
/// current rules (`old`) and the proposed ones (`new`) — tallying what each decides.
/// Every line is parsed once and the event applied to both; the decisions are counted and
/// dropped, never written. `report(pointValue:)` turns the tallies into a `SimulationReport`.
public final class Simulation {
    public let old: Engine
    public let new: Engine
    public private(set) var oldTally = Tally()
    public private(set) var newTally = Tally()
    /// Lines read (blank lines aside), and lines rejected before reaching the engines, by code.
    public private(set) var lines = 0
    public private(set) var rejected: [InputError.Code: Int] = [:]
    /// Members that received points on either side, in the order they first did; each
    /// tally's `issuedByMember` is indexed the same way.
    public private(set) var memberIDs: [String] = []
    private var memberSlots: [String: Int] = [:]
    /// Days are local dates in this zone: the first pack's `timezone` (UTC without packs).
    public let zone: TimeZoneRule
    public let zonePack: String?

    /// What one engine decided over the whole stream.
    public struct Tally: Sendable {
        public var applied = 0
        /// Events the engine refused after parsing (duplicate ids, rule errors, unknown originals).
        public var failures: [InputError.Code: Int] = [:]
        public var firstRuleError: String?
        /// Points moved per rule and account.
        public var flows: [Flow: Movement] = [:]
        /// The first `reason` seen on each rule's decisions.
        public var reasons: [String: String] = [:]
        /// Benefits granted, by name (a grant `times N` counts N).
        public var benefits: [String: Int64] = [:]
        /// Points issued in the `points` account, by local day number (days since 1970-01-01).
        public var issuedPerDay: [Int64: Int64] = [:]
        /// Points issued in the `points` account, by member slot (see `memberIDs`); may be
        /// shorter than `memberIDs` (the missing members got nothing on this side).
        public var issuedByMember: [Int64] = []
    }

    /// A rule and the account its decisions moved.
    public struct Flow: Hashable, Sendable {
        public var rule: String
        public var account: String
    }

    /// How many points a rule moved in one account, by direction.
    public struct Movement: Sendable {
        /// Positive `points` decisions.
        public var issued: Int64 = 0
        /// Negative `points` decisions, as a positive number: `deduct`s, refund clawbacks.
        public var deducted: Int64 = 0
        /// `redeem` decisions' points.
        public var redeemed: Int64 = 0
        /// `expire` decisions, as a positive number.
        public var expired: Int64 = 0
    }

    public init(old: Engine, new: Engine) {
        self.old = old
        self.new = new
        let first = old.packs.first ?? new.packs.first
        zone = first?.timeZone ?? .utc
        zonePack = first?.name
    }

    /// Reads the whole input (parsing on a second thread, as `loyalty run` does) and applies
    /// each event to both engines. `progress` is called every quarter second or so with the
    /// number of lines read so far.
    public func run(input: Int32, limits: JSONLimits = .default, progress: ((_ lines: Int) -> Void)? = nil) {
        let pipeline = LinePipeline()
        pipeline.start(input: input, limits: limits, keepsRawLines: false)
        var lastReport = -Double.infinity  // the first batch shows the line at once
        while let batch = pipeline.next() {
            for item in batch {
                switch item {
                case .event(let event, _, _): apply(event)
                case .rejected(let error, _, _): reject(error)
                }
            }
            if let progress {
                let now = ProcessInfo.processInfo.systemUptime
                if now - lastReport >= 0.25 {
                    lastReport = now
                    progress(lines)
                }
            }
        }
    }

    /// Applies one event to both engines and tallies their decisions.
    public func apply(_ event: Event) {
        lines += 1
        let day = dayNumber(of: event.at)
        let oldResult = old.apply(event)
        record(oldResult, from: old, into: &oldTally, day: day)
        let newResult = new.apply(event)
        record(newResult, from: new, into: &newTally, day: day)
    }

    /// Counts a line that could not be parsed into an event (it reaches neither engine).
    public func reject(_ error: InputError) {
        lines += 1
        rejected[error.code, default: 0] += 1
    }

    /// The local day (days since 1970-01-01 in `zone`) of an instant.
    func dayNumber(of instant: Instant) -> Int64 {
        let local = instant.seconds + Int64(zone.offsetSeconds(at: instant))
        return local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
    }

    private func record(_ result: Result<Void, InputError>, from engine: Engine, into tally: inout Tally, day: Int64) {
        switch result {
        case .failure(let error):
            tally.failures[error.code, default: 0] += 1
            if error.code == .ruleError, tally.firstRuleError == nil { tally.firstRuleError = error.message }
        case .success:
            tally.applied += 1
            for decision in engine.decisions { count(decision, into: &tally, day: day) }
            engine.decisions.removeAll(keepingCapacity: true)
        }
    }

    private func count(_ decision: Decision, into tally: inout Tally, day: Int64) {
        if let reason = decision.reason, tally.reasons[decision.rule] == nil { tally.reasons[decision.rule] = reason }
        switch decision.kind {
        case .points:
            let flow = Flow(rule: decision.rule, account: decision.account)
            if decision.delta > 0 {
                tally.flows[flow, default: Movement()].issued += decision.delta
                if decision.account == "points" {
                    tally.issuedPerDay[day, default: 0] += decision.delta
                    let slot = memberSlot(decision.member)
                    // Slots are shared by both sides; each side's array grows as far as it needs.
                    if slot >= tally.issuedByMember.count {
                        tally.issuedByMember.append(contentsOf: repeatElement(0, count: slot + 1 - tally.issuedByMember.count))
                    }
                    tally.issuedByMember[slot] += decision.delta
                }
            } else if decision.delta < 0 {
                tally.flows[flow, default: Movement()].deducted += -decision.delta
            }
        case .redeem:
            tally.flows[Flow(rule: decision.rule, account: decision.account), default: Movement()].redeemed += decision.points
        case .expire:
            tally.flows[Flow(rule: decision.rule, account: decision.account), default: Movement()].expired += -decision.delta
        case .grant:
            tally.benefits[decision.benefit, default: 0] += decision.count
        case .tier:
            break
        }
    }

    private func memberSlot(_ id: String) -> Int {
        if let slot = memberSlots[id] { return slot }
        let slot = memberIDs.count
        memberSlots[id] = slot
        memberIDs.append(id)
        return slot
    }
}

@testable import LoyaltyEngine
import RuleLanguage
import Testing

/// Saving at any point and continuing from the loaded state decides exactly as an
/// uninterrupted engine: same decisions in the same order, same member state.
@Suite struct StateRoundTripTests {
    static let reference: (decisions: [String], report: String) = {
        let engine = try! StateFixture.makeEngine()
        let decisions = StateFixture.feed(engine, StateFixture.lines)
        return (decisions, StateFixture.report(engine))
    }()

    @Test func fixtureExercisesTheState() throws {
        let (decisions, report) = Self.reference
        for kind in ["points", "tier", "expire", "redeem", "grant"] {
            #expect(decisions.contains { $0.contains("\"kind\":\"\(kind)\"") }, "no \(kind) decision")
        }
        for rule in ["rich.birthday", "rich.dormant", "rich.welcome", "rich.referral", "rich.monthly-bonus", "rich.refund"] {
            #expect(decisions.contains { $0.contains("\"rule\":\"\(rule)\"") }, "rule \(rule) never decided")
        }
        #expect(report.contains("\"tier_expires\":\"2"))
        #expect(report.contains("\"amounts\":[0.0,"))
    }

    @Test(arguments: [0, 1, 150, 555, 901, 1199, 1200])
    func continuingFromASavedStateDecidesAsAnUninterruptedRun(split: Int) throws {
        let first = try StateFixture.makeEngine()
        let before = StateFixture.feed(first, StateFixture.lines.prefix(split))
        let second = try StateFixture.makeEngine()
        #expect(try StateFixture.roundTrip(first, into: second) == [])
        let after = StateFixture.feed(second, StateFixture.lines.dropFirst(split))
        #expect(before + after == Self.reference.decisions)
        #expect(StateFixture.report(second) == Self.reference.report)
    }

    @Test(arguments: [300, 800])
    func replayingTheWholeStreamAfterARestoreSkipsWhatWasApplied(split: Int) throws {
        let first = try StateFixture.makeEngine()
        let before = StateFixture.feed(first, StateFixture.lines.prefix(split))
        let second = try StateFixture.makeEngine()
        try StateFixture.roundTrip(first, into: second)
        let replayed = StateFixture.feed(second, StateFixture.lines)
        #expect(before + replayed == Self.reference.decisions)
        #expect(StateFixture.report(second) == Self.reference.report)
    }

    @Test func savingAndLoadingEveryHundredLinesChangesNothing() throws {
        var engine = try StateFixture.makeEngine()
        var decisions: [String] = []
        var start = 0
        while start < StateFixture.lines.count {
            decisions += StateFixture.feed(engine, StateFixture.lines[start..<min(start + 100, StateFixture.lines.count)])
            let next = try StateFixture.makeEngine()
            try StateFixture.roundTrip(engine, into: next)
            engine = next
            start += 100
        }
        #expect(decisions == Self.reference.decisions)
        #expect(StateFixture.report(engine) == Self.reference.report)
    }

    @Test func aSnapshotIsNotChangedByLaterEvents() throws {
        let engine = try StateFixture.makeEngine()
        StateFixture.feed(engine, StateFixture.lines.prefix(400))
        let snapshot = engine.makeStateSnapshot()
        let reportThen = StateFixture.report(engine)
        StateFixture.feed(engine, StateFixture.lines.dropFirst(400))
        let output = OutputBuffer()
        StateReport(try StateCodec.decode(StateCodec.encode(snapshot))).writeAll(to: output)
        #expect(String(decoding: output.bytes, as: UTF8.self) == reportThen)
    }

    @Test func loadingRebuildsTheQueuesAndCounters() throws {
        let original = try StateFixture.makeEngine()
        StateFixture.feed(original, StateFixture.lines.prefix(700))
        let restored = try StateFixture.makeEngine()
        try StateFixture.roundTrip(original, into: restored)
        #expect(restored.clock == original.clock)
        #expect(restored.nextLotID == original.nextLotID)
        #expect(restored.nextActivity == original.nextActivity)
        #expect(restored.nextTimer == original.nextTimer)
        #expect(restored.seen == original.seen)
        #expect(restored.memberCount == original.memberCount)
        #expect(restored.schedules.map(\.nextDue) == original.schedules.map(\.nextDue))
        #expect(restored.directory.birthdays == original.directory.birthdays.filter { !$0.value.isEmpty })
        // Every live lot with an expiry is queued once; the original queue also holds entries
        // for lots since used up, which find nothing when they come due.
        var liveLots: [PointLot] = []
        for member in 0..<Int32(original.memberCount) {
            for pack in original.directory[member].packs {
                for ledger in pack.accounts { liveLots += ledger.lots.filter { $0.remaining > 0 && $0.expiresAt != nil } }
            }
        }
        #expect(restored.expiries.count == liveLots.count)
        #expect(Set(restored.expiries.elements.map(\.lotID)) == Set(liveLots.map(\.id)))
        #expect(restored.pendingTimerRecords() == original.pendingTimerRecords())
        #expect(!restored.pendingTimerRecords().isEmpty)
    }

    @Test func anEmptyEngineRoundTrips() throws {
        let empty = try StateFixture.makeEngine()
        let restored = try StateFixture.makeEngine()
        try StateFixture.roundTrip(empty, into: restored)
        #expect(restored.clock == nil)
        #expect(StateFixture.feed(restored, StateFixture.lines) == Self.reference.decisions)
    }
}

@testable import LoyaltyEngine
import Testing

/// Engine behaviour the spec pins down, each as a short story of events.
@Suite struct EngineScenarioTests {
    static let points = """
    pack shop
    timezone "+08:00"
    tiers normal < silver
      silver when member.spend(days(365)) >= 1000
    rule base on purchase
      award floor(event.amount) points expiring in days(365)
    rule pay on purchase when has(event.redeem_points)
      redeem event.redeem_points points worth 0.01 each up to event.amount * 0.5
    """

    static func purchase(_ id: String, _ member: String, _ at: String, _ amount: String, redeem: Int? = nil) -> String {
        let redeemField = redeem.map { ",\"redeem_points\":\($0)" } ?? ""
        return "{\"id\":\"\(id)\",\"type\":\"purchase\",\"member\":\"\(member)\",\"at\":\"\(at)\",\"amount\":\(amount),\"items\":[]\(redeemField)}"
    }

    @Test func refundAfterPartialRedemptionGivesBackRedeemedPointsAndClawsBackEarned() throws {
        var run = try EngineHarness(Self.points)
        run.feed(Self.purchase("p1", "m", "2026-01-01T10:00:00+08:00", "400.00"))
        // 200 points worth 2.00 yuan pay part of the next purchase; it earns 100 points.
        let second = run.feed(Self.purchase("p2", "m", "2026-01-02T10:00:00+08:00", "100.00", redeem: 200))
        #expect(second.count == 2)
        #expect(field(second[0], "kind") == "points" && field(second[0], "delta") == "100")
        #expect(field(second[1], "kind") == "redeem" && field(second[1], "points") == "200" && field(second[1], "value") == "2.00")
        #expect(field(second[1], "balance") == "300")
        // Refunding half of p2: claws back 50 of its 100 points, gives back 100 of the 200 redeemed.
        let refund = run.feed(#"{"id":"r1","type":"refund","member":"m","at":"2026-01-03T10:00:00+08:00","original":"p2","amount":50.00}"#)
        #expect(refund.count == 1)
        #expect(field(refund[0], "rule") == "shop.refund")
        #expect(field(refund[0], "delta") == "50")
        #expect(field(refund[0], "balance") == "350")
    }

    @Test func lotsExpireExactlyThreeHundredSixtyFiveDaysLater() throws {
        var run = try EngineHarness(Self.points)
        run.feed(Self.purchase("p1", "m", "2026-03-01T10:00:00+08:00", "10.00"))
        #expect(run.feed(#"{"id":"t1","type":"tick","at":"2027-03-01T09:59:59.999999999+08:00"}"#).isEmpty)
        let due = run.feed(#"{"id":"t2","type":"tick","at":"2027-03-01T10:00:00+08:00"}"#)
        #expect(due == [#"{"event":"t2","member":"m","kind":"expire","rule":"shop.base","delta":-10,"balance":0,"account":"points","lot":"p1"}"#])
    }

    @Test func upgradeAtExactlyTheThreshold() throws {
        var run = try EngineHarness(Self.points)
        #expect(run.feed(Self.purchase("p1", "m", "2026-01-01T10:00:00+08:00", "999.99")).count == 1)
        let second = run.feed(Self.purchase("p2", "m", "2026-01-01T11:00:00+08:00", "0.01"))
        #expect(second.last == #"{"event":"p2","member":"m","kind":"tier","rule":"shop.tier","from":"normal","to":"silver"}"#)
    }

    @Test func duplicateIdsAreSkippedAndReported() throws {
        var run = try EngineHarness(Self.points)
        let line = Self.purchase("p1", "m", "2026-01-01T10:00:00+08:00", "5.00")
        #expect(run.feed(line).count == 1)
        #expect(run.feed(line).isEmpty)
        #expect(run.errorLines == [#"{"line":2,"code":"duplicate","message":"event 'p1' was already processed; skipped"}"#])
        #expect(run.engine.statistics.rejectedTotal == 0)
    }

    @Test func aRuleErrorRejectsTheWholeEvent() throws {
        var run = try EngineHarness("""
        pack shop
        var visits = 0
        rule count on purchase
          set visits = member.visits + 1
          award 1 points
        rule risky on purchase
          award 100 / (int(event.amount) - 5) points
        """)
        #expect(run.feed(Self.purchase("p1", "m", "2026-01-01T10:00:00+08:00", "7")).count == 2)
        // amount 5 divides by zero in the second rule: the first rule's award and variable are undone too.
        #expect(run.feed(Self.purchase("p2", "m", "2026-01-01T11:00:00+08:00", "5")).isEmpty)
        #expect(run.errorLines.count == 1)
        #expect(field(run.errorLines[0], "code") == "rule-error")
        #expect(run.errorLines[0].contains("shop.risky at pack0.rules:7:"))
        let third = run.feed(Self.purchase("p3", "m", "2026-01-01T12:00:00+08:00", "6"))
        #expect(third.map { field($0, "balance") } == ["52", "152"])
        // The rejected event's id was not marked as seen: a corrected resend is applied.
        #expect(run.feed(Self.purchase("p2", "m", "2026-01-01T13:00:00+08:00", "10")).count == 2)
    }

    @Test func outOfOrderEventsUseTheirOwnTimeButDoNotMoveTheClockBack() throws {
        var run = try EngineHarness(Self.points)
        run.feed(Self.purchase("p1", "m", "2026-06-01T10:00:00+08:00", "600.00"))
        // An event from before p1 arrives late: it counts in the trailing-year spend.
        let late = run.feed(Self.purchase("p0", "m", "2026-05-01T10:00:00+08:00", "400.00"))
        #expect(late.last?.contains("\"to\":\"silver\"") == true)
        // p1's lot expires 2027-06-01, p0's on 2027-05-01: a tick at 2027-05-15 finds only p0's due.
        let due = run.feed(#"{"id":"t1","type":"tick","at":"2027-05-15T00:00:00+08:00"}"#)
        #expect(due.count == 1)
        #expect(field(due[0], "lot") == "p0")
    }

    @Test func badLinesChangeNothing() throws {
        var run = try EngineHarness(Self.points)
        run.feed(
            #"{"id":"x1","type":"purchase","member":"m","at":"2026-01-01T10:00:00+08:00","amount":-1}"#,
            #"{"id":"x2","type":"purchase","member":"m","at":"not a time","amount":1}"#,
            "{\"id\":"
        )
        #expect(run.errorLines.map { field($0, "code") } == ["bad-amount", "bad-timestamp", "invalid-json"])
        #expect(run.engine.memberCount == 0)
        #expect(run.engine.clock == nil)
    }

    /// A field the till sends only sometimes, not in the schema: a rule whose condition tests
    /// it with has() may read it in its actions; events without it skip the rule, not fail.
    @Test func aConditionsHasTestGuardsAnExtraFieldInTheActions() throws {
        var run = try EngineHarness("""
        pack shop
        rule shares on interaction when has(event.note) && event.note.matches("^vip")
          award size(event.note) points
        """)
        let share = #"{"id":"i1","type":"interaction","member":"m","at":"2026-01-01T10:00:00+08:00","action":"share","note":"vip-42"}"#
        #expect(run.feed(share).map { field($0, "delta") } == ["6"])
        let plain = #"{"id":"i2","type":"interaction","member":"m","at":"2026-01-01T11:00:00+08:00","action":"share"}"#
        #expect(run.feed(plain).isEmpty)
        #expect(run.errorLines.isEmpty)
    }

    /// With calendar work in the packs (here a daily hook), an event dated years past the
    /// clock (a till set to the wrong year) is refused as bad-timestamp, so it does not run
    /// the hook for every day in between; the events after it apply as if it had not been sent.
    @Test func anEventFarPastTheClockIsRefusedWhenPacksHaveCalendarWork() throws {
        let pack = """
        pack shop
        rule every-day on daily
          award 1 points
        rule base on purchase
          award floor(event.amount) points expiring in days(365)
        """
        var run = try EngineHarness(pack)
        run.feed(Self.purchase("p1", "m", "2026-01-01T10:00:00+08:00", "100"))
        #expect(run.feed(#"{"id":"t","type":"tick","at":"9999-12-31T10:00:00+08:00"}"#).isEmpty)
        #expect(run.errorLines.map { field($0, "code") } == ["bad-timestamp"])
        #expect(run.errorLines[0].contains("more than the limit of 400 days"))
        // One day later: one daily award, and p1's lot is still there.
        let next = run.feed(Self.purchase("p2", "m", "2026-01-02T10:00:00+08:00", "5"))
        #expect(next.map { field($0, "rule") } == ["shop.every-day", "shop.base"])
        #expect(next.last.map { field($0, "balance") } == "106")

        // Exactly at the limit is still applied; the limit can be lifted.
        var lenient = try EngineHarness(pack)
        lenient.engine.options.maximumClockJumpDays = 0
        lenient.feed(Self.purchase("p1", "m", "2026-01-01T10:00:00+08:00", "100"))
        #expect(lenient.feed(#"{"id":"t","type":"tick","at":"2028-01-01T10:00:00+08:00"}"#).count == 731)
        var atLimit = try EngineHarness(pack)
        atLimit.feed(Self.purchase("p1", "m", "2026-01-01T10:00:00+08:00", "100"))
        #expect(atLimit.feed(#"{"id":"t","type":"tick","at":"2027-02-05T10:00:00+08:00"}"#).count == 401)
        #expect(atLimit.errorLines.isEmpty)
    }

    /// Without calendar work a far-future event is applied as the spec's event-time clock
    /// says: every lot due by then expires (bounded work), nothing else runs. An explicit
    /// `maximumClockJumpDays` applies to every pack.
    @Test func withoutCalendarWorkAFarFutureEventOnlyExpiresLots() throws {
        var run = try EngineHarness(Self.points)
        run.feed(Self.purchase("p1", "m", "2026-01-01T10:00:00+08:00", "100.00"))
        let far = run.feed(#"{"id":"t","type":"tick","at":"9999-12-31T10:00:00+08:00"}"#)
        #expect(far.map { field($0, "kind") } == ["expire"])
        #expect(far.first.map { field($0, "delta") } == "-100")
        #expect(run.errorLines.isEmpty)

        var strict = try EngineHarness(Self.points)
        strict.engine.options.maximumClockJumpDays = 30
        strict.feed(Self.purchase("p1", "m", "2026-01-01T10:00:00+08:00", "100.00"))
        #expect(strict.feed(Self.purchase("p2", "m", "2026-03-01T10:00:00+08:00", "1.00")).isEmpty)
        #expect(strict.errorLines.map { field($0, "code") } == ["bad-timestamp"])
        #expect(strict.errorLines.first?.contains("more than the limit of 30 days") == true)
    }

    /// Balances stay within 10^18 points: an award or a deduction into debt past it fails
    /// its event cleanly (rule-error) instead of overflowing, and the stream goes on.
    @Test func balancesCannotOverflow() throws {
        var run = try EngineHarness("""
        pack shop
        allow negative balance
        rule big on purchase
          award floor(event.amount) * 1000 points
        rule debt on interaction when event.action == "debt"
          deduct 900000000000000000 points
        """)
        let huge = "600000000000000.00"  // 6 × 10^14 yuan: 6 × 10^17 points
        #expect(run.feed(Self.purchase("p1", "m", "2026-01-01T10:00:00+08:00", huge)).count == 1)
        #expect(run.feed(Self.purchase("p2", "m", "2026-01-01T11:00:00+08:00", huge)).isEmpty)
        #expect(run.errorLines.map { field($0, "code") } == ["rule-error"])
        #expect(run.errorLines.first?.contains("past 1000000000000000000, the most an account can hold") == true)
        let debt = { (id: String) in #"{"id":""# + id + #"","type":"interaction","member":"m","at":"2026-01-01T12:00:00+08:00","action":"debt"}"# }
        #expect(run.feed(debt("d1")).map { field($0, "balance") } == ["-300000000000000000"])
        #expect(run.feed(debt("d2")).isEmpty, "-1.2 × 10^18 would be past the limit")
        #expect(run.errorLines.count == 2)
        #expect(run.feed(Self.purchase("p3", "m", "2026-01-01T13:00:00+08:00", "1")).map { field($0, "balance") } == ["-299999999999999000"])
    }
}

import Foundation
@testable import LoyaltyCLI
import LoyaltyEngine
import RuleLanguage
import Testing

/// The statistics of `loyalty simulate` on the hand-worked stream of `SimulationFixture`.
@Suite struct SimulationStatisticsTests {
    let report: SimulationReport

    init() throws {
        report = try SimulationFixture.simulate().report()
    }

    @Test func countsLinesAppliedRejectedAndDuplicates() {
        #expect(report.lines == 8)
        #expect(report.rejected.map(\.code) == ["invalid-json"])
        #expect(report.rejected.map(\.count) == [1])
        #expect(report.applied.old == 6 && report.applied.new == 6)
        #expect(report.failures.map(\.code) == ["duplicate"])
        #expect(report.failures.map { [$0.count.old, $0.count.new] } == [[1, 1]])
        #expect(report.members.old == 2 && report.members.new == 2)
        #expect(report.dayBasis == "UTC dates of the events' time")
    }

    @Test func pointsIssuedPerRuleAndInTotal() throws {
        #expect(report.issued.count == 1)
        let base = try #require(report.issued.first)
        #expect(base.rule == "shop.base" && base.account == "points" && base.direction == .issued)
        #expect(base.points.old == 1800 && base.points.new == 1900 && base.points.change == 100)
        #expect(base.what == "每消费1元得1分")
        #expect(report.pointsIssued.old == 1800 && report.pointsIssued.new == 1900)
    }

    @Test func pointsRedeemedPerRuleAndInTotal() throws {
        #expect(report.outflows.count == 1)
        let pay = try #require(report.outflows.first)
        #expect(pay.rule == "shop.pay" && pay.direction == .redeemed)
        #expect(pay.points.old == 100 && pay.points.new == 100)
        #expect(report.pointsRedeemed.old == 100 && report.pointsRedeemed.new == 100)
        let totals = try #require(report.totals.first)
        #expect(report.totals.count == 1)
        #expect(totals.issued.old == 1800 && totals.redeemed.new == 100 && totals.clawedBack.old == 0 && totals.expired.new == 0)
        #expect(totals.net.old == 1700 && totals.net.new == 1800)
    }

    @Test func valueInYuanFromThePointValueParam() throws {
        let value = try #require(report.pointValues.first)
        #expect(value.pack == "shop")
        #expect(value.value.old == .init(yuan: ExactDecimal("0.01"), source: "param point_value"))
        #expect(report.yuanIssued.old == ExactDecimal(18) && report.yuanIssued.new == ExactDecimal(19))
        #expect(report.yuanIssued.change == ExactDecimal(1))
        #expect(report.yuanRedeemed.old == ExactDecimal(1))
        #expect(report.packsWithoutValue.isEmpty)
    }

    @Test func pointValueOptionWinsOverTheParam() throws {
        let report = try SimulationFixture.simulate().report(pointValue: ExactDecimal("0.5"))
        #expect(report.pointValues.first?.value.new.source == "--point-value")
        #expect(report.yuanIssued.old == ExactDecimal(900) && report.yuanIssued.new == ExactDecimal(950))
    }

    @Test func valueIsUnknownWithoutParamOrOption() throws {
        let text = SimulationFixture.oldPack.replacingOccurrences(of: "param point_value = 0.01", with: "param yuan = 0.01")
            .replacingOccurrences(of: "worth point_value", with: "worth yuan")
        let old = try #require(Engine.compile([SourceFile(name: "a.rules", text: text)]).engine)
        let new = try #require(Engine.compile([SourceFile(name: "b.rules", text: text)]).engine)
        let report = Simulation(old: old, new: new).report()
        #expect(report.pointValues.first?.value.old.yuan == nil)
        #expect(report.packsWithoutValue == ["shop"])
        #expect(report.text.contains("unknown (no --point-value, no param point_value)"))
    }

    @Test func tierDistributionAndMembersInAnotherTier() throws {
        #expect(report.tiers.map(\.tier) == ["normal", "gold"])
        #expect(report.tiers.map { [$0.members.old, $0.members.new] } == [[1, 0], [1, 2]])
        #expect(report.membersInOtherTier == 1)
        let move = try #require(report.tierMoves.first)
        #expect(report.tierMoves.count == 1)
        #expect(move.member == "A" && move.pack == "shop" && move.tiers.old == "normal" && move.tiers.new == "gold")
    }

    @Test func benefitsPerName() {
        #expect(report.benefits.map(\.benefit) == ["coupon:10"])
        #expect(report.benefits.map { [$0.granted.old, $0.granted.new] } == [[2, 2]])
    }

    @Test func membersMostAffected() {
        // B earned 1100 on both sides: only A differs.
        #expect(report.mostAffected.map(\.member) == ["A"])
        #expect(report.mostAffected.map { [$0.issued.old, $0.issued.new] } == [[700, 800]])
    }

    @Test func pointsPerDay() {
        #expect(report.days.map(\.date) == ["2026-03-01", "2026-03-02", "2026-03-03"])
        #expect(report.days.map { [$0.issued.old, $0.issued.new] } == [[600, 600], [300, 400], [900, 900]])
    }

    @Test func daysAreLocalDatesInThePackTimezone() throws {
        // 23:30 UTC on 1 March is 07:30 on 2 March in +08:00.
        let text = SimulationFixture.oldPack.replacingOccurrences(of: "param point_value", with: "timezone \"+08:00\"\nparam point_value")
        let old = try #require(Engine.compile([SourceFile(name: "a.rules", text: text)]).engine)
        let new = try #require(Engine.compile([SourceFile(name: "b.rules", text: text)]).engine)
        let simulation = Simulation(old: old, new: new)
        let event = try EventDecoder.decode(JSONReader.parse(#"{"id":"x","type":"purchase","member":"A","at":"2026-03-01T23:30:00Z","amount":5}"#).get()).get()
        simulation.apply(event)
        let report = simulation.report()
        #expect(report.days.map(\.date) == ["2026-03-02"])
        #expect(report.dayBasis == "local dates in +08:00, the timezone of pack shop")
    }

    @Test func textFormatting() {
        #expect(ReportFormat.grouped(1_234_567) == "1,234,567")
        #expect(ReportFormat.grouped(-1_000) == "-1,000")
        #expect(ReportFormat.signed(100) == "+100")
        #expect(ReportFormat.percent(1800, 1900) == "+5.6%")
        #expect(ReportFormat.percent(0, 5) == "new")
        #expect(ReportFormat.yuan(ExactDecimal("1234.565"), signed: true) == "+1,234.57")
        #expect(ReportFormat.yuan(ExactDecimal("-0.5")) == "-0.50")
        #expect(ReportFormat.cells("每消费1元") == 9)
        #expect(ReportFormat.clip("每消费1元得1分的规则说明", cells: 12) == "每消费1元...")
    }
}

@testable import LoyaltyEngine
import RuleLanguage
import Foundation
import Testing

/// A state keeps names, so it still loads after the packs are edited: what no longer
/// exists is dropped with a warning, what is new starts from its defaults.
@Suite struct StateMappingTests {
    static func saved(lines: Int = 900) throws -> StateSnapshot {
        let engine = try StateFixture.makeEngine()
        StateFixture.feed(engine, StateFixture.lines.prefix(lines))
        return try StateCodec.decode(StateCodec.encode(engine.makeStateSnapshot()))
    }

    static func edited(_ edits: [(String, String)]) -> String {
        edits.reduce(StateFixture.packText) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }

    @Test func droppedAccountsVariablesAndTiersAreWarnedAbout() throws {
        let text = Self.edited([
            ("account growth \"Growth value\"\n", ""),
            ("rule growth on purchase\n  award floor(event.amount / 10) growth\n", ""),
            ("rule monthly-bonus on monthly\n  award 1 growth\n", ""),
            ("var last_store = \"\"\n", "var stamps = 3\n"),
            ("  set last_store = event.store\n", ""),
            ("gold", "platinum"),
        ])
        let engine = try StateFixture.makeEngine(text)
        let snapshot = try Self.saved()
        let goldMembers = StateReport(snapshot).sortedMembers.filter { StateReport(snapshot).line(member: $0).contains("\"tier\":\"gold\"") }
        #expect(!goldMembers.isEmpty)
        let warnings = try engine.restore(from: snapshot)
        #expect(warnings == [
            "pack 'rich' no longer has account 'growth': its balances in the state are dropped",
            "pack 'rich' no longer has variable 'last_store': its values in the state are dropped",
            "pack 'rich' no longer has tier 'gold': \(goldMembers.count) member\(goldMembers.count == 1 ? "" : "s") move to 'normal'",
        ])
        let report = StateFixture.report(engine)
        #expect(!report.contains("\"growth\":"))
        #expect(!report.contains("last_store"))
        #expect(report.contains("\"stamps\":3"))
        #expect(!report.contains("\"tier\":\"gold\""))
        // Points and history are kept: balances match the saved ones.
        let before = StateReport(snapshot).line(member: 0)
        let after = report.split(separator: "\n").first { $0.hasPrefix("{\"member\":\"\(snapshot.members[0].id)\"") }!
        let points = #/"points":\{"balance":-?\d+/#
        #expect(before.firstMatch(of: points)?.output == after.firstMatch(of: points)?.output)
        // And the engine carries on.
        StateFixture.feed(engine, StateFixture.lines.dropFirst(900))
        #expect(engine.statistics.eventsApplied > 200)
    }

    @Test func reorderedDeclarationsNeedNoWarnings() throws {
        let text = Self.edited([
            ("var visits = 0\nvar last_store = \"\"\n", "var last_store = \"\"\nvar visits = 0\n"),
            ("rule checkin on interaction", "rule zz-first on join\n  grant \"hello\"\n\nrule checkin on interaction"),
        ])
        let snapshot = try Self.saved()
        let engine = try StateFixture.makeEngine(text)
        #expect(try engine.restore(from: snapshot) == [])
        #expect(StateFixture.report(engine) == StateReport(snapshot).sortedMembers.map { StateReport(snapshot).line(member: $0) }.joined())
    }

    @Test func packsThatAreNotLoadedOrNewAreReported() throws {
        let snapshot = try Self.saved()
        let other = StateFixture.packText.replacingOccurrences(of: "pack rich", with: "pack other")
        let engine = try StateFixture.makeEngine(other, name: "other.rules")
        let warnings = try engine.restore(from: snapshot)
        #expect(warnings == [
            "the state has pack 'rich', which is not loaded: its member state is dropped",
            "pack 'other' is not in the state: its members start from the pack's defaults",
        ])
        #expect(StateFixture.report(engine).contains("\"packs\":{\"other\":{\"tier\":\"normal\",\"tier_expires\":null,\"accounts\":{\"growth\":{\"balance\":0"))
    }
}

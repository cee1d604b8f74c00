import Foundation
@testable import LoyaltyCLI
import LoyaltyEngine
import RuleLanguage

/// Two tiny packs and a short stream whose simulated numbers are worked out by hand.
///
/// Old: 1 point per yuan for everyone; gold from 1000 yuan of spend. New: gold from 500
/// yuan, and gold members earn 2 points per yuan. Both: a welcome coupon, and points pay
/// 0.01 yuan each at the till (`redeem_points`).
enum SimulationFixture {
    static func pack(goldSpend: Int, goldFactor: Int) -> String {
        """
        pack shop "小店积分卡"
        param point_value = 0.01
        param factor = {"normal": 1, "gold": \(goldFactor)}

        tiers normal < gold
          gold when member.spend(days(365)) >= \(goldSpend)
          upgrade immediately

        rule base on purchase
          award floor(event.amount * factor[member.tier]) points
          reason "每消费1元得1分"

        rule pay on purchase when has(event.redeem_points)
          redeem event.redeem_points points worth point_value each
          reason "积分抵现"

        rule welcome on join
          grant "coupon:10" reason "入会礼"
        """
    }

    static let oldPack = pack(goldSpend: 1000, goldFactor: 1)
    static let newPack = pack(goldSpend: 500, goldFactor: 2)

    /// Days are UTC dates (the packs declare no timezone).
    ///
    /// | event | old | new |
    /// |---|---|---|
    /// | e1 A joins, e2 B joins (1 Mar) | coupon each | coupon each |
    /// | e3 A buys 600 (1 Mar) | A +600, spend 600: normal | A +600, spend 600 ≥ 500: gold |
    /// | e4 B buys 200 (2 Mar) | B +200 | B +200 |
    /// | e5 A buys 100 (2 Mar) | A +100 (normal) | A +200 (gold × 2) |
    /// | e6 B buys 900, redeems 100 (3 Mar) | B +900, −100, spend 1100: gold | same |
    /// | a bad line; e4 again | rejected; duplicate | rejected; duplicate |
    ///
    /// Issued: old 1800, new 1900 (18.00 → 19.00 yuan). Redeemed: 100 both. Per day:
    /// 600/600, 300/400, 900/900. Tiers: old A normal, B gold; new both gold.
    static let events = """
        {"id":"e1","type":"join","member":"A","at":"2026-03-01T09:00:00Z"}
        {"id":"e2","type":"join","member":"B","at":"2026-03-01T10:00:00Z"}
        {"id":"e3","type":"purchase","member":"A","at":"2026-03-01T12:00:00Z","amount":600}
        {"id":"e4","type":"purchase","member":"B","at":"2026-03-02T09:00:00Z","amount":200}
        {"id":"e5","type":"purchase","member":"A","at":"2026-03-02T10:00:00Z","amount":100}
        {"id":"e6","type":"purchase","member":"B","at":"2026-03-03T09:00:00Z","amount":900,"redeem_points":100}
        this is not json

        {"id":"e4","type":"purchase","member":"B","at":"2026-03-02T09:00:00Z","amount":200}

        """

    /// Writes both packs and the stream into a fresh directory.
    static func files(_ name: String) throws -> (old: String, new: String, events: URL, directory: URL) {
        let directory = try CLITestSupport.makeTemporaryDirectory(name)
        let old = directory.appendingPathComponent("old/shop.rules")
        let new = directory.appendingPathComponent("new/shop.rules")
        for (url, text) in [(old, oldPack), (new, newPack)] {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let events = directory.appendingPathComponent("events.jsonl")
        try Self.events.write(to: events, atomically: true, encoding: .utf8)
        return (old.path, new.path, events, directory)
    }

    /// The simulation of the stream, run in memory (no files, no pipeline thread).
    static func simulate() throws -> Simulation {
        let old = Engine.compile([SourceFile(name: "old/shop.rules", text: oldPack)])
        let new = Engine.compile([SourceFile(name: "new/shop.rules", text: newPack)])
        guard let oldEngine = old.engine, let newEngine = new.engine else {
            throw SetupError("the test packs do not compile: \(old.load.diagnostics) \(new.load.diagnostics)")
        }
        let simulation = Simulation(old: oldEngine, new: newEngine)
        for line in events.split(separator: "\n", omittingEmptySubsequences: true) {
            switch JSONReader.parse(String(line)) {
            case .failure: simulation.reject(InputError(.invalidJSON, "not JSON"))
            case .success(let value):
                switch EventDecoder.decode(value) {
                case .success(let event): simulation.apply(event)
                case .failure(let error): simulation.reject(error)
                }
            }
        }
        return simulation
    }
}

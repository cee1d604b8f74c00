@testable import LoyaltyEngine
import RuleLanguage
import Testing

/// A pack that touches every kind of member state a state file keeps (two accounts,
/// variables of several value types, tiers with a review and rule-set expiry, `once`,
/// caps, birthdays, a monthly hook, `on inactive`, `on tier_change`, referrals, redemption),
/// and a deterministic stream of events for it.
enum StateFixture {
    static let packText = """
    pack rich "Round-trip test pack"
    timezone "+08:00"
    allow negative balance

    var visits = 0
    var last_store = ""
    var amounts = [0.0]
    var profile = {"store": "", "visits": 0}

    account growth "Growth value"

    tiers normal < silver < gold
      silver when member.spend(days(30)) >= 100
      gold   when member.spend("month") >= 1000 && member.interactions(days(7)) >= 1
      upgrade immediately
      downgrade at review
      review monthly

    rule base on purchase
      award floor(event.amount) points expiring in days(30)

    rule growth on purchase
      award floor(event.amount / 10) growth

    rule count on purchase
      set visits = member.visits + 1
      set last_store = event.store
      set amounts = member.amounts + [event.amount]
      set profile = {"store": event.store, "visits": member.visits + 1}

    rule checkin on interaction when event.action == "checkin"
      once per day
      award 5 points expiring in days(10)

    rule share on interaction when event.action == "share"
      cap 25 points per week
      award 10 points expiring on date("2026-12-31")

    rule vip on purchase when event.amount >= 500
      set tier "gold" expiring in days(20)

    rule birthday on birthday
      grant "coupon:birthday"
      award 100 points expiring in days(60)

    rule monthly-bonus on monthly
      award 1 growth

    rule dormant on inactive days(15)
      grant "coupon:comeback"

    rule welcome on tier_change when event.upgrade
      award 7 points to member.id expiring in days(5)

    rule referral on join when has(event.referrer) && is_member(event.referrer)
      award 50 points to event.referrer expiring in days(40)

    rule redeem on purchase when has(event.redeem_points)
      redeem event.redeem_points points worth 0.01 each up to event.amount * 0.3
    """

    static func makeEngine(_ text: String = packText, name: String = "rich.rules") throws -> Engine {
        let (engine, load) = Engine.compile([SourceFile(name: name, text: text)])
        return try #require(engine, "the fixture pack does not compile: \(load.diagnostics)")
    }

    /// 1,200 lines over about ten weeks: joins (birthdays, referrers), purchases (some
    /// redeeming), refunds (one of a purchase that never happened), interactions, ticks,
    /// and replayed duplicates.
    static let lines: [String] = makeLines(count: 1200, members: 60, seed: 7)

    static func makeLines(count: Int, members: Int, seed: UInt64) -> [String] {
        var random = SplitMix64(seed: seed)
        var lines: [String] = []
        var joined: [Int] = []
        var isJoined = [Bool](repeating: false, count: members)
        var purchases: [(id: String, member: Int, cents: Int)] = []
        var seconds: Int64 = 1_767_225_600 // 2026-01-01T00:00:00Z
        var next = 0
        func id() -> String {
            next += 1
            return "e\(next)"
        }
        func at() -> String { "\"at\":\"\(Instant(seconds: seconds)!.rfc3339)\"" }
        // Some amounts with one decimal, most with two: decimal scales must survive a save.
        func money(_ cents: Int) -> String {
            cents % 10 == 0 ? "\(cents / 100).\(cents / 10 % 10)" : "\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100)"
        }
        while lines.count < count {
            seconds += Int64(random.next(below: 3 * 3600))
            if random.next(below: 50) == 0, let earlier = lines.randomElement(using: &random) {
                lines.append(earlier)
                continue
            }
            let member = random.next(below: members)
            let name = "M\(member)"
            if !isJoined[member] {
                isJoined[member] = true
                var line = "{\"id\":\"\(id())\",\"type\":\"join\",\"member\":\"\(name)\",\(at()),\"birthday\":\"1990-0\(1 + random.next(below: 3))-\(10 + random.next(below: 18))\""
                if !joined.isEmpty, random.next(below: 3) == 0 { line += ",\"referrer\":\"M\(joined[random.next(below: joined.count)])\"" }
                lines.append(line + "}")
                joined.append(member)
                continue
            }
            switch random.next(below: 100) {
            case 0..<55:
                let cents = 500 + random.next(below: 80_000)
                let event = id()
                var line = "{\"id\":\"\(event)\",\"type\":\"purchase\",\"member\":\"\(name)\",\(at()),\"store\":\"S\(random.next(below: 4))\",\"amount\":\(money(cents))"
                line += ",\"items\":[{\"sku\":\"A-1\",\"category\":\"fresh\",\"qty\":1,\"price\":\(money(cents))}]"
                if random.next(below: 10) == 0 { line += ",\"redeem_points\":\([100, 500, 2000][random.next(below: 3)])" }
                lines.append(line + "}")
                purchases.append((event, member, cents))
            case 55..<63 where !purchases.isEmpty:
                let original = purchases[random.next(below: purchases.count)]
                let cents = random.next(below: 2) == 0 ? original.cents : max(1, original.cents * (1 + random.next(below: 9)) / 10)
                lines.append("{\"id\":\"\(id())\",\"type\":\"refund\",\"member\":\"M\(original.member)\",\(at()),\"original\":\"\(original.id)\",\"amount\":\(money(cents))}")
            case 63..<64:
                lines.append("{\"id\":\"\(id())\",\"type\":\"refund\",\"member\":\"\(name)\",\(at()),\"original\":\"nowhere\",\"amount\":1.00}")
            case 64..<92:
                let action = ["checkin", "checkin", "share", "like"][random.next(below: 4)]
                lines.append("{\"id\":\"\(id())\",\"type\":\"interaction\",\"member\":\"\(name)\",\(at()),\"action\":\"\(action)\"}")
            default:
                lines.append("{\"id\":\"\(id())\",\"type\":\"tick\",\(at())}")
            }
        }
        return lines
    }

    /// Feeds lines to an engine; returns the decision lines written.
    @discardableResult
    static func feed(_ engine: Engine, _ lines: some Collection<String>) -> [String] {
        let output = OutputBuffer()
        let processor = StreamProcessor(engine: engine, output: output, errors: OutputBuffer(), rejects: nil)
        for (number, line) in lines.enumerated() {
            let bytes = Array(line.utf8)
            bytes.withUnsafeBufferPointer { processor.process($0, lineNumber: number + 1) }
        }
        return String(decoding: output.bytes, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// The `state show` text of an engine's state now.
    static func report(_ engine: Engine) -> String {
        let output = OutputBuffer()
        StateReport(engine.makeStateSnapshot()).writeAll(to: output)
        return String(decoding: output.bytes, as: UTF8.self)
    }

    /// Saves and loads through the file format (not the file system).
    @discardableResult
    static func roundTrip(_ engine: Engine, into fresh: Engine) throws -> [String] {
        try fresh.restore(from: StateCodec.decode(StateCodec.encode(engine.makeStateSnapshot())))
    }
}

/// A small, fast, seedable generator (Steele, Lea and Flood's SplitMix64).
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(below bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }
}

import LoyaltyEngine
import RuleLanguage

/// Two values side by side: what the current rules decided and what the proposed ones would.
public struct OldNew<Value: Sendable>: Sendable {
    public var old: Value
    public var new: Value

    public init(old: Value, new: Value) {
        self.old = old
        self.new = new
    }
}

extension OldNew where Value == Int64 {
    public var change: Int64 { new - old }
}

extension OldNew where Value == Int {
    public var change: Int { new - old }
}

extension OldNew where Value == ExactDecimal? {
    /// The change in yuan, when both sides' values are known.
    public var change: ExactDecimal? {
        guard let old, let new else { return nil }
        return try? new.subtracting(old)
    }
}

/// Everything `loyalty simulate` reports, computed once from a `Simulation`; rendered as
/// text (SimulationReport+Text.swift) and as an HTML page (SimulationReport+HTML.swift).
public struct SimulationReport: Sendable {
    /// How each side was loaded, for the heading: rule paths and `--set` overrides.
    public struct Source: Sendable {
        public var rules: [String]
        public var overrides: [String]

        public init(rules: [String], overrides: [String] = []) {
            self.rules = rules
            self.overrides = overrides
        }

        public var label: String {
            rules.joined(separator: " ") + (overrides.isEmpty ? "" : " " + overrides.map { "--set \($0)" }.joined(separator: " "))
        }
    }

    /// What one point is worth in yuan, and where that came from; nil `yuan` when unknown.
    public struct PointValue: Sendable, Equatable {
        public var yuan: ExactDecimal?
        /// "--point-value" or "param point_value".
        public var source: String?
    }

    public struct PackValue: Sendable {
        public var pack: String
        public var value: OldNew<PointValue>
    }

    public enum Direction: String, Sendable {
        case issued, redeemed, deducted, clawedBack = "taken back by refunds", expired
    }

    /// Points one rule moved in one account in one direction.
    public struct RuleRow: Sendable {
        public var rule: String
        public var pack: String
        public var account: String
        public var direction: Direction
        /// The rule's reason, or what the engine's own rules do.
        public var what: String
        public var points: OldNew<Int64>
        public var yuan: OldNew<ExactDecimal?>

        /// `bench.base`, or `growth.base [growth]` for accounts other than points.
        public var label: String { account == "points" ? rule : "\(rule) [\(account)]" }

        /// The "what" to show: beside a "kind" column the engine's own descriptions
        /// ("points taken back by refunds") would only repeat it.
        func shownWhat(besideKind: Bool) -> String { besideKind && what.hasPrefix("points ") ? "" : what }
    }

    /// One pack's movements in one account, summed over its rules.
    public struct PackTotals: Sendable {
        public var pack: String
        public var account: String
        public var issued: OldNew<Int64>
        /// `redeem` decisions and rules' `deduct`s.
        public var redeemed: OldNew<Int64>
        public var clawedBack: OldNew<Int64>
        public var expired: OldNew<Int64>
        /// issued − redeemed − taken back − expired: how much the members' balances grew.
        public var net: OldNew<Int64> {
            OldNew(old: issued.old - redeemed.old - clawedBack.old - expired.old,
                   new: issued.new - redeemed.new - clawedBack.new - expired.new)
        }
    }

    public struct TierRow: Sendable {
        public var pack: String
        public var tier: String
        /// nil when the tier does not exist on that side.
        public var members: OldNew<Int?>
    }

    public struct TierMove: Sendable {
        public var member: String
        public var pack: String
        public var tiers: OldNew<String>
    }

    public struct BenefitRow: Sendable {
        public var benefit: String
        public var granted: OldNew<Int64>
    }

    public struct MemberRow: Sendable {
        public var member: String
        public var issued: OldNew<Int64>
    }

    public struct DayRow: Sendable {
        /// `YYYY-MM-DD`.
        public var date: String
        public var issued: OldNew<Int64>
    }

    public var sources: OldNew<Source>
    /// Lines read and lines rejected before the engines (by code, most first).
    public var lines: Int
    public var rejected: [(code: String, count: Int)]
    public var applied: OldNew<Int>
    /// Events an engine refused (duplicates, rule errors, unknown originals), by code.
    public var failures: [(code: String, count: OldNew<Int>)]
    public var firstRuleError: OldNew<String?>
    public var members: OldNew<Int>
    /// How days are counted, e.g. "local dates in +08:00 (the timezone of pack bench)".
    public var dayBasis: String
    public var pointValues: [PackValue]
    public var issued: [RuleRow]
    /// Redeemed, deducted, taken back by refunds and expired.
    public var outflows: [RuleRow]
    public var totals: [PackTotals]
    public var tiers: [TierRow]
    /// Members whose tier differs at the end in at least one pack, and the first few moves.
    public var membersInOtherTier: Int
    public var tierMoves: [TierMove]
    public var benefits: [BenefitRow]
    public var mostAffected: [MemberRow]
    public var days: [DayRow]

    /// How many members `tierMoves` and `mostAffected` list.
    public static let listed = 10

    /// Points issued in the `points` account over every pack.
    public var pointsIssued: OldNew<Int64> {
        let rows = issued.filter { $0.account == "points" }
        return OldNew(old: rows.reduce(0) { $0 + $1.points.old }, new: rows.reduce(0) { $0 + $1.points.new })
    }

    /// Points redeemed (and deducted) in the `points` account over every pack.
    public var pointsRedeemed: OldNew<Int64> {
        let rows = totals.filter { $0.account == "points" }
        return OldNew(old: rows.reduce(0) { $0 + $1.redeemed.old }, new: rows.reduce(0) { $0 + $1.redeemed.new })
    }

    /// The yuan value of the points issued, summed over the packs whose point value is known
    /// on both sides; nil when none is (zero when no points were issued at all).
    public var yuanIssued: OldNew<ExactDecimal?> { yuanSum(issued.filter { $0.account == "points" }) }

    public var yuanRedeemed: OldNew<ExactDecimal?> {
        yuanSum(outflows.filter { $0.account == "points" && ($0.direction == .redeemed || $0.direction == .deducted) })
    }

    /// The packs whose point value is unknown on at least one side.
    public var packsWithoutValue: [String] {
        pointValues.filter { $0.value.old.yuan == nil || $0.value.new.yuan == nil }.map(\.pack)
    }

    func yuanSum(_ rows: [RuleRow]) -> OldNew<ExactDecimal?> {
        let known = rows.filter { $0.yuan.old != nil && $0.yuan.new != nil }
        guard !known.isEmpty || rows.isEmpty else { return OldNew(old: nil, new: nil) }
        var old = ExactDecimal(0)
        var new = ExactDecimal(0)
        for row in known {
            old = (try? old.adding(row.yuan.old!)) ?? old
            new = (try? new.adding(row.yuan.new!)) ?? new
        }
        return OldNew(old: old, new: new)
    }
}

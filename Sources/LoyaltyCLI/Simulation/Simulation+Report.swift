import Foundation
import LoyaltyEngine
import RuleLanguage

/// Turning the two tallies and the two engines' final state into a `SimulationReport`.
extension Simulation {
    /// - Parameters:
    ///   - pointValue: yuan per point for every pack (`--point-value`); otherwise each pack's
    ///     `point_value` param, if it has one, on each side.
    ///   - sources: how each side was loaded, for the heading.
    public func report(pointValue: ExactDecimal? = nil,
                       sources: OldNew<SimulationReport.Source> = OldNew(old: .init(rules: []), new: .init(rules: []))) -> SimulationReport {
        let packNames = Self.union(old.packs.map(\.name), new.packs.map(\.name))
        let values = packNames.map { name in
            SimulationReport.PackValue(pack: name, value: OldNew(
                old: Self.pointValue(of: old.packs.first { $0.name == name }, override: pointValue),
                new: Self.pointValue(of: new.packs.first { $0.name == name }, override: pointValue)))
        }
        let rows = ruleRows(values: values, packOrder: packNames)
        let (tierRows, moved, moves) = tierComparison(packNames)
        return SimulationReport(
            sources: sources,
            lines: lines,
            rejected: rejected.map { (code: $0.key.rawValue, count: $0.value) }.sorted { ($0.count, $1.code) > ($1.count, $0.code) },
            applied: OldNew(old: oldTally.applied, new: newTally.applied),
            failures: InputError.Code.allCases.compactMap { code in
                let count = OldNew(old: oldTally.failures[code] ?? 0, new: newTally.failures[code] ?? 0)
                return count.old + count.new == 0 ? nil : (code: code.rawValue, count: count)
            },
            firstRuleError: OldNew(old: oldTally.firstRuleError, new: newTally.firstRuleError),
            members: OldNew(old: old.memberCount, new: new.memberCount),
            dayBasis: zone == .utc ? "UTC dates of the events' time"
                : "local dates in \(zone.name), the timezone of pack \(zonePack ?? "?")",
            pointValues: values,
            issued: rows.filter { $0.direction == .issued },
            outflows: rows.filter { $0.direction != .issued },
            totals: Self.totals(rows, packOrder: packNames),
            tiers: tierRows,
            membersInOtherTier: moved,
            tierMoves: moves,
            benefits: Self.union(oldTally.benefits.keys.sorted(), newTally.benefits.keys.sorted()).sorted().map { name in
                SimulationReport.BenefitRow(benefit: name, granted: OldNew(old: oldTally.benefits[name] ?? 0, new: newTally.benefits[name] ?? 0))
            },
            mostAffected: mostAffected(limit: SimulationReport.listed),
            days: days())
    }

    static func pointValue(of pack: CompiledPack?, override: ExactDecimal?) -> SimulationReport.PointValue {
        if let override { return .init(yuan: override, source: "--point-value") }
        guard let pack, let parameter = pack.parameters.first(where: { $0.name == "point_value" }) else { return .init(yuan: nil, source: nil) }
        let yuan: ExactDecimal? = switch parameter.value {
        case .int(let n): ExactDecimal(n)
        case .decimal(let d): d
        case .double(let x): ExactDecimal(exactly: x)
        default: nil
        }
        return .init(yuan: yuan, source: yuan == nil ? nil : "param point_value")
    }

    /// One row per rule, account and direction that moved points on either side.
    func ruleRows(values: [SimulationReport.PackValue], packOrder: [String]) -> [SimulationReport.RuleRow] {
        var rows: [SimulationReport.RuleRow] = []
        let flows = Set(oldTally.flows.keys).union(newTally.flows.keys)
        for flow in flows {
            let pack = String(flow.rule.prefix { $0 != "." })
            let value = values.first { $0.pack == pack }?.value
            let movement = OldNew(old: oldTally.flows[flow] ?? Movement(), new: newTally.flows[flow] ?? Movement())
            let reason = newTally.reasons[flow.rule] ?? oldTally.reasons[flow.rule] ?? ""
            let isRefund = flow.rule == pack + ".refund"
            let parts: [(SimulationReport.Direction, KeyPath<Movement, Int64>, String)] = [
                (.issued, \.issued, isRefund ? "redeemed points given back by refunds" : reason),
                (isRefund ? .clawedBack : .deducted, \.deducted, isRefund ? "points taken back by refunds" : reason),
                (.redeemed, \.redeemed, reason),
                (.expired, \.expired, "points that reached their expiry"),
            ]
            for (direction, path, what) in parts {
                let points = OldNew(old: movement.old[keyPath: path], new: movement.new[keyPath: path])
                guard points.old != 0 || points.new != 0 else { continue }
                let yuan = flow.account == "points"
                    ? OldNew(old: Self.yuan(points.old, value?.old.yuan), new: Self.yuan(points.new, value?.new.yuan))
                    : OldNew(old: nil, new: nil)
                rows.append(.init(rule: flow.rule, pack: pack, account: flow.account, direction: direction, what: what, points: points, yuan: yuan))
            }
        }
        // Pack order, points before other accounts, then the biggest first.
        return rows.sorted { a, b in
            let packs = (packOrder.firstIndex(of: a.pack) ?? .max, packOrder.firstIndex(of: b.pack) ?? .max)
            if packs.0 != packs.1 { return packs.0 < packs.1 }
            if (a.account == "points") != (b.account == "points") { return a.account == "points" }
            if a.account != b.account { return a.account < b.account }
            let sizes = (max(a.points.old, a.points.new), max(b.points.old, b.points.new))
            return sizes.0 != sizes.1 ? sizes.0 > sizes.1 : (a.rule, a.direction.rawValue) < (b.rule, b.direction.rawValue)
        }
    }

    static func yuan(_ points: Int64, _ value: ExactDecimal?) -> ExactDecimal? {
        guard let value else { return nil }
        return try? ExactDecimal(points).multiplying(by: value)
    }

    static func totals(_ rows: [SimulationReport.RuleRow], packOrder: [String]) -> [SimulationReport.PackTotals] {
        var totals: [SimulationReport.PackTotals] = []
        for row in rows {
            var index = totals.firstIndex { $0.pack == row.pack && $0.account == row.account }
            if index == nil {
                let zero = OldNew<Int64>(old: 0, new: 0)
                totals.append(.init(pack: row.pack, account: row.account, issued: zero, redeemed: zero, clawedBack: zero, expired: zero))
                index = totals.count - 1
            }
            let add = { (sum: inout OldNew<Int64>) in
                sum.old += row.points.old
                sum.new += row.points.new
            }
            switch row.direction {
            case .issued: add(&totals[index!].issued)
            case .redeemed, .deducted: add(&totals[index!].redeemed)
            case .clawedBack: add(&totals[index!].clawedBack)
            case .expired: add(&totals[index!].expired)
            }
        }
        return totals
    }

    /// Members per tier at the end, and the members whose tier differs in a pack both sides have.
    func tierComparison(_ packNames: [String]) -> (rows: [SimulationReport.TierRow], moved: Int, moves: [SimulationReport.TierMove]) {
        let counts = OldNew(old: Self.tierCounts(old), new: Self.tierCounts(new))
        var rows: [SimulationReport.TierRow] = []
        var common: [(name: String, old: Int, new: Int)] = []
        for name in packNames {
            let oldIndex = old.packs.firstIndex { $0.name == name }
            let newIndex = new.packs.firstIndex { $0.name == name }
            let ladders = OldNew(old: oldIndex.map { old.packs[$0].tierNames } ?? [], new: newIndex.map { new.packs[$0].tierNames } ?? [])
            for tier in Self.union(ladders.old, ladders.new) {
                rows.append(.init(pack: name, tier: tier, members: OldNew(
                    old: oldIndex.flatMap { pack in ladders.old.firstIndex(of: tier).map { counts.old[pack][$0] } },
                    new: newIndex.flatMap { pack in ladders.new.firstIndex(of: tier).map { counts.new[pack][$0] } })))
            }
            if let oldIndex, let newIndex, !ladders.old.isEmpty, !ladders.new.isEmpty { common.append((name, oldIndex, newIndex)) }
        }
        guard !common.isEmpty else { return (rows, 0, []) }
        var newPositions: [String: Int] = [:]
        newPositions.reserveCapacity(new.memberCount)
        for position in 0..<new.memberCount { newPositions[new.memberID(at: position)] = position }
        var moved = 0
        var moves: [SimulationReport.TierMove] = []
        for position in 0..<old.memberCount {
            let id = old.memberID(at: position)
            guard let other = newPositions[id] else { continue }
            var differs = false
            for pack in common {
                let from = old.packs[pack.old].tierNames[old.tierIndex(ofMemberAt: position, pack: pack.old)]
                let to = new.packs[pack.new].tierNames[new.tierIndex(ofMemberAt: other, pack: pack.new)]
                guard from != to else { continue }
                differs = true
                if moves.count < SimulationReport.listed { moves.append(.init(member: id, pack: pack.name, tiers: OldNew(old: from, new: to))) }
            }
            if differs { moved += 1 }
        }
        return (rows, moved, moves)
    }

    /// `counts[pack][tier]`: members per tier of each pack of the engine.
    static func tierCounts(_ engine: Engine) -> [[Int]] {
        var counts = engine.packs.map { [Int](repeating: 0, count: $0.tierNames.count) }
        for position in 0..<engine.memberCount {
            for pack in engine.packs.indices where !counts[pack].isEmpty {
                counts[pack][engine.tierIndex(ofMemberAt: position, pack: pack)] += 1
            }
        }
        return counts
    }

    /// The members with the largest difference in points issued, largest first.
    func mostAffected(limit: Int) -> [SimulationReport.MemberRow] {
        let oldIssued = oldTally.issuedByMember
        let newIssued = newTally.issuedByMember
        var rows: [SimulationReport.MemberRow] = []
        for (slot, id) in memberIDs.enumerated() {
            let issued = OldNew(old: slot < oldIssued.count ? oldIssued[slot] : 0, new: slot < newIssued.count ? newIssued[slot] : 0)
            if issued.change != 0 { rows.append(.init(member: id, issued: issued)) }
        }
        rows.sort { ($0.issued.change.magnitude, $1.member) > ($1.issued.change.magnitude, $0.member) }
        return Array(rows.prefix(limit))
    }

    /// Points issued per day, every day from the first to the last (days without points are 0).
    func days() -> [SimulationReport.DayRow] {
        let keys = Set(oldTally.issuedPerDay.keys).union(newTally.issuedPerDay.keys)
        guard let first = keys.min(), let last = keys.max() else { return [] }
        // A stray timestamp years away would make an endless run of empty days: then only days with points.
        let span: [Int64] = last - first <= 3660 ? Array(first...last) : keys.sorted()
        return span.map { day in
            let date = CivilCalendar.civilFromDays(day)
            let text = String(format: "%04d-%02d-%02d", date.year, date.month, date.day)
            return .init(date: text, issued: OldNew(old: oldTally.issuedPerDay[day] ?? 0, new: newTally.issuedPerDay[day] ?? 0))
        }
    }

    /// `a` followed by the elements of `b` not in `a`, each once.
    static func union(_ a: [String], _ b: [String]) -> [String] {
        var seen = Set<String>()
        return (a + b).filter { seen.insert($0).inserted }
    }
}

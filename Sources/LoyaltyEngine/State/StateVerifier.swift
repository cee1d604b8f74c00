import Foundation
import RuleLanguage

/// `loyalty state verify`: the ledger invariants of a state file, and — given the decisions
/// (and events) that produced it — that the decisions add up to it (issue "Prove it cannot be
/// broken"). Each problem is one plain sentence naming the member and account.
public struct StateVerification: Sendable {
    public var problems: [String] = []
    public var members = 0
    public var accounts = 0
    public var lots = 0
    public var decisions = 0
    public var refunds = 0

    public var isClean: Bool { problems.isEmpty }

    /// The summary line printed after the problems.
    public var summary: String {
        "{\"verified\":\(isClean),\"members\":\(members),\"accounts\":\(accounts),\"lots\":\(lots),"
            + "\"decisions\":\(decisions),\"refunds\":\(refunds),\"problems\":\(problems.count)}"
    }
}

public enum StateVerifier {
    /// Checks a state; `decisions` and `events` are the JSON lines of the run(s) that made it
    /// (all of them, from an empty state), when available.
    public static func verify(_ snapshot: StateSnapshot, decisions: [String]? = nil, events: [String]? = nil) -> StateVerification {
        var result = StateVerification()
        result.members = snapshot.members.count
        var balances: [String: Int64] = [:]
        for member in snapshot.members {
            for (packIndex, pack) in member.packs.enumerated() where packIndex < snapshot.packs.count {
                let table = snapshot.packs[packIndex]
                if !table.tiers.isEmpty, !(0..<table.tiers.count).contains(pack.tier) {
                    result.problems.append("member '\(member.id)', pack '\(table.name)': tier \(pack.tier) is not on the ladder \(table.tiers)")
                }
                for (accountIndex, ledger) in pack.accounts.enumerated() where accountIndex < table.accounts.count {
                    result.accounts += 1
                    let place = "member '\(member.id)', pack '\(table.name)', account '\(table.accounts[accountIndex])'"
                    let live = ledger.liveLots
                    result.lots += live.count
                    let lotSum = live.reduce(Int64(0)) { $0 + $1.remaining }
                    if ledger.balance != lotSum + ledger.debt {
                        result.problems.append("\(place): balance \(ledger.balance) is not the sum of its lots \(lotSum) plus debt \(ledger.debt)")
                    }
                    if ledger.debt > 0 { result.problems.append("\(place): debt \(ledger.debt) is positive") }
                    if let negative = live.first(where: { $0.remaining < 0 }) {
                        result.problems.append("\(place): lot from '\(negative.source)' has \(negative.remaining) points")
                    }
                    if zip(live, live.dropFirst()).contains(where: { $0.id >= $1.id }) {
                        result.problems.append("\(place): lots are not kept oldest first")
                    }
                    balances["\(member.id)\u{1}\(table.name)\u{1}\(table.accounts[accountIndex])"] = ledger.balance
                }
            }
        }
        if let decisions { checkDecisions(decisions, balances: balances, events: events, into: &result) }
        return result
    }

    /// The decisions must sum to the balances, lapse each lot at most once, and never claw
    /// back more for a purchase than it earned. A line repeated verbatim counts once: a run
    /// restarted from its last checkpoint writes the decisions after it again, byte for byte
    /// (docs/State.md), while within one run two ledger decisions on an account always differ
    /// in the balance they carry.
    private static func checkDecisions(_ lines: [String], balances: [String: Int64], events: [String]?, into result: inout StateVerification) {
        var distinct = Set<String>()
        var sums: [String: Int64] = [:]
        var expired = Set<String>()
        var earnedByEvent: [String: Int64] = [:]
        var clawedByRefund: [String: Int64] = [:]
        for line in lines where !line.isEmpty && distinct.insert(line).inserted {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let member = object["member"] as? String, let kind = object["kind"] as? String,
                  let rule = object["rule"] as? String, let event = object["event"] as? String else {
                result.problems.append("a decision line is not a decision: \(line.prefix(80))")
                continue
            }
            result.decisions += 1
            let pack = String(rule.prefix { $0 != "." })
            let account = object["account"] as? String ?? "points"
            let key = "\(member)\u{1}\(pack)\u{1}\(account)"
            let delta = (object["delta"] as? NSNumber)?.int64Value ?? 0
            switch kind {
            case "points":
                sums[key, default: 0] += delta
                if rule.hasSuffix(".refund") {
                    if delta < 0 { clawedByRefund["\(event)\u{1}\(key)", default: 0] += -delta }
                } else if delta > 0 {
                    earnedByEvent["\(event)\u{1}\(key)", default: 0] += delta
                }
            case "expire":
                sums[key, default: 0] += delta
                let lot = "\(key)\u{1}\(rule)\u{1}\(object["lot"] as? String ?? "")"
                if !expired.insert(lot).inserted {
                    result.problems.append("member '\(member)', pack '\(pack)': the lot from '\(object["lot"] ?? "")' (rule \(rule)) lapsed twice")
                }
            case "redeem":
                sums[key, default: 0] -= (object["points"] as? NSNumber)?.int64Value ?? 0
            default:
                break
            }
        }
        for (key, balance) in balances where sums[key, default: 0] != balance {
            let parts = key.split(separator: "\u{1}")
            result.problems.append("member '\(parts[0])', pack '\(parts[1])', account '\(parts[2])': balance \(balance), but the decisions add up to \(sums[key, default: 0])")
        }
        for (key, sum) in sums where balances[key] == nil && sum != 0 {
            let parts = key.split(separator: "\u{1}")
            result.problems.append("member '\(parts[0])', pack '\(parts[1])': decisions add up to \(sum) in account '\(parts[2])', which the state does not have")
        }
        guard let events else { return }
        // Refunds: all clawbacks against one original, per member and account, at most what it earned.
        var originalOf: [String: String] = [:]
        for line in events {
            guard line.contains("\"refund\""), let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  object["type"] as? String == "refund", let id = object["id"] as? String, let original = object["original"] as? String else { continue }
            originalOf[id] = original
        }
        var clawedByOriginal: [String: Int64] = [:]
        for (key, points) in clawedByRefund {
            let parts = key.split(separator: "\u{1}", maxSplits: 1)
            guard let original = originalOf[String(parts[0])] else { continue }
            clawedByOriginal["\(original)\u{1}\(parts[1])", default: 0] += points
        }
        result.refunds = clawedByOriginal.count
        for (key, clawed) in clawedByOriginal where clawed > earnedByEvent[key, default: 0] {
            let parts = key.split(separator: "\u{1}")
            result.problems.append("member '\(parts[1])', pack '\(parts[2])': refunds of '\(parts[0])' clawed back \(clawed) points, more than its \(earnedByEvent[key, default: 0])")
        }
    }
}

import RuleLanguage

/// `loyalty state show`: each member as one canonical JSON line, members sorted by id (byte
/// order), fields always present and always in this order:
///
///     {"member":…,"joined":…,"birthday":…,"referrer":…,"referrals":…,"last_purchase":…,
///      "packs":{PACK:{"tier":…,"tier_expires":…,
///                     "accounts":{ACCOUNT:{"balance":…,"debt":…,"lifetime":…,"lots":[[SOURCE,REMAINING,EXPIRES],…]}},
///                     "variables":{NAME:VALUE}}},
///      "metrics":{"purchases":…,"spend":…,"interactions":…}}
///
/// Packs, accounts and variables are sorted by name; lots are oldest first; absent values
/// are `null`; money is exact; timestamps are RFC 3339 in UTC. Two states print the same
/// text exactly when they hold the same member state, which is what makes the output fit
/// for comparing runs (and for `state verify`).
public struct StateReport {
    let snapshot: StateSnapshot

    public init(_ snapshot: StateSnapshot) {
        self.snapshot = snapshot
    }

    /// Member positions in id order.
    public var sortedMembers: [Int] {
        let members = snapshot.members
        return members.indices.sorted { members[$0].id.utf8.lexicographicallyPrecedes(members[$1].id.utf8) }
    }

    public func position(ofMember id: String) -> Int? {
        snapshot.members.firstIndex { $0.id == id }
    }

    /// Every member, one line each, in id order.
    public func writeAll(to output: OutputBuffer) {
        for member in sortedMembers { write(member: member, to: output) }
    }

    /// One member's line, for tests and single-member queries.
    public func line(member position: Int) -> String {
        let output = OutputBuffer()
        write(member: position, to: output)
        return String(decoding: output.bytes, as: UTF8.self)
    }

    public func write(member position: Int, to out: OutputBuffer) {
        let member = snapshot.members[position]
        out.append("{\"member\":")
        out.appendJSONString(member.id)
        out.append(",\"joined\":")
        appendTimestamp(member.joined, to: out)
        out.append(",\"birthday\":")
        if let birthday = member.birthday { out.appendJSONString(birthday.description) } else { out.append("null") }
        out.append(",\"referrer\":")
        if let referrer = member.referrer { out.appendJSONString(referrer) } else { out.append("null") }
        out.append(",\"referrals\":")
        out.appendInt(member.referrals)
        out.append(",\"last_purchase\":")
        appendTimestamp(member.lastPurchase, to: out)
        out.append(",\"packs\":{")
        for (count, pack) in sortedIndices(snapshot.packs.map(\.name)).enumerated() {
            if count > 0 { out.append(UInt8(ascii: ",")) }
            writePack(member.packs[pack], table: snapshot.packs[pack], to: out)
        }
        out.append("},\"metrics\":{\"purchases\":")
        out.appendInt(Int64(member.purchases.entries.count))
        out.append(",\"spend\":")
        var spend = ExactDecimal(0)
        for entry in member.purchases.entries { spend = (try? spend.adding(entry.amount)) ?? spend }
        out.appendDecimal(spend)
        out.append(",\"interactions\":")
        out.appendInt(Int64(member.interactions.entries.count))
        out.append("}}\n")
    }

    private func writePack(_ state: PackMemberState, table: StateSnapshot.PackTable, to out: OutputBuffer) {
        out.appendJSONString(table.name)
        out.append(":{\"tier\":")
        if table.tiers.indices.contains(state.tier) { out.appendJSONString(table.tiers[state.tier]) } else { out.append("null") }
        out.append(",\"tier_expires\":")
        appendTimestamp(state.tierExpiresAt, to: out)
        out.append(",\"accounts\":{")
        for (count, account) in sortedIndices(table.accounts).enumerated() {
            if count > 0 { out.append(UInt8(ascii: ",")) }
            let ledger = state.accounts[account]
            out.appendJSONString(table.accounts[account])
            out.append(":{\"balance\":")
            out.appendInt(ledger.balance)
            out.append(",\"debt\":")
            out.appendInt(ledger.debt)
            out.append(",\"lifetime\":")
            out.appendInt(ledger.lifetime)
            out.append(",\"lots\":[")
            var first = true
            for lot in ledger.lots where lot.remaining != 0 {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                out.append(UInt8(ascii: "["))
                out.appendJSONString(lot.source)
                out.append(UInt8(ascii: ","))
                out.appendInt(lot.remaining)
                out.append(UInt8(ascii: ","))
                appendTimestamp(lot.expiresAt, to: out)
                out.append(UInt8(ascii: "]"))
            }
            out.append("]}")
        }
        out.append("},\"variables\":{")
        for (count, variable) in sortedIndices(table.variables).enumerated() {
            if count > 0 { out.append(UInt8(ascii: ",")) }
            out.appendJSONString(table.variables[variable])
            out.append(UInt8(ascii: ":"))
            out.appendRaw(state.variables[variable].json)
        }
        out.append("}}")
    }

    private func appendTimestamp(_ instant: Instant?, to out: OutputBuffer) {
        guard let instant else {
            out.append("null")
            return
        }
        out.append(UInt8(ascii: "\""))
        out.appendTimestamp(instant)
        out.append(UInt8(ascii: "\""))
    }

    private func sortedIndices(_ names: [String]) -> [Int] {
        names.indices.sorted { names[$0].utf8.lexicographicallyPrecedes(names[$1].utf8) }
    }
}

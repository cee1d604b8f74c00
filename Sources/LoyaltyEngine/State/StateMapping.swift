import RuleLanguage

/// How a snapshot's tables line up with the loaded packs, matched by name: which saved pack,
/// account, variable, tier, rule and metric window each loaded one comes from. Saved things
/// with no loaded counterpart are dropped, and the warnings say so (once each, not per member).
struct StateMapping {
    private let packs: [CompiledPack]
    private let tables: [StateSnapshot.PackTable]
    /// Saved pack → loaded pack.
    let packTarget: [Int?]
    /// Loaded pack → saved pack.
    private let packSource: [Int?]
    /// Per saved pack: saved index → loaded index.
    private let accountTarget: [[Int?]]
    private let tierTarget: [[Int?]]
    private let ruleTarget: [[Int?]]
    /// Per loaded pack: loaded variable → saved variable.
    private let variableSource: [[Int?]]
    /// Per loaded pack: loaded account → saved account.
    private let accountSource: [[Int?]]
    /// Loaded metric window → saved window.
    private let windowSource: [Int?]
    /// Nothing to translate: same packs, accounts, variables, tiers, rules and windows, in the same order.
    let isIdentity: Bool
    private(set) var warnings: [String] = []
    /// Members whose saved tier no longer exists, by (saved pack, saved tier).
    private var lostTiers: [Int: [Int: Int]] = [:]

    init(snapshot: StateSnapshot, packs: [CompiledPack], windows: [String]) {
        self.packs = packs
        tables = snapshot.packs
        let loaded = packs.map(\.stateTable)
        func positions(_ names: [String], in others: [String]) -> [Int?] {
            names.map { name in others.firstIndex(of: name) }
        }
        packTarget = positions(tables.map(\.name), in: loaded.map(\.name))
        self.packSource = positions(loaded.map(\.name), in: tables.map(\.name))
        var accountTarget: [[Int?]] = []
        var tierTarget: [[Int?]] = []
        var ruleTarget: [[Int?]] = []
        for (saved, table) in tables.enumerated() {
            guard let target = packTarget[saved] else {
                accountTarget.append([]); tierTarget.append([]); ruleTarget.append([])
                continue
            }
            accountTarget.append(positions(table.accounts, in: loaded[target].accounts))
            tierTarget.append(positions(table.tiers, in: loaded[target].tiers))
            ruleTarget.append(positions(table.rules, in: loaded[target].rules))
        }
        self.accountTarget = accountTarget
        self.tierTarget = tierTarget
        self.ruleTarget = ruleTarget
        let packSource = packSource
        variableSource = loaded.indices.map { pack in
            packSource[pack].map { positions(loaded[pack].variables, in: snapshot.packs[$0].variables) } ?? []
        }
        accountSource = loaded.indices.map { pack in
            packSource[pack].map { positions(loaded[pack].accounts, in: snapshot.packs[$0].accounts) } ?? []
        }
        windowSource = positions(windows, in: snapshot.windows)
        isIdentity = loaded == tables && windows == snapshot.windows
        warnings = tableWarnings(loaded)
    }

    private func tableWarnings(_ loaded: [StateSnapshot.PackTable]) -> [String] {
        var warnings: [String] = []
        for (saved, table) in tables.enumerated() {
            guard let target = packTarget[saved] else {
                warnings.append("the state has pack '\(table.name)', which is not loaded: its member state is dropped")
                continue
            }
            for (index, account) in table.accounts.enumerated() where accountTarget[saved][index] == nil {
                warnings.append("pack '\(table.name)' no longer has account '\(account)': its balances in the state are dropped")
            }
            for variable in table.variables where !loaded[target].variables.contains(variable) {
                warnings.append("pack '\(table.name)' no longer has variable '\(variable)': its values in the state are dropped")
            }
        }
        for (pack, table) in loaded.enumerated() where packSource[pack] == nil {
            warnings.append("pack '\(table.name)' is not in the state: its members start from the pack's defaults")
        }
        return warnings
    }

    /// Adds the tier warnings counted while translating members.
    mutating func finish() {
        for (saved, tiers) in lostTiers.sorted(by: { $0.key < $1.key }) {
            let table = tables[saved]
            let first = packs[packTarget[saved]!].ladder?.names.first
            for (tier, count) in tiers.sorted(by: { $0.key < $1.key }) {
                let destination = first.map { "move to '\($0)'" } ?? "lose their tier (the pack has no tiers now)"
                warnings.append("pack '\(table.name)' no longer has tier '\(table.tiers[tier])': "
                                + "\(count) member\(count == 1 ? "" : "s") \(destination)")
            }
        }
    }

    // MARK: - Translating

    /// A saved member with its pack states, ledgers, variables and windows in the loaded layout.
    mutating func translate(_ saved: MemberState) -> MemberState {
        var member = saved
        member.purchases = translate(saved.purchases)
        member.interactions = translate(saved.interactions)
        member.packs = packs.indices.map { pack in
            guard let source = packSource[pack] else {
                return PackMemberState(accountCount: packs[pack].accounts.count, variables: packs[pack].variableDefaults)
            }
            return translate(saved.packs[source], from: source, to: pack)
        }
        return member
    }

    private mutating func translate(_ saved: PackMemberState, from source: Int, to target: Int) -> PackMemberState {
        let pack = packs[target]
        var state = PackMemberState(accountCount: 0, variables: [])
        if tierTarget[source].indices.contains(saved.tier), let tier = tierTarget[source][saved.tier] {
            state.tier = tier
        } else if tables[source].tiers.indices.contains(saved.tier) {
            // The tier is gone: back to the ladder's first tier (SPEC: tiers are kept by name).
            lostTiers[source, default: [:]][saved.tier, default: 0] += 1
        }
        state.tierExpiresAt = pack.ladder == nil ? nil : saved.tierExpiresAt
        state.accounts = accountSource[target].map { $0.map { saved.accounts[$0] } ?? AccountLedger() }
        state.variables = variableSource[target].enumerated().map { index, source in
            source.map { saved.variables[$0] } ?? pack.variableDefaults[index]
        }
        let rules = ruleTarget[source]
        for (rule, keys) in saved.onceKeys {
            if let rule = rules[rule] { state.onceKeys[rule] = keys }
        }
        for (slot, usage) in saved.capUsage {
            if let rule = rules[slot / 8] { state.capUsage[rule * 8 + slot % 8] = usage }
        }
        for (rule, at) in saved.inactiveNotified {
            if let rule = rules[rule] { state.inactiveNotified[rule] = at }
        }
        return state
    }

    /// Running totals follow their windows by key; a window new to the packs is summed afresh.
    private func translate(_ saved: ActivityLog) -> ActivityLog {
        let totals = saved.windowTotals
        let windows = windowSource.map { source -> ActivityLog.WindowTotal in
            if let source { return totals[source] }
            var fresh = ActivityLog.WindowTotal()
            for entry in saved.entries {
                fresh.total = (try? fresh.total.adding(entry.amount)) ?? fresh.total
            }
            fresh.count = Int64(saved.entries.count)
            return fresh
        }
        return ActivityLog(entries: saved.entries, windowTotals: windows)
    }

    /// A purchase record's movements in loaded pack and account numbers (unmatched ones dropped).
    func translate(_ record: PurchaseRecord) -> PurchaseRecord {
        var record = record
        func map(_ movements: [PurchaseRecord.Movement]) -> [PurchaseRecord.Movement] {
            movements.compactMap { movement in
                guard let pack = packTarget[Int(movement.pack)], let account = accountTarget[Int(movement.pack)][Int(movement.account)] else {
                    return nil
                }
                var translated = movement
                translated.pack = Int16(pack)
                translated.account = Int16(account)
                return translated
            }
        }
        record.earned = map(record.earned)
        record.redeemed = map(record.redeemed)
        return record
    }

    /// A saved timer's order hint in loaded numbers, nil if its pack or rule is gone.
    func translate(_ timer: StateSnapshot.TimerRecord) -> StateSnapshot.TimerRecord? {
        guard let pack = packTarget[timer.pack] else { return nil }
        var translated = timer
        translated.pack = pack
        if timer.rule >= 0 {
            guard let rule = ruleTarget[timer.pack][timer.rule] else { return nil }
            translated.rule = rule
        }
        return translated
    }
}

extension CompiledPack {
    /// The names a state file keeps for this pack.
    var stateTable: StateSnapshot.PackTable {
        .init(name: name, accounts: accounts, variables: variableNames, tiers: ladder?.names ?? [], rules: allRules.map(\.name))
    }
}

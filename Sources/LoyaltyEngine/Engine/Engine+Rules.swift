import RuleLanguage

/// Running a pack's rules for one hook and member: conditions, `once`, actions in order,
/// `stop`; then immediate tier upgrades and `on tier_change` rules.
extension Engine {
    /// A tier move waiting for the pack's `on tier_change` rules.
    struct PendingTierChange {
        var member: Int32
        var from: String
        var to: String
        var upgrade: Bool
        var eventID: String
    }

    func runRules(_ pack: CompiledPack, hook: CompiledPack.Hook, event: Value, eventID: String, member: Int32, time: Instant,
                  onlyRule: Int? = nil) throws(RuleFailure) {
        var affected = affectedScratch
        affected.removeAll(keepingCapacity: true)
        affected.append(member)
        defer { affectedScratch = affected }
        var tierChanges: [PendingTierChange] = []
        if let rules = pack.rules[hook] {
            let activation = pack.activation
            context.time = time
            context.member = member
            activation.beginEvaluation()
            activation.bind(event, to: 0)
            for rule in rules {
                if let onlyRule, rule.index != onlyRule { continue }
                context.member = member
                var explained: [(String, Value)] = []
                if let condition = rule.condition {
                    let value = condition(activation)
                    switch value {
                    case .bool(true): if options.explain { explained.append(("when", value)) }
                    case .bool(false): continue
                    default: throw failure(rule, value, what: "its condition")
                    }
                }
                let onceKey = try onceKey(rule, pack: pack, member: member, time: time)
                if let onceKey, directory[member].packs[pack.index].onceKeys[rule.index]?.contains(onceKey) == true { continue }
                for action in rule.actions {
                    try execute(action, rule: rule, pack: pack, member: member, eventID: eventID, time: time,
                                explained: explained, affected: &affected, tierChanges: &tierChanges)
                }
                if let onceKey {
                    // Every period used is remembered (events may arrive late), up to a bound.
                    touch(member)
                    directory[member].packs[pack.index].onceKeys[rule.index, default: []].insert(onceKey)
                    if case .calendar? = rule.once, directory[member].packs[pack.index].onceKeys[rule.index]!.count > Self.oncePeriodsKept {
                        let kept = directory[member].packs[pack.index].onceKeys[rule.index]!.sorted().suffix(Self.oncePeriodsKept / 2)
                        directory[member].packs[pack.index].onceKeys[rule.index] = Set(kept)
                    }
                }
                if rule.stops { break }
            }
        }
        if let ladder = pack.ladder, ladder.upgradesImmediately, hook != .tierChange {
            if let type = ladder.upgradesAfter {
                if hook == .event(type) {
                    try upgradeIfQualified(pack, member: member, eventID: eventID, time: time, tierChanges: &tierChanges)
                }
            } else {
                for target in affected {
                    try upgradeIfQualified(pack, member: target, eventID: eventID, time: time, tierChanges: &tierChanges)
                }
            }
        }
        try runPendingTierChanges(pack, tierChanges, time: time)
    }

    /// `once per day` (week, month, …) remembers this many periods per member and rule; a late
    /// event from before the oldest of them could fire the rule again.
    static let oncePeriodsKept = 800

    /// The key under which `once` remembers this firing, or nil for rules without `once`.
    private func onceKey(_ rule: CompiledRule, pack: CompiledPack, member: Int32, time: Instant) throws(RuleFailure) -> String? {
        switch rule.once {
        case nil: return nil
        case .ever?: return "ever"
        case .calendar(let period)?: return period.key(containing: time, in: pack.zone)
        case .key(let program)?:
            let value = program(pack.activation)
            if case .error = value { throw failure(rule, value, what: "its 'once per' key") }
            if case .string(let text) = value { return text }
            return value.debugDescription
        }
    }

    /// A run-time error in a rule, naming the rule and where it went wrong.
    func failure(_ rule: CompiledRule, _ value: Value, what: String) -> RuleFailure {
        guard case .error(let error) = value else {
            return RuleFailure(message: "rule \(rule.qualifiedName) at \(rule.location): \(what) gave \(value.typeName) \(value.debugDescription)")
        }
        let location = error.range.map { "\(rule.file.name):\(rule.file.location(of: Int($0.start)))" } ?? rule.location
        return RuleFailure(message: "rule \(rule.qualifiedName) at \(location): \(error.message)")
    }

    /// Runs `on tier_change` rules for each move, including moves those rules cause (to a limit).
    func runPendingTierChanges(_ pack: CompiledPack, _ changes: [PendingTierChange], time: Instant) throws(RuleFailure) {
        guard !changes.isEmpty, pack.rules[.tierChange] != nil else { return }
        var queue = changes
        var rounds = 0
        while !queue.isEmpty {
            rounds += 1
            if rounds > 16 {
                throw RuleFailure(message: "pack \(pack.name): tier changes keep triggering each other (more than 16 in a row)")
            }
            let change = queue.removeFirst()
            let event = Value.map(ValueMap(fields: [
                ("id", .string(change.eventID)), ("type", .string("tier_change")), ("member", .string(directory[change.member].id)),
                ("at", .timestamp(time)), ("from", .string(change.from)), ("to", .string(change.to)), ("upgrade", .bool(change.upgrade)),
            ]))
            var more: [PendingTierChange] = []
            try runTierChangeHook(pack, event: event, change: change, time: time, followUps: &more)
            queue.append(contentsOf: more)
        }
    }

    private func runTierChangeHook(_ pack: CompiledPack, event: Value, change: PendingTierChange, time: Instant,
                                   followUps: inout [PendingTierChange]) throws(RuleFailure) {
        let activation = pack.activation
        context.time = time
        activation.beginEvaluation()
        activation.bind(event, to: 0)
        var affected: [Int32] = []
        for rule in pack.rules[.tierChange] ?? [] {
            context.member = change.member
            if let condition = rule.condition {
                let value = condition(activation)
                switch value {
                case .bool(true): break
                case .bool(false): continue
                default: throw failure(rule, value, what: "its condition")
                }
            }
            for action in rule.actions {
                try execute(action, rule: rule, pack: pack, member: change.member, eventID: change.eventID, time: time,
                            explained: [], affected: &affected, tierChanges: &followUps)
            }
            if rule.stops { break }
        }
    }
}

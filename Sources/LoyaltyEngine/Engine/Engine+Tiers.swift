import RuleLanguage

/// Tier moves: immediate upgrades after an event, reviews on the ladder's schedule (up
/// and/or down as the pack says), and tier changes made by rules. Every move is a `tier`
/// decision and then runs the pack's `on tier_change` rules.
extension Engine {
    /// The highest tier whose condition holds for the member now.
    func qualifiedTier(_ pack: CompiledPack, _ ladder: CompiledLadder, member: Int32, time: Instant) throws(RuleFailure) -> Int {
        context.member = member
        context.time = time
        let activation = pack.activation
        activation.beginEvaluation()
        for index in stride(from: ladder.conditions.count - 1, to: 0, by: -1) {
            guard let condition = ladder.conditions[index] else { continue }
            let value = condition(activation)
            switch value {
            case .bool(true): return index
            case .bool(false): continue
            case .error(let error):
                throw RuleFailure(message: "tier condition for '\(ladder.names[index])' in pack \(pack.name)"
                                  + (error.range.map { " at \(pack.file.name):\(pack.file.location(of: Int($0.start)))" } ?? "") + ": \(error.message)")
            default:
                throw RuleFailure(message: "tier condition for '\(ladder.names[index])' in pack \(pack.name) is not true or false")
            }
        }
        return 0
    }

    func upgradeIfQualified(_ pack: CompiledPack, member: Int32, eventID: String, time: Instant,
                            tierChanges: inout [PendingTierChange]) throws(RuleFailure) {
        guard let ladder = pack.ladder else { return }
        let qualified = try qualifiedTier(pack, ladder, member: member, time: time)
        guard qualified > directory[member].packs[pack.index].tier else { return }
        touch(member)
        try changeTier(pack, member: member, to: qualified, eventID: eventID, rule: "\(pack.name).tier", reason: nil,
                       time: time, tierChanges: &tierChanges, explanation: options.explain ? Explanation(source: "\(pack.file.name): tiers", values: [("qualified", .string(ladder.names[qualified]))]) : nil)
    }

    /// A scheduled review: move the member to the qualified tier where the policy allows.
    func review(_ pack: CompiledPack, member: Int32, eventID: String, time: Instant) throws(RuleFailure) {
        guard let ladder = pack.ladder else { return }
        let current = directory[member].packs[pack.index].tier
        // A tier held by a rule's "expiring …" stays until it lapses.
        if directory[member].packs[pack.index].tierExpiresAt != nil { return }
        let qualified = try qualifiedTier(pack, ladder, member: member, time: time)
        let moves = (qualified > current && (ladder.upgradesAtReview || ladder.upgradesImmediately))
            || (qualified < current && ladder.downgradesAtReview)
        guard moves else { return }
        touch(member)
        var changes: [PendingTierChange] = []
        try changeTier(pack, member: member, to: qualified, eventID: eventID, rule: "\(pack.name).tier", reason: nil,
                       time: time, tierChanges: &changes, explanation: nil)
        try runPendingTierChanges(pack, changes, time: time)
    }

    /// Moves a member and records the decision; `on tier_change` rules follow later.
    func changeTier(_ pack: CompiledPack, member: Int32, to index: Int, eventID: String, rule: String, reason: String?,
                    time: Instant, tierChanges: inout [PendingTierChange], explanation: Explanation? = nil) throws(RuleFailure) {
        guard let ladder = pack.ladder else { return }
        let current = directory[member].packs[pack.index].tier
        guard index != current else { return }
        directory[member].packs[pack.index].tier = index
        var decision = Decision(event: eventID, member: directory[member].id, kind: .tier, rule: rule)
        decision.from = ladder.names[current]
        decision.to = ladder.names[index]
        decision.reason = reason
        decision.explanation = explanation
        emit(decision)
        tierChanges.append(PendingTierChange(member: member, from: ladder.names[current], to: ladder.names[index],
                                             upgrade: index > current, eventID: eventID))
    }

    /// A tier change outside an event's rules (a lapse, a review) still runs `on tier_change`.
    func changeTier(_ pack: CompiledPack, member: Int32, to index: Int, eventID: String, rule: String, reason: String?, time: Instant) throws(RuleFailure) {
        var changes: [PendingTierChange] = []
        try changeTier(pack, member: member, to: index, eventID: eventID, rule: rule, reason: reason, time: time, tierChanges: &changes)
        try runPendingTierChanges(pack, changes, time: time)
    }
}

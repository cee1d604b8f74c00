import RuleLanguage

/// Builds the `member` object rules see in one pack: identity fields, the pack's tier,
/// balances and variables, and the activity metrics (SPEC §5 "Member metrics").
struct MemberObject {
    let context: RuleContext
    let pack: Int
    let zone: TimeZoneRule
    let accounts: [String]
    let variables: [String]
    let tierNames: [String]?
    let ruleNames: [String]

    func make() -> HostObjectType {
        var object = HostObjectType(name: "member")
        let context = context
        let pack = pack
        object.fields["id"] = .init(type: .string, help: "the member's id") { _ in .string(context.directory[context.member].id) }
        object.fields["joined"] = .init(type: .timestamp, help: "when the member joined, or null") { _ in
            context.directory[context.member].joined.map(Value.timestamp) ?? .null
        }
        object.fields["birthday"] = .init(type: .string, help: "the birthday as YYYY-MM-DD, or null") { _ in
            context.directory[context.member].birthday.map { .string($0.description) } ?? .null
        }
        object.fields["referrer"] = .init(type: .string, help: "who referred the member, or null") { _ in
            context.directory[context.member].referrer.map(Value.string) ?? .null
        }
        object.fields["referrals"] = .init(type: .int, help: "how many members this member referred") { _ in
            .int(context.directory[context.member].referrals)
        }
        object.fields["last_purchase"] = .init(type: .timestamp, help: "the time of the last purchase, or null") { _ in
            context.directory[context.member].lastPurchase.map(Value.timestamp) ?? .null
        }
        if let tierNames {
            object.fields["tier"] = .init(type: .string, help: "the member's tier in this pack") { _ in
                .string(tierNames[context.directory[context.member].packs[pack].tier])
            }
        }
        for (index, account) in accounts.enumerated() {
            object.fields[account] = .init(type: .int, help: "the member's \(account) balance") { _ in
                .int(context.directory[context.member].packs[pack].accounts[index].balance)
            }
        }
        for (index, name) in variables.enumerated() {
            object.fields[name] = .init(type: .dyn, help: "this pack's variable '\(name)'") { _ in
                context.directory[context.member].packs[pack].variables[index]
            }
        }
        addMetrics(to: &object)
        return object
    }

    private func addMetrics(to object: inout HostObjectType) {
        let context = context
        let pack = pack
        let zone = zone
        let accounts = accounts
        let ruleNames = ruleNames
        let window = "a duration like days(365), or a period: \"day\", \"week\", \"month\", \"quarter\" or \"year\""
        object.methods["spend"] = .init(parameters: [.dyn], result: .decimal, help: "member.spend(days(365)) or member.spend(\"month\"): net purchase amounts in \(window)",
                                        specialize: specializeWindow(.purchases) { total, _ in .decimal(total) }) { _, args in
            metric(context, .purchases, args[0], nil, zone) { total, _ in .decimal(total) }
        }
        object.methods["purchases"] = .init(parameters: [.dyn], result: .int, help: "member.purchases(days(30)): the number of purchases in \(window)",
                                            specialize: specializeWindow(.purchases) { _, count in .int(count) }) { _, args in
            metric(context, .purchases, args[0], nil, zone) { _, count in .int(count) }
        }
        object.methods["interactions"] = .init(parameters: [.dyn], result: .int, help: "member.interactions(days(30)): the number of interactions in \(window)",
                                               specialize: specializeWindow(.interactions) { _, count in .int(count) }) { _, args in
            metric(context, .interactions, args[0], nil, zone) { _, count in .int(count) }
        }
        object.methods["actions"] = .init(parameters: [.dyn, .string], result: .int, help: "member.actions(days(30), \"checkin\"): interactions of one action") { _, args in
            guard case .string(let action) = args[1] else { return .failure(.invalidArgument("the action must be a string")) }
            return metric(context, .interactions, args[0], action, zone) { _, count in .int(count) }
        }
        object.methods["awarded"] = .init(parameters: [.string], result: .int, help: "member.awarded(\"base\"): points rule 'base' of this pack gave in this event") { _, args in
            guard case .string(let rule) = args[0], let index = ruleNames.firstIndex(of: rule) else {
                return .failure(.invalidArgument("there is no rule \(args[0].debugDescription) in this pack"))
            }
            return .int(context.awardedPoints(member: context.member, pack: pack, rule: index))
        }
        object.methods["redeemed"] = .init(parameters: [.string], result: .int, help: "member.redeemed(\"points\"): points this event has redeemed so far in an account") { _, args in
            guard case .string(let account) = args[0], let index = accounts.firstIndex(of: account) else {
                return .failure(.invalidArgument("there is no account \(args[0].debugDescription) in this pack"))
            }
            return .int(context.redeemedPoints(member: context.member, pack: pack, account: index))
        }
        object.methods["lifetime"] = .init(parameters: [.string], result: .int, help: "member.lifetime(\"points\"): all points ever awarded in an account, net of refunds") { _, args in
            guard case .string(let account) = args[0], let index = accounts.firstIndex(of: account) else {
                return .failure(.invalidArgument("there is no account \(args[0].debugDescription) in this pack"))
            }
            return .int(context.directory[context.member].packs[pack].accounts[index].lifetime)
        }
    }

    /// With a constant window, registers it so every member keeps a running total for it.
    private func specializeWindow(_ log: ActivityKind,
                                  _ result: @escaping @Sendable (ExactDecimal, Int64) -> Value)
        -> @Sendable ([Value?]) -> HostObjectType.Body? {
        let context = context
        let zone = zone
        return { constants in
            guard let constant = constants.first ?? nil, let window = Self.window(constant, zone) else { return nil }
            let index = context.metrics.register(window)
            return HostObjectType.Body { _, _ in
                let (total, count) = context.totals(log, window: index)
                return result(total, count)
            }
        }
    }

    static func window(_ value: Value, _ zone: TimeZoneRule) -> MetricWindow? {
        switch value {
        case .duration(let span): return .trailing(span)
        case .string(let name): return CalendarPeriod(rawValue: name).map { .calendar($0, zone) }
        default: return nil
        }
    }
}

/// A metric over a window known only at run time: computed by a scan.
private func metric(_ context: RuleContext, _ log: ActivityKind, _ argument: Value, _ tag: String?,
                    _ zone: TimeZoneRule, _ result: (ExactDecimal, Int64) -> Value) -> Value {
    guard let window = MemberObject.window(argument, zone) else {
        return .failure(.invalidArgument("the window must be a duration like days(365) or one of \"day\", \"week\", \"month\", \"quarter\", \"year\""))
    }
    let (total, count) = context.directory[context.member][activity: log].scan(at: context.time, tag: tag) { window.isInside($0, at: $1) }
    return result(total, count)
}

import RuleLanguage

/// The catalogue of pack-level messages (names, accounts, tiers, actions), sorted by name.
extension DiagnosticMessage {
    static func duplicateName(_ name: String, _ what: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "duplicate-name", "\(what) '\(name)' is declared more than once")
    }

    static func duplicatePack(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "duplicate-pack", "another file already declares pack '\(name)'",
                          help: "give each pack its own name")
    }

    static func eventInTierCondition() -> DiagnosticMessage {
        DiagnosticMessage(id: "event-in-tier-condition", "tier conditions cannot use 'event' or 'let' definitions",
                          help: "tiers are also reviewed on a schedule, when there is no event; use member metrics like member.spend(days(365))")
    }

    static func keywordName(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "keyword-name", "'\(name)' is a word of the pack language and cannot be a name",
                          help: "choose another name, like '\(name)_value'")
    }

    static func mustBe(_ what: String, _ expected: String, found: RuleType) -> DiagnosticMessage {
        DiagnosticMessage(id: "wrong-type", "\(what) must be \(expected), but this expression is \(found.withArticle)")
    }

    static func noTiers() -> DiagnosticMessage {
        DiagnosticMessage(id: "no-tiers", "this pack has no tier ladder",
                          help: "declare one, like: tiers normal < silver < gold")
    }

    static func notConstant(_ what: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "not-constant", "\(what) must be a fixed value, known before any event arrives",
                          help: "it may use literals, other params and functions, but not 'event' or 'member'")
    }

    static func oneDecisionPerKind(_ kind: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "one-decision-per-kind", "this rule already has a '\(kind)' action for the event's member",
                          help: "each rule gives at most one decision of a kind per member; split it into two rules")
    }

    static func pointsMustBeWhole(_ found: RuleType) -> DiagnosticMessage {
        let help = found == .decimal || found == .double ? "choose the rounding with floor(...), round(...) or ceil(...)" : nil
        return DiagnosticMessage(id: "points-not-whole", "points must be a whole number, but this expression is \(found.withArticle)", help: help)
    }

    static func reservedRuleName(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reserved-rule-name", "'\(name)' names the engine's own decisions and cannot name a rule",
                          help: "tier moves, refunds and expiry are reported as '\(name)'; choose another name")
    }

    static func switchedOff(_ params: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "switched-off", "this rule is switched off: with the current value of \(params) its condition is always false",
                          help: "that is fine if intended; --set can switch it on")
    }

    static func tooManyCaps() -> DiagnosticMessage {
        DiagnosticMessage(id: "too-many-caps", "a rule can have at most 8 'cap' clauses",
                          help: "split the rule, or combine caps of the same account and period")
    }

    static func tickHook() -> DiagnosticMessage {
        DiagnosticMessage(id: "tick-hook", "rules cannot run 'on tick': a tick only moves the clock and has no member",
                          help: "for scheduled rules use on daily, on monthly, on quarterly, on yearly or on birthday")
    }

    static func unguardedOptionalField(_ field: String, on owner: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "unguarded-optional-field", "'\(field)' is optional in \(owner); events without it would fail this rule",
                          help: "test it first: has(event.\(field)) && …")
    }

    static func unknownAccount(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "unknown-account", "unknown account '\(name)'",
                          help: "accounts other than 'points' are declared with: account \(name)")
    }

    static func unknownPeriod(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "unknown-period", "unknown period '\(name)'",
                          help: "periods are day, week, month, quarter, year (and 'ever' for once)")
    }

    static func unknownSchedule(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "unknown-schedule", "unknown review schedule '\(name)'",
                          help: "use daily, monthly, quarterly or yearly")
    }

    static func unknownTier(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "unknown-tier", "unknown tier '\(name)'")
    }

    static func unknownTimeZone(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "unknown-time-zone", "unknown time zone '\(name)'",
                          help: "use an offset like \"+08:00\" or an IANA name like \"Asia/Shanghai\"")
    }

    static func unknownVariable(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "unknown-variable", "unknown variable '\(name)'",
                          help: "per-member variables are declared with: var \(name) = …")
    }

    static func unreachableRule(_ reason: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "unreachable-rule", "this rule can never run: \(reason)")
    }

    static func unusedDefinition(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "unused-definition", "'\(name)' is defined but never used")
    }

    static func reviewNeeded() -> DiagnosticMessage {
        DiagnosticMessage(id: "review-needed", "the ladder changes tiers at review, but says no review schedule",
                          help: "add a line like: review quarterly")
    }

    static func tierConditionOnFirst(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "first-tier-condition", "'\(name)' is the first tier, which every member starts in; it takes no condition")
    }

    static func overrideUnknown(_ target: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "unknown-override", "--set names '\(target)', which is not a param of any loaded pack")
    }
}

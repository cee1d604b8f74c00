import RuleLanguage

/// The tier ladder, and checks that every tier named in quotes exists.
extension PackCompiler {
    mutating func compileLadder() -> CompiledLadder? {
        guard let ladder = syntax.tiers else { return nil }
        let names = ladder.names.map(\.text)
        var seen = Set<String>()
        for name in ladder.names where !seen.insert(name.text).inserted {
            diagnostics.error(.duplicateName(name.text, "tier"), in: file, at: name.range)
        }
        var conditions = [Program?](repeating: nil, count: names.count)
        var environment = baseEnvironment(event: nil)
        for (tier, condition) in ladder.conditions {
            guard let position = names.firstIndex(of: tier.text) else {
                checkTierName(tier.text, at: tier.range)
                continue
            }
            if position == 0 {
                diagnostics.error(.tierConditionOnFirst(tier.text), in: file, at: tier.range)
                continue
            }
            let mentions = condition.identifiers
            if mentions.contains("event") || syntax.definitions.contains(where: { mentions.contains($0.name.text) }) {
                diagnostics.error(.eventInTierCondition(), in: file, at: condition.range)
                continue
            }
            let (program, type) = compileExpression(condition, in: &environment)
            requireType(type, [.bool], "a tier condition", "true or false", at: condition.range)
            checkTierLiterals(condition)
            conditions[position] = program
        }
        var upgradesImmediately = true
        var upgradesAfter: String?
        var upgradesAtReview = false
        var downgradesAtReview = false
        switch ladder.upgrade {
        case .atReview?: (upgradesImmediately, upgradesAtReview) = (false, true)
        case .after(let type)?: upgradesAfter = type.text
        default: break
        }
        if case .atReview? = ladder.downgrade { downgradesAtReview = true }
        var review: CalendarPeriod?
        if let name = ladder.review {
            let periods: [String: CalendarPeriod] = ["daily": .day, "monthly": .month, "quarterly": .quarter, "yearly": .year]
            review = periods[name.text]
            if review == nil { diagnostics.error(.unknownSchedule(name.text), in: file, at: name.range) }
        } else if upgradesAtReview || downgradesAtReview {
            diagnostics.error(.reviewNeeded(), in: file, at: ladder.range)
        }
        return CompiledLadder(names: names, conditions: conditions, upgradesImmediately: upgradesImmediately, upgradesAfter: upgradesAfter,
                              upgradesAtReview: upgradesAtReview, downgradesAtReview: downgradesAtReview, review: review)
    }

    /// Reports a quoted tier name that is not on the ladder.
    mutating func checkTierName(_ name: String, at range: SourceRange) {
        guard let tierNames, !tierNames.contains(name) else { return }
        let help = Suggestions.closest(to: name, among: tierNames).map { "did you mean '\($0)'?" }
            ?? "the tiers are " + tierNames.map { "'\($0)'" }.joined(separator: ", ")
        diagnostics.error(.unknownTier(name), in: file, at: range, help: help)
    }

    /// Finds `member.tier == "…"`, `"…" != member.tier` and `member.tier in ["…"]` (and the
    /// same on `event.from` / `event.to` of tier changes) and checks the quoted names.
    mutating func checkTierLiterals(_ expr: Expr) {
        guard tierNames != nil else { return }
        var stack = [expr]
        while let node = stack.popLast() {
            stack.append(contentsOf: node.kind.children)
            guard case .binary(let op, let left, let right) = node.kind else { continue }
            switch op {
            case .equal, .notEqual:
                if isTierReference(left), case .literal(.string(let name)) = right.kind { checkTierName(name, at: right.range) }
                if isTierReference(right), case .literal(.string(let name)) = left.kind { checkTierName(name, at: left.range) }
            case .in:
                if isTierReference(left), case .list(let elements) = right.kind {
                    for element in elements {
                        if case .literal(.string(let name)) = element.kind { checkTierName(name, at: element.range) }
                    }
                }
            default:
                break
            }
        }
    }

    private func isTierReference(_ expr: Expr) -> Bool {
        guard case .select(let target, let field, _) = expr.kind, case .identifier(let name) = target.kind else { return false }
        return (name == "member" && field == "tier") || (name == "event" && (field == "from" || field == "to"))
    }
}

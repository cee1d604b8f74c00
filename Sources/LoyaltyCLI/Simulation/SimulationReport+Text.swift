import RuleLanguage

/// The plain-text report on stdout: a heading, a summary, then one aligned table per topic.
extension SimulationReport {
    public var text: String {
        var sections = [heading, summary, issuedByRule, outflowsByRule, byPack, tiersAtTheEnd, benefitsGranted, membersMostAffected]
        sections.removeAll { $0.isEmpty }
        return sections.joined(separator: "\n\n") + "\n"
    }

    /// Whether any pack's point value is known on both sides (else yuan columns are left out).
    var showsYuan: Bool { pointValues.contains { $0.value.old.yuan != nil && $0.value.new.yuan != nil } }

    var heading: String {
        var out = [
            "loyalty simulate: what the new rules would change (old = --rules, new = --against)",
            "  old rules:   \(sources.old.label)",
            "  new rules:   \(sources.new.label)",
        ]
        var events = "  events:      \(ReportFormat.grouped(lines)) lines; applied \(ReportFormat.grouped(applied.old)) (old), \(ReportFormat.grouped(applied.new)) (new)"
        if !rejected.isEmpty {
            let total = rejected.reduce(0) { $0 + $1.count }
            events += "; \(ReportFormat.grouped(total)) bad lines skipped (" + rejected.map { "\($0.code) \(ReportFormat.grouped($0.count))" }.joined(separator: ", ") + ")"
        }
        out.append(events)
        for failure in failures {
            out.append("  \(failure.code): \(ReportFormat.grouped(failure.count.old)) (old), \(ReportFormat.grouped(failure.count.new)) (new)")
        }
        if let message = firstRuleError.old { out.append("  first rule error (old): \(message)") }
        if let message = firstRuleError.new { out.append("  first rule error (new): \(message)") }
        out.append("  days:        \(dayBasis)")
        for value in pointValues {
            out.append("  one point of \(value.pack): " + pointValueText(value))
        }
        return out.joined(separator: "\n")
    }

    func pointValueText(_ value: PackValue) -> String {
        func describe(_ v: PointValue) -> String {
            guard let yuan = v.yuan else { return "unknown (no --point-value, no param point_value)" }
            return "\(ReportFormat.plain(yuan)) yuan (\(v.source ?? ""))"
        }
        if value.value.old == value.value.new { return describe(value.value.old) }
        return "old " + describe(value.value.old) + ", new " + describe(value.value.new)
    }

    var summary: String {
        var table = TextTable([("Summary", .left), ("old", .right), ("new", .right), ("change", .right), ("%", .right)])
        let issued = pointsIssued
        let redeemed = pointsRedeemed
        table.add(["points issued", ReportFormat.grouped(issued.old), ReportFormat.grouped(issued.new), ReportFormat.signed(issued.change),
                   ReportFormat.percent(issued.old, issued.new)])
        if showsYuan {
            let value = yuanIssued
            table.add(["  worth (yuan)", ReportFormat.yuan(value.old), ReportFormat.yuan(value.new), ReportFormat.yuan(value.change, signed: true), ""])
        }
        table.add(["points redeemed", ReportFormat.grouped(redeemed.old), ReportFormat.grouped(redeemed.new), ReportFormat.signed(redeemed.change),
                   ReportFormat.percent(redeemed.old, redeemed.new)])
        if showsYuan {
            let value = yuanRedeemed
            table.add(["  worth (yuan)", ReportFormat.yuan(value.old), ReportFormat.yuan(value.new), ReportFormat.yuan(value.change, signed: true), ""])
        }
        table.add(["members", ReportFormat.grouped(members.old), ReportFormat.grouped(members.new), ReportFormat.signed(members.change), ""])
        table.add(["in a different tier", "", "", ReportFormat.grouped(membersInOtherTier), ""])
        var text = table.render(indent: 0)
        let unknown = packsWithoutValue
        if !unknown.isEmpty {
            text += "\nValue in yuan unknown for pack \(unknown.joined(separator: ", ")): give --point-value YUAN or a param point_value."
        }
        return text
    }

    var issuedByRule: String {
        guard !issued.isEmpty else { return "Points issued by rule: none on either side." }
        return "Points issued by rule\n" + ruleTable(issued, showsKind: false)
    }

    var outflowsByRule: String {
        guard !outflows.isEmpty else { return "Points redeemed, taken back or expired: none on either side." }
        return "Points redeemed, taken back and expired, by rule\n" + ruleTable(outflows, showsKind: true)
    }

    func ruleTable(_ rows: [RuleRow], showsKind: Bool) -> String {
        let showsWhat = rows.contains { !$0.shownWhat(besideKind: showsKind).isEmpty }
        var columns: [(String, TextTable.Alignment)] = [("rule", .left)]
        if showsKind { columns.append(("kind", .left)) }
        if showsWhat { columns.append(("what", .left)) }
        columns += [("old", .right), ("new", .right), ("change", .right), ("%", .right)]
        if showsYuan { columns.append(("change (yuan)", .right)) }
        var table = TextTable(columns)
        for row in rows {
            var cells = [row.label]
            if showsKind { cells.append(row.direction.rawValue) }
            if showsWhat { cells.append(ReportFormat.clip(row.shownWhat(besideKind: showsKind), cells: 28)) }
            cells += [ReportFormat.grouped(row.points.old), ReportFormat.grouped(row.points.new),
                      ReportFormat.signed(row.points.change), ReportFormat.percent(row.points.old, row.points.new)]
            if showsYuan { cells.append(ReportFormat.yuan(row.yuan.change, signed: true)) }
            table.add(cells)
        }
        return table.render()
    }

    var byPack: String {
        guard !totals.isEmpty else { return "" }
        var table = TextTable([("pack", .left), ("account", .left), ("movement", .left), ("old", .right), ("new", .right), ("change", .right)]
            + (showsYuan ? [("old yuan", .right), ("new yuan", .right), ("change yuan", .right)] : []))
        for total in totals {
            let value = pointValues.first { $0.pack == total.pack }?.value
            let lines: [(String, OldNew<Int64>)] = [("issued", total.issued), ("redeemed", total.redeemed),
                                                    ("taken back by refunds", total.clawedBack), ("expired", total.expired),
                                                    ("balances grew by", total.net)]
            if !table.rows.isEmpty { table.addSeparator() }
            for (index, line) in lines.enumerated() {
                var cells = [index == 0 ? total.pack : "", index == 0 ? total.account : "", line.0,
                             ReportFormat.grouped(line.1.old), ReportFormat.grouped(line.1.new), ReportFormat.signed(line.1.change)]
                if showsYuan {
                    let yuan = total.account == "points"
                        ? OldNew(old: Simulation.yuan(line.1.old, value?.old.yuan), new: Simulation.yuan(line.1.new, value?.new.yuan))
                        : OldNew<ExactDecimal?>(old: nil, new: nil)
                    cells += [ReportFormat.yuan(yuan.old), ReportFormat.yuan(yuan.new), ReportFormat.yuan(yuan.change, signed: true)]
                }
                table.add(cells)
            }
        }
        return "Balances by pack\n" + table.render()
    }

    var tiersAtTheEnd: String {
        guard !tiers.isEmpty else { return "Tiers: no pack has a tier ladder." }
        var table = TextTable([("pack", .left), ("tier", .left), ("old", .right), ("new", .right), ("change", .right)])
        var previous = ""
        for row in tiers {
            if row.pack != previous, !previous.isEmpty { table.addSeparator() }
            let count = { (n: Int?) in n.map(ReportFormat.grouped) ?? "-" }
            table.add([row.pack == previous ? "" : row.pack, row.tier, count(row.members.old), count(row.members.new),
                       ReportFormat.signed((row.members.new ?? 0) - (row.members.old ?? 0))])
            previous = row.pack
        }
        var text = "Members per tier at the end\n" + table.render()
        text += "\n\nMembers ending in a different tier: \(ReportFormat.grouped(membersInOtherTier)) of \(ReportFormat.grouped(members.old))"
        if !tierMoves.isEmpty {
            var moves = TextTable([("member", .left), ("pack", .left), ("old tier", .left), ("new tier", .left)])
            for move in tierMoves { moves.add([move.member, move.pack, move.tiers.old, move.tiers.new]) }
            text += " (the first \(tierMoves.count) moves)\n" + moves.render()
        }
        return text
    }

    var benefitsGranted: String {
        guard !benefits.isEmpty else { return "Benefits granted: none on either side." }
        var table = TextTable([("benefit", .left), ("old", .right), ("new", .right), ("change", .right), ("%", .right)])
        for row in benefits {
            table.add([ReportFormat.clip(row.benefit, cells: 40), ReportFormat.grouped(row.granted.old), ReportFormat.grouped(row.granted.new),
                       ReportFormat.signed(row.granted.change), ReportFormat.percent(row.granted.old, row.granted.new)])
        }
        return "Benefits granted\n" + table.render()
    }

    var membersMostAffected: String {
        guard !mostAffected.isEmpty else { return "Members most affected: no member's points issued differ." }
        var table = TextTable([("member", .left), ("old", .right), ("new", .right), ("change", .right)])
        for row in mostAffected {
            table.add([row.member, ReportFormat.grouped(row.issued.old), ReportFormat.grouped(row.issued.new), ReportFormat.signed(row.issued.change)])
        }
        return "Members most affected (points issued)\n" + table.render()
    }
}

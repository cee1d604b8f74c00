import RuleLanguage

/// The `--report FILE` page: one self-contained HTML file (inline CSS and SVG, no scripts,
/// nothing fetched) with the headline numbers, three charts and the tables of the text report.
extension SimulationReport {
    public var html: String {
        var page = """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>loyalty simulate — what the new rules would change</title>
        <style>\(Self.style)</style>
        </head>
        <body>
        <header>
        <h1>What the new rules would change</h1>
        <dl class="sources">
        <dt><span class="swatch old"></span>old rules</dt><dd><code>\(e(sources.old.label))</code></dd>
        <dt><span class="swatch new"></span>new rules</dt><dd><code>\(e(sources.new.label))</code></dd>
        <dt>events</dt><dd>\(e(eventsLine))</dd>
        <dt>point value</dt><dd>\(pointValues.map { "\(e($0.pack)): \(e(pointValueText($0)))" }.joined(separator: "<br>"))</dd>
        </dl>
        </header>
        <main>

        """
        page += cards + "\n"
        page += section("Points issued per day", note: "Days are \(dayBasis).", body: dailyChart)
        page += section("Cost difference per rule", note: costNote, body: costChart)
        page += section("Members per tier at the end", note: nil, body: tierChart + tierTables)
        page += section("Points issued by rule", note: nil, body: ruleTable(issued, showsKind: false, empty: "No points issued on either side."))
        page += section("Points redeemed, taken back and expired, by rule", note: nil,
                        body: ruleTable(outflows, showsKind: true, empty: "No points redeemed, taken back or expired on either side."))
        page += section("Balances by pack", note: nil, body: packTable)
        page += section("Benefits granted", note: nil, body: benefitTable)
        page += section("Members most affected", note: "The \(Self.listed) members whose points issued differ the most.", body: memberTable)
        page += """
        </main>
        <footer>Made by <code>loyalty simulate</code>. Old = the current rules (<code>--rules</code>), new = the proposed rules (<code>--against</code>).</footer>
        </body>
        </html>

        """
        return page
    }

    private func e(_ text: String) -> String { SVGChart.escape(text) }

    private var eventsLine: String {
        var line = "\(ReportFormat.grouped(lines)) lines read; applied \(ReportFormat.grouped(applied.old)) (old) and \(ReportFormat.grouped(applied.new)) (new)"
        if !rejected.isEmpty {
            line += "; \(ReportFormat.grouped(rejected.reduce(0) { $0 + $1.count })) bad lines skipped"
        }
        for failure in failures {
            line += "; \(failure.code) \(ReportFormat.grouped(failure.count.old)) (old) / \(ReportFormat.grouped(failure.count.new)) (new)"
        }
        return line
    }

    private func section(_ title: String, note: String?, body: String) -> String {
        "<section>\n<h2>\(e(title))</h2>\n" + (note.map { "<p class=\"note\">\(e($0))</p>\n" } ?? "") + body + "\n</section>\n"
    }

    // MARK: - Headline cards

    private var cards: String {
        var items: [String] = []
        func card(_ title: String, old: String, new: String, change: String, tone: String) -> String {
            """
            <div class="card"><div class="card-title">\(e(title))</div>\
            <div class="card-value">\(e(new))</div>\
            <div class="card-detail">old \(e(old)) · <span class="\(tone)">\(e(change))</span></div></div>
            """
        }
        let issued = pointsIssued
        items.append(card("Points issued", old: ReportFormat.grouped(issued.old), new: ReportFormat.grouped(issued.new),
                          change: changeText(issued), tone: tone(issued.change)))
        let value = yuanIssued
        if let old = value.old, let new = value.new {
            items.append(card("Value issued (yuan)", old: ReportFormat.yuan(old), new: ReportFormat.yuan(new),
                              change: ReportFormat.yuan(value.change, signed: true), tone: tone(value.change.map { $0.isNegative ? -1 : $0.isZero ? 0 : 1 } ?? 0)))
        } else {
            items.append("<div class=\"card\"><div class=\"card-title\">Value issued (yuan)</div><div class=\"card-value muted\">unknown</div>"
                + "<div class=\"card-detail\">give <code>--point-value</code> or a <code>point_value</code> param</div></div>")
        }
        let redeemed = pointsRedeemed
        items.append(card("Points redeemed", old: ReportFormat.grouped(redeemed.old), new: ReportFormat.grouped(redeemed.new),
                          change: changeText(redeemed), tone: "neutral"))
        items.append("""
            <div class="card"><div class="card-title">Members in another tier</div>\
            <div class="card-value">\(ReportFormat.grouped(membersInOtherTier))</div>\
            <div class="card-detail">of \(ReportFormat.grouped(members.old)) members</div></div>
            """)
        return "<div class=\"cards\">\n" + items.joined(separator: "\n") + "\n</div>"
    }

    private func changeText(_ value: OldNew<Int64>) -> String {
        let percent = ReportFormat.percent(value.old, value.new)
        return ReportFormat.signed(value.change) + (percent.isEmpty ? "" : " (\(percent))")
    }

    /// More points issued costs more: red; fewer: green.
    private func tone(_ change: Int64) -> String { change > 0 ? "up" : change < 0 ? "down" : "neutral" }

    // MARK: - Charts

    private var dailyChart: String {
        guard !days.isEmpty else { return "<p>No points were issued on either side.</p>" }
        return "<figure>" + SVGChart.line(
            xLabels: days.map(\.date),
            series: [.init(name: "old rules", color: SVGChart.oldColor, values: days.map { Double($0.issued.old) }),
                     .init(name: "new rules", color: SVGChart.newColor, values: days.map { Double($0.issued.new) })],
            xAxis: "date", yAxis: "points issued") + "</figure>"
    }

    /// The rules whose points issued changed, largest change first (at most 20).
    private var costRows: [RuleRow] {
        Array(issued.filter { $0.points.change != 0 }.sorted { $0.points.change.magnitude > $1.points.change.magnitude }.prefix(20))
    }

    /// Yuan when every charted rule's value is known, else points.
    private var costInYuan: Bool { !costRows.isEmpty && costRows.allSatisfy { $0.yuan.change != nil } }

    private var costNote: String {
        costInYuan ? "Change in the value of the points each rule issues (new − old), in yuan."
            : "Change in the points each rule issues (new − old)" + (packsWithoutValue.isEmpty ? "." : "; the value in yuan is unknown for pack \(packsWithoutValue.joined(separator: ", ")).")
    }

    private var costChart: String {
        let rows = costRows
        guard !rows.isEmpty else { return "<p>Every rule issues the same points under both versions.</p>" }
        let values = rows.map { row in costInYuan ? row.yuan.change!.doubleValue : Double(row.points.change) }
        return "<figure>" + SVGChart.divergingBars(labels: rows.map(\.label), values: values,
                                                   axis: costInYuan ? "change in yuan (new − old)" : "change in points issued (new − old)") + "</figure>"
    }

    private var tierChart: String {
        guard !tiers.isEmpty else { return "<p>No pack has a tier ladder.</p>" }
        let packs = Set(tiers.map(\.pack))
        return "<figure>" + SVGChart.groupedBars(
            groups: tiers.map(\.tier), captions: packs.count > 1 ? tiers.map(\.pack) : [],
            series: [.init(name: "old rules", color: SVGChart.oldColor, values: tiers.map { Double($0.members.old ?? 0) }),
                     .init(name: "new rules", color: SVGChart.newColor, values: tiers.map { Double($0.members.new ?? 0) })],
            xAxis: packs.count > 1 ? "tier (pack)" : "tier of pack \(tiers[0].pack)", yAxis: "members") + "</figure>"
    }

    // MARK: - Tables

    /// A table; `narrow` ones (few columns) take only the width they need.
    private func table(_ headers: [(String, Bool)], _ rows: [[(String, String)]], narrow: Bool = false) -> String {
        var html = (narrow ? "<table class=\"narrow\">" : "<table>") + "\n<thead><tr>" + headers.map { "<th\($0.1 ? " class=\"num\"" : "")>\(e($0.0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>" + row.map { cell in "<td\(cell.1.isEmpty ? "" : " class=\"\(cell.1)\"")>\(e(cell.0))</td>" }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table>"
    }

    private func ruleTable(_ rows: [RuleRow], showsKind: Bool, empty: String) -> String {
        guard !rows.isEmpty else { return "<p>\(e(empty))</p>" }
        let showsWhat = rows.contains { !$0.shownWhat(besideKind: showsKind).isEmpty }
        var headers: [(String, Bool)] = [("rule", false)]
        if showsKind { headers.append(("kind", false)) }
        if showsWhat { headers.append(("what", false)) }
        headers += [("old", true), ("new", true), ("change", true), ("%", true)]
        if showsYuan { headers += [("old yuan", true), ("new yuan", true), ("change yuan", true)] }
        return table(headers, rows.map { row in
            var cells: [(String, String)] = [(row.label, "name")]
            if showsKind { cells.append((row.direction.rawValue, "")) }
            if showsWhat { cells.append((row.shownWhat(besideKind: showsKind), "what")) }
            cells += [(ReportFormat.grouped(row.points.old), "num"), (ReportFormat.grouped(row.points.new), "num"),
                      (ReportFormat.signed(row.points.change), "num " + (showsKind ? "neutral" : tone(row.points.change))),
                      (ReportFormat.percent(row.points.old, row.points.new), "num")]
            if showsYuan {
                cells += [(ReportFormat.yuan(row.yuan.old), "num"), (ReportFormat.yuan(row.yuan.new), "num"),
                          (ReportFormat.yuan(row.yuan.change, signed: true), "num")]
            }
            return cells
        })
    }

    private var packTable: String {
        guard !totals.isEmpty else { return "<p>No points moved on either side.</p>" }
        var rows: [[(String, String)]] = []
        for total in totals {
            let value = pointValues.first { $0.pack == total.pack }?.value
            let lines: [(String, OldNew<Int64>)] = [("issued", total.issued), ("redeemed", total.redeemed), ("taken back by refunds", total.clawedBack),
                                                    ("expired", total.expired), ("balances grew by", total.net)]
            for (index, line) in lines.enumerated() {
                var cells: [(String, String)] = [(index == 0 ? total.pack : "", "name"), (index == 0 ? total.account : "", ""), (line.0, ""),
                                                 (ReportFormat.grouped(line.1.old), "num"), (ReportFormat.grouped(line.1.new), "num"),
                                                 (ReportFormat.signed(line.1.change), "num")]
                if showsYuan {
                    let yuan = total.account == "points"
                        ? OldNew(old: Simulation.yuan(line.1.old, value?.old.yuan), new: Simulation.yuan(line.1.new, value?.new.yuan))
                        : OldNew<ExactDecimal?>(old: nil, new: nil)
                    cells += [(ReportFormat.yuan(yuan.old), "num"), (ReportFormat.yuan(yuan.new), "num"), (ReportFormat.yuan(yuan.change, signed: true), "num")]
                }
                rows.append(cells)
            }
        }
        var headers: [(String, Bool)] = [("pack", false), ("account", false), ("movement", false), ("old", true), ("new", true), ("change", true)]
        if showsYuan { headers += [("old yuan", true), ("new yuan", true), ("change yuan", true)] }
        return table(headers, rows)
    }

    private var tierTables: String {
        guard !tiers.isEmpty else { return "" }
        var previous = ""
        let counts = table([("pack", false), ("tier", false), ("old", true), ("new", true), ("change", true)], tiers.map { row in
            defer { previous = row.pack }
            return [(row.pack == previous ? "" : row.pack, "name"), (row.tier, ""),
                    (row.members.old.map(ReportFormat.grouped) ?? "–", "num"), (row.members.new.map(ReportFormat.grouped) ?? "–", "num"),
                    (ReportFormat.signed((row.members.new ?? 0) - (row.members.old ?? 0)), "num")]
        }, narrow: true)
        var html = counts + "\n<p><strong>\(ReportFormat.grouped(membersInOtherTier))</strong> of \(ReportFormat.grouped(members.old)) members end in a different tier."
        if !tierMoves.isEmpty {
            html += " The first \(tierMoves.count):</p>\n" + table([("member", false), ("pack", false), ("old tier", false), ("new tier", false)],
                                                               tierMoves.map { [($0.member, "name"), ($0.pack, ""), ($0.tiers.old, ""), ($0.tiers.new, "")] }, narrow: true)
        } else {
            html += "</p>"
        }
        return html
    }

    private var benefitTable: String {
        guard !benefits.isEmpty else { return "<p>No benefits granted on either side.</p>" }
        return table([("benefit", false), ("old", true), ("new", true), ("change", true), ("%", true)], benefits.map { row in
            [(row.benefit, "name"), (ReportFormat.grouped(row.granted.old), "num"), (ReportFormat.grouped(row.granted.new), "num"),
             (ReportFormat.signed(row.granted.change), "num"), (ReportFormat.percent(row.granted.old, row.granted.new), "num")]
        }, narrow: true)
    }

    private var memberTable: String {
        guard !mostAffected.isEmpty else { return "<p>No member's points issued differ.</p>" }
        return table([("member", false), ("old", true), ("new", true), ("change", true)], mostAffected.map { row in
            [(row.member, "name"), (ReportFormat.grouped(row.issued.old), "num"), (ReportFormat.grouped(row.issued.new), "num"),
             (ReportFormat.signed(row.issued.change), "num " + tone(row.issued.change))]
        }, narrow: true)
    }

    static let style = """
    :root { color-scheme: light; }
    * { box-sizing: border-box; }
    body { margin: 0; background: #f3f4f6; color: #1f2937; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB",
      "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", Roboto, "Helvetica Neue", Arial, sans-serif; }
    header, main, footer { max-width: 1100px; margin: 0 auto; padding: 0 24px; }
    header { padding-top: 28px; }
    h1 { font-size: 28px; margin: 0 0 12px; letter-spacing: -0.01em; }
    h2 { font-size: 19px; margin: 0 0 6px; }
    code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.92em;
      background: #e5e7eb; padding: 1px 5px; border-radius: 4px; }
    .sources { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0 0 20px; color: #374151; }
    .sources dt { font-weight: 600; }
    .sources dd { margin: 0; }
    .swatch { display: inline-block; width: 11px; height: 11px; border-radius: 2px; margin-right: 6px; vertical-align: baseline; }
    .swatch.old { background: \(SVGChart.oldColor); }
    .swatch.new { background: \(SVGChart.newColor); }
    .cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 14px; margin-bottom: 18px; }
    .card, section { background: #fff; border: 1px solid #e5e7eb; border-radius: 10px; box-shadow: 0 1px 2px rgba(0,0,0,0.04); }
    .card { padding: 14px 16px; }
    .card-title { color: #6b7280; font-size: 13px; text-transform: uppercase; letter-spacing: 0.04em; }
    .card-value { font-size: 26px; font-weight: 650; font-variant-numeric: tabular-nums; margin: 2px 0; }
    .card-detail { color: #4b5563; font-size: 13px; font-variant-numeric: tabular-nums; }
    section { padding: 18px 20px 20px; margin-bottom: 18px; }
    .note { color: #6b7280; margin: 0 0 10px; font-size: 14px; }
    .muted { color: #9ca3af; }
    figure { margin: 6px 0 10px; }
    figure svg { display: block; max-width: 100%; height: auto; }
    table { border-collapse: collapse; width: 100%; font-size: 14px; margin-top: 8px; }
    table.narrow { width: auto; min-width: 50%; }
    th { text-align: left; color: #4b5563; font-weight: 600; border-bottom: 2px solid #d1d5db; padding: 6px 10px; white-space: nowrap; }
    td { border-bottom: 1px solid #eef0f3; padding: 5px 10px; }
    tbody tr:nth-child(even) { background: #fafafa; }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    td.name { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 13px; white-space: nowrap; }
    td.what { color: #4b5563; }
    .up { color: #b91c1c; }
    .down { color: #15803d; }
    footer { color: #6b7280; font-size: 13px; padding-bottom: 32px; }
    """
}

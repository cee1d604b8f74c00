import RuleLanguage

/// Numbers as a shop manager reads them: thousands separators, signed changes, yuan with
/// two decimals, percentages with one.
enum ReportFormat {
    /// `1,234,567`, `-1,234`.
    static func grouped(_ n: Int64) -> String {
        let digits = String(n.magnitude)
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return n < 0 ? "-" + text : text
    }

    static func grouped(_ n: Int) -> String { grouped(Int64(n)) }

    /// `+1,234`, `-1,234`, `0`.
    static func signed(_ n: Int64) -> String { n > 0 ? "+" + grouped(n) : grouped(n) }

    static func signed(_ n: Int) -> String { signed(Int64(n)) }

    /// The change from `old` to `new` in percent: `+12.5%`, `-3.0%`; `new` when `old` is 0.
    static func percent(_ old: Int64, _ new: Int64) -> String {
        if old == new { return old == 0 ? "" : "0.0%" }
        guard old != 0 else { return "new" }
        let tenths = (Double(new - old) / Double(old.magnitude) * 1000).rounded()
        let text = String(Int64(tenths.magnitude) / 10) + "." + String(Int64(tenths.magnitude) % 10) + "%"
        return tenths > 0 ? "+" + text : tenths < 0 ? "-" + text : text
    }

    /// `12,345.67` (rounded half away from zero to fen); `+`/`-` when `signed`; `""` for nil.
    static func yuan(_ value: ExactDecimal?, signed: Bool = false) -> String {
        guard let value else { return "" }
        guard let fen = (try? value.multiplying(by: ExactDecimal(100)))?.rounded() else { return value.description }
        let whole = grouped(Int64(fen.magnitude / 100))
        let cents = fen.magnitude % 100
        let text = whole + "." + (cents < 10 ? "0" : "") + String(cents)
        return fen < 0 ? "-" + text : signed && fen > 0 ? "+" + text : text
    }

    /// A point value as written: `0.01`.
    static func plain(_ value: ExactDecimal) -> String { value.description }

    /// How many terminal cells a text takes: Chinese (wide) characters take two.
    static func cells(_ text: String) -> Int { TextWidth.cells(of: Substring(text)) }

    /// Cuts a text to at most `limit` cells, ending it with `...` when cut.
    static func clip(_ text: String, cells limit: Int) -> String {
        guard cells(text) > limit else { return text }
        var result = ""
        var used = 0
        for character in text {
            let width = TextWidth.cells(of: character)
            if used + width > limit - 3 { break }
            result.append(character)
            used += width
        }
        return result + "..."
    }
}

/// A plain-text table with columns aligned by terminal cells, so Chinese names and reasons
/// (two cells per character) do not push the columns out of line.
struct TextTable {
    enum Alignment { case left, right }

    var headers: [String]
    var alignments: [Alignment]
    var rows: [[String]] = []
    /// Row indices before which a rule line is drawn (e.g. before a total).
    var separators: Set<Int> = []

    init(_ columns: [(String, Alignment)]) {
        headers = columns.map(\.0)
        alignments = columns.map(\.1)
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    mutating func addSeparator() { separators.insert(rows.count) }

    /// The table, each line indented by `indent` spaces, without trailing spaces.
    func render(indent: Int = 2) -> String {
        let all = [headers] + rows
        var widths = [Int](repeating: 0, count: headers.count)
        for row in all {
            for (column, cell) in row.enumerated() where column < widths.count { widths[column] = max(widths[column], ReportFormat.cells(cell)) }
        }
        let margin = String(repeating: " ", count: indent)
        func line(_ row: [String]) -> String {
            var parts: [String] = []
            for (column, width) in widths.enumerated() {
                let cell = column < row.count ? row[column] : ""
                let pad = String(repeating: " ", count: width - ReportFormat.cells(cell))
                parts.append(alignments[column] == .left ? cell + pad : pad + cell)
            }
            return margin + trimmedRight(parts.joined(separator: "  "))
        }
        let rule = margin + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        var lines = [line(headers), rule]
        for (index, row) in rows.enumerated() {
            if separators.contains(index) { lines.append(rule) }
            lines.append(line(row))
        }
        return lines.joined(separator: "\n")
    }

    private func trimmedRight(_ text: String) -> String {
        var text = text
        while text.last == " " { text.removeLast() }
        return text
    }
}

/// A readable difference between expected and actual decision lines: a line-by-line
/// alignment (longest common subsequence) printed as `-` expected / `+` actual, each
/// changed line labelled with its event id so a merchant can find the event.
enum LineDiff {
    enum Edit: Equatable {
        case same(String)
        case removed(String)
        case added(String)
    }

    static func edits(expected: [String], actual: [String]) -> [Edit] {
        let n = expected.count
        let m = actual.count
        // Past this size an LCS table is too big; fall back to a positional comparison.
        guard n * m <= 4_000_000 else {
            var result: [Edit] = []
            for index in 0..<max(n, m) {
                let e = index < n ? expected[index] : nil
                let a = index < m ? actual[index] : nil
                if e == a, let e { result.append(.same(e)); continue }
                if let e { result.append(.removed(e)) }
                if let a { result.append(.added(a)) }
            }
            return result
        }
        var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i][j] = expected[i] == actual[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var result: [Edit] = []
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n, j < m, expected[i] == actual[j] {
                result.append(.same(expected[i]))
                i += 1
                j += 1
            } else if j < m, i == n || table[i][j + 1] >= table[i + 1][j] {
                result.append(.added(actual[j]))
                j += 1
            } else {
                result.append(.removed(expected[i]))
                i += 1
            }
        }
        return result
    }

    /// The changed lines with one line of context, at most `limit` changes shown.
    static func render(expected: [String], actual: [String], limit: Int = 40) -> String {
        let all = edits(expected: expected, actual: actual)
        var out: [String] = []
        var shown = 0
        var lastPrinted = -2
        for (index, edit) in all.enumerated() {
            guard edit != .same(sameText(edit)) else { continue }
            if shown == limit {
                out.append("  … and more differences")
                break
            }
            if index - 1 > lastPrinted, index > 0, case .same(let context) = all[index - 1] {
                out.append("    " + context)
            }
            switch edit {
            case .removed(let line): out.append("  - \(label(line))" + line)
            case .added(let line): out.append("  + \(label(line))" + line)
            case .same: break
            }
            lastPrinted = index
            shown += 1
        }
        return out.joined(separator: "\n")
    }

    private static func sameText(_ edit: Edit) -> String {
        if case .same(let text) = edit { return text }
        return "\u{0}"
    }

    /// `[e00000004] ` from a decision line's event field, for orientation.
    private static func label(_ line: String) -> String {
        guard let range = line.range(of: "\"event\":\"") else { return "" }
        let rest = line[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return "" }
        return "[\(rest[..<end])] "
    }
}

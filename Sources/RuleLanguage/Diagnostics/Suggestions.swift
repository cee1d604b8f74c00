/// "Did you mean …?" by edit distance, offered only when one candidate clearly wins.
public enum Suggestions {
    /// The closest candidate to `name`, if it is within a small distance (under 4, and
    /// under half the name's length) and no other candidate is equally close.
    public static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(name.lowercased().unicodeScalars)
        var best: (name: String, distance: Int)?
        var tie = false
        for candidate in candidates where candidate != name {
            let distance = editDistance(target, Array(candidate.lowercased().unicodeScalars))
            if best == nil || distance < best!.distance {
                best = (candidate, distance)
                tie = false
            } else if distance == best!.distance, candidate != best!.name {
                tie = true
            }
        }
        guard let best, !tie else { return nil }
        // Under half the name's length: any one-letter name is one edit from any other.
        let limit = min(3, (target.count - 1) / 2)
        return best.distance <= limit ? best.name : nil
    }

    /// Damerau–Levenshtein (optimal string alignment): a swapped pair of letters counts as one edit.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}

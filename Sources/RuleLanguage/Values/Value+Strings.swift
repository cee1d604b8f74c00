/// String comparison by code points, as CEL requires: no Unicode normalisation, so
/// "Am\u{E9}lie" and "Ame\u{301}lie" differ (Swift's `==` would call them equal).
enum CodePoints {
    @inline(__always)
    static func equal(_ a: String, _ b: String) -> Bool {
        // Byte equality is exactly CEL's code-point equality. Lengths first: most unequal
        // strings differ in length, and `utf8.count` is O(1) for native strings.
        guard a.utf8.count == b.utf8.count else { return false }
        return a.utf8.elementsEqual(b.utf8)
    }

    /// UTF-8 byte order is code-point order.
    static func compare(_ a: String, _ b: String) -> Int {
        var a = a
        var b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let common = min(x.count, y.count)
                for i in 0..<common where x[i] != y[i] {
                    return x[i] < y[i] ? -1 : 1
                }
                return x.count < y.count ? -1 : (x.count > y.count ? 1 : 0)
            }
        }
    }

}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// String comparison by code points, as CEL requires: no Unicode normalisation, so
/// "Am\u{E9}lie" and "Ame\u{301}lie" differ (Swift's `==` would call them equal).
enum CodePoints {
    @inline(__always)
    static func equal(_ a: String, _ b: String) -> Bool {
        // Byte equality is exactly CEL's code-point equality. Lengths first: most unequal
        // strings differ in length, and `utf8.count` is O(1) for native strings.
        let count = a.utf8.count
        guard count == b.utf8.count else { return false }
        if count == 0 { return true }
        // Native and small strings expose their bytes directly: one memcmp. (The generic
        // `elementsEqual` walks the views byte by byte and was 10% of a rule's time.)
        let compared = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in memcmp(x.baseAddress!, y.baseAddress!, count) == 0 }
        }
        if let compared = compared ?? nil { return compared }
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

/// `size`, `contains`, `startsWith`, `endsWith`, `matches`, by code points (no Unicode
/// normalisation), searching UTF-8 bytes directly.
enum StringFunctions {
    static func register(in table: inout FunctionTable) {
        table.addUnary("size", [.global, .receiver], [
            FunctionSignature([.string], .int), FunctionSignature([.list(.dyn)], .int), FunctionSignature([.map(.dyn, .dyn)], .int),
        ]) { value in
            switch value {
            case .string(let s): .int(Int64(s.unicodeScalars.count))
            case .list(let l): .int(Int64(l.count))
            case .map(let m): .int(Int64(m.count))
            default: noOverload("size", value)
            }
        }
        let textTest: [FunctionSignature] = [FunctionSignature([.string, .string], .bool)]
        table.addBinary("contains", [.receiver], textTest) { text($0, $1, "contains", UTF8Search.contains) }
        table.addBinary("startsWith", [.receiver], textTest) { text($0, $1, "startsWith", UTF8Search.hasPrefix) }
        table.addBinary("endsWith", [.receiver], textTest) { text($0, $1, "endsWith", UTF8Search.hasSuffix) }
        table.addBinary("matches", [.receiver, .global], textTest, specialize: specializeMatches) { subject, pattern in
            guard case .string(let s) = subject, case .string(let p) = pattern else { return noOverload("matches", subject, pattern) }
            do throws(RegexSyntaxError) {
                return .bool(try LinearRegex(p).matches(s))
            } catch {
                return .failure(.invalidRegex(error.description))
            }
        }
        table.addUnary("lowerAscii", [.receiver], [FunctionSignature([.string], .string)]) { value in
            guard case .string(let s) = value else { return noOverload("lowerAscii", value) }
            return .string(String(decoding: s.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self))
        }
        table.addUnary("upperAscii", [.receiver], [FunctionSignature([.string], .string)]) { value in
            guard case .string(let s) = value else { return noOverload("upperAscii", value) }
            return .string(String(decoding: s.utf8.map { $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 }, as: UTF8.self))
        }
    }

    private static func text(_ a: Value, _ b: Value, _ name: String, _ test: (String, String) -> Bool) -> Value {
        guard case .string(let x) = a, case .string(let y) = b else { return noOverload(name, a, b) }
        return .bool(test(x, y))
    }

    /// A constant pattern is compiled once, at rule-load time.
    private static func specializeMatches(_ constants: [Value?]) -> FunctionImplementation? {
        guard constants.count == 2, case .string(let pattern)? = constants[1] else { return nil }
        let regex: LinearRegex
        do throws(RegexSyntaxError) {
            regex = try LinearRegex(pattern)
        } catch {
            let failure = Value.failure(.invalidRegex(error.description))
            return .binary { _, _ in failure }
        }
        return .binary { subject, _ in
            guard case .string(let s) = subject else { return noOverload("matches", subject, .string(pattern)) }
            return .bool(regex.matches(s))
        }
    }
}

/// Substring tests on UTF-8 bytes; correct for code points because UTF-8 is self-synchronising.
enum UTF8Search {
    static func hasPrefix(_ text: String, _ prefix: String) -> Bool {
        text.utf8.starts(with: prefix.utf8)
    }

    static func hasSuffix(_ text: String, _ suffix: String) -> Bool {
        text.utf8.reversed().starts(with: suffix.utf8.reversed())
    }

    static func contains(_ text: String, _ needle: String) -> Bool {
        let haystack = Array(text.utf8)
        let pattern = Array(needle.utf8)
        if pattern.isEmpty { return true }
        if pattern.count > haystack.count { return false }
        let first = pattern[0]
        var start = 0
        let last = haystack.count - pattern.count
        while start <= last {
            if haystack[start] == first {
                var matched = true
                for offset in 1..<pattern.count where haystack[start + offset] != pattern[offset] {
                    matched = false
                    break
                }
                if matched { return true }
            }
            start += 1
        }
        return false
    }
}

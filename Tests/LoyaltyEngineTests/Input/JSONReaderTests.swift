import Testing
@testable import LoyaltyEngine
import RuleLanguage

/// Helpers shared by the JSON reader tests (a namespace, so the names cannot clash with
/// other tests in this target).
enum JSONReaderTesting {
    static func parse(_ bytes: [UInt8], limits: JSONLimits = .default) -> Result<Value, JSONError> {
        bytes.withUnsafeBufferPointer { JSONReader.parse($0, limits: limits) }
    }

    /// The value with its types spelled out, so `1` (int), `1` (decimal) and `1.0` differ:
    /// `{id: "e1", n: int(2), p: decimal(1.50), xs: [true, null]}`.
    static func tagged(_ value: Value) -> String {
        switch value {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .int(let i): "int(\(i))"
        case .double(let d): "double(\(d))"
        case .decimal(let d): "decimal(\(d))"
        case .string(let s): "\"\(s)\""
        case .timestamp(let t): "timestamp(\(t.rfc3339))"
        case .duration: "duration"
        case .list(let elements): "[" + elements.map(tagged).joined(separator: ", ") + "]"
        case .map(let map):
            "{" + map.entries.map { entry in
                let key: String
                if case .string(let s) = entry.key { key = s } else { key = tagged(entry.key) }
                return key + ": " + tagged(entry.value)
            }.joined(separator: ", ") + "}"
        case .error(let error): "error(\(error.message))"
        }
    }

    /// `tagged` of the parsed value, or `code@column` of the error.
    static func outcome(_ result: Result<Value, JSONError>) -> String {
        switch result {
        case .success(let value): tagged(value)
        case .failure(let error): "\(error.code.rawValue)@\(error.column)"
        }
    }

    static func outcome(_ text: String, limits: JSONLimits = .default) -> String {
        outcome(JSONReader.parse(text, limits: limits))
    }
}

@Suite("JSONReader: structures")
struct JSONReaderStructureTests {
    static let accepted: [(String, String)] = [
        ("null", "null"),
        ("true", "true"),
        ("false", "false"),
        ("[]", "[]"),
        ("{}", "{}"),
        ("[[]]", "[[]]"),
        ("[{}]", "[{}]"),
        ("{\"a\":{}}", "{a: {}}"),
        (" [ 1 , 2 ] ", "[int(1), int(2)]"),
        ("\t{ \"a\" : [ ] }\r\n", "{a: []}"),
        ("[1,\"x\",true,false,null,1.5,[2],{\"k\":3}]",
         "[int(1), \"x\", true, false, null, decimal(1.5), [int(2)], {k: int(3)}]"),
        ("{\"b\":1,\"a\":2}", "{b: int(1), a: int(2)}"),  // order as written
        // A repeated key keeps its first position and its last value.
        ("{\"a\":1,\"a\":2}", "{a: int(2)}"),
        ("{\"a\":1,\"b\":2,\"a\":3}", "{a: int(3), b: int(2)}"),
        ("{\"a\":{\"x\":1},\"a\":[]}", "{a: []}"),
        ("{\"abcdefghijklmnopqrstu\":1,\"abcdefghijklmnopqrstu\":2}", "{abcdefghijklmnopqrstu: int(2)}"),
        // Same first and last 8 bytes and length: equal fingerprints, different keys.
        ("{\"aaaaaaaaXbbbbbbbb\":1,\"aaaaaaaaYbbbbbbbb\":2}", "{aaaaaaaaXbbbbbbbb: int(1), aaaaaaaaYbbbbbbbb: int(2)}"),
        // Equal decoded keys written differently.
        ("{\"é\":1,\"\\u00e9\":2}", "{é: int(2)}"),
        ("{\"a\":1,\"a\\u0000\":2}", "{a: int(1), a\u{0}: int(2)}"),
        ("{\"\":1}", "{: int(1)}"),
    ]

    @Test(arguments: accepted)
    func accepts(json: String, expected: String) {
        #expect(JSONReaderTesting.outcome(json) == expected)
    }

    /// Input, code and column.
    static let rejected: [(String, JSONError.Code, Int)] = [
        ("", .invalidJSON, 1),
        ("   ", .invalidJSON, 4),
        ("{} x", .invalidJSON, 4),
        ("[1] [2]", .invalidJSON, 5),
        ("\"a\" \"b\"", .invalidJSON, 5),
        ("truex", .invalidJSON, 5),
        ("[1,]", .invalidJSON, 4),
        ("[1, ]", .invalidJSON, 5),
        ("[,1]", .invalidJSON, 2),
        ("[1,,2]", .invalidJSON, 4),
        ("{\"a\":1,}", .invalidJSON, 8),
        ("{,}", .invalidJSON, 2),
        ("{\"a\" 1}", .invalidJSON, 6),
        ("{\"a\"}", .invalidJSON, 5),
        ("{\"a\":1 \"b\":2}", .invalidJSON, 8),
        ("{\"a\":}", .invalidJSON, 6),
        ("[1 2]", .invalidJSON, 4),
        ("{a:1}", .invalidJSON, 2),
        ("{'a':1}", .invalidJSON, 2),
        ("['a']", .invalidJSON, 2),
        ("{1:1}", .invalidJSON, 2),
        ("[1] // note", .invalidJSON, 5),
        ("[1 /* note */]", .invalidJSON, 4),
        ("/* note */ 1", .invalidJSON, 1),
        ("[", .invalidJSON, 2),
        ("[1,", .invalidJSON, 4),
        ("{", .invalidJSON, 2),
        ("{\"a\":", .invalidJSON, 6),
        ("{\"a\":1", .invalidJSON, 7),
        ("{\"a\"", .invalidJSON, 5),
        ("]", .invalidJSON, 1),
        ("}", .invalidJSON, 1),
        ("[}", .invalidJSON, 2),
        ("{]", .invalidJSON, 2),
        ("tru", .invalidJSON, 1),
        ("nul", .invalidJSON, 1),
        ("fals", .invalidJSON, 1),
        ("True", .invalidJSON, 1),
        ("[NaN]", .invalidJSON, 2),
        ("[Infinity]", .invalidJSON, 2),
        ("\u{FEFF}{}", .invalidJSON, 1),
        ("[1]\u{0}", .invalidJSON, 4),
        ("\u{0C}[]", .invalidJSON, 1),  // form feed is not JSON whitespace
        ("[é]", .invalidJSON, 2),
    ]

    @Test(arguments: rejected)
    func rejects(json: String, code: JSONError.Code, column: Int) throws {
        let error = try #require(JSONReader.parse(json).jsonError)
        #expect(error.code == code)
        #expect(error.column == column)
        #expect(error.message.hasSuffix("(column \(column))"))
    }

    /// Whole messages, as a shop manager reads them.
    static let messages: [(String, String)] = [
        ("{\"amount\":12 3}", "expected ',' or '}' after the value of \"amount\" (column 14)"),
        ("[1 2]", "expected ',' or ']' after an array element (column 4)"),
        ("{\"a\" 1}", "expected ':' after the key \"a\", found '1' (column 6)"),
        ("[1,]", "a ',' must be followed by another value, not ']' (column 4)"),
        ("{} x", "unexpected 'x' after the end of the JSON value (column 4)"),
        ("[", "the line ends before the array is closed with ']' (column 2)"),
        ("{'a':1}", "strings and keys must be in double quotes, not single quotes (column 2)"),
        ("[1] // c", "comments are not allowed in JSON (column 5)"),
        ("[é]", "expected a value, found 'é' (column 2)"),
        ("[\u{1}]", "expected a value, found the control character 0x01 (column 2)"),
        ("", "the line has no JSON value (column 1)"),
    ]

    @Test(arguments: messages)
    func message(json: String, expected: String) throws {
        let error = try #require(JSONReader.parse(json).jsonError)
        #expect(error.message == expected)
    }

    @Test func objectsWithManyMembers() throws {
        // Past 32 members the repeated-key check hashes instead of comparing pairs.
        let distinct = (0..<40).map { "\"key\($0)\":\($0)" }.joined(separator: ",")
        guard case .map(let map) = try JSONReader.parse("{\(distinct)}").get() else { Issue.record("not a map"); return }
        #expect(map.count == 40)
        #expect(map.value(forKey: .string("key39"))?.isEqual(to: .int(39)) == true)

        guard case .map(let repeated) = try JSONReader.parse("{\(distinct),\"key7\":\"last\"}").get() else {
            Issue.record("not a map"); return
        }
        #expect(repeated.count == 40)
        #expect(JSONReaderTesting.tagged(repeated.value(forKey: .string("key7"))!) == "\"last\"")
        #expect(JSONReaderTesting.tagged(repeated.entries[7].key) == "\"key7\"")
    }

    @Test func realisticEvent() throws {
        let line = #"{"id":"e00000005","type":"purchase","member":"M000003","at":"2026-01-03T10:16:33+08:00","store":"S02","amount":2209.70,"items":[{"sku":"ELE-005","category":"electronics","qty":1,"price":2049.41},{"sku":"HOU-013","category":"household","qty":2,"price":13.21}]}"#
        #expect(JSONReaderTesting.outcome(line) == """
            {id: "e00000005", type: "purchase", member: "M000003", at: "2026-01-03T10:16:33+08:00", store: "S02", \
            amount: decimal(2209.70), items: [{sku: "ELE-005", category: "electronics", qty: int(1), price: decimal(2049.41)}, \
            {sku: "HOU-013", category: "household", qty: int(2), price: decimal(13.21)}]}
            """)
    }
}

@Suite("JSONReader: limits")
struct JSONReaderLimitTests {
    static func nested(_ depth: Int) -> String {
        String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    }

    @Test func depthAtTheLimitIsAccepted() {
        #expect(JSONReader.parse(Self.nested(64)).jsonError == nil)
        let objects = String(repeating: "{\"a\":", count: 63) + "[]" + String(repeating: "}", count: 63)
        #expect(JSONReader.parse(objects).jsonError == nil)
    }

    @Test func depthPastTheLimitIsTooDeep() throws {
        let error = try #require(JSONReader.parse(Self.nested(65)).jsonError)
        #expect(error == JSONError(code: .tooDeep, message: "objects and arrays are nested more than 64 deep", column: 65))
        let objects = String(repeating: "{\"a\":", count: 65) + "1" + String(repeating: "}", count: 65)
        #expect(JSONReader.parse(objects).jsonError?.code == .tooDeep)
        #expect(JSONReader.parse(objects).jsonError?.column == 64 * 5 + 1)
    }

    @Test func tenThousandOpeningBracketsDoNotOverflowTheStack() throws {
        let error = try #require(JSONReader.parse(String(repeating: "[", count: 10_000)).jsonError)
        #expect(error.code == .tooDeep)
        #expect(error.column == 65)
    }

    @Test func theReaderItselfNeverRecurses() throws {
        // With a generous limit, 50,000 open arrays are read to the end of the line (where
        // they are found unclosed) on the heap stack, not the call stack. (Accepting values
        // that deep would be another matter: destroying them recurses.)
        let limits = JSONLimits(maximumDepth: 100_000, maximumLineBytes: 1 << 20)
        let error = try #require(JSONReader.parse(String(repeating: "[", count: 50_000), limits: limits).jsonError)
        #expect(error.code == .invalidJSON)
        #expect(error.column == 50_001)
    }

    @Test func customDepth() {
        let limits = JSONLimits(maximumDepth: 2, maximumLineBytes: 100)
        #expect(JSONReaderTesting.outcome("[[1]]", limits: limits) == "[[int(1)]]")
        #expect(JSONReaderTesting.outcome("[[[1]]]", limits: limits) == "too-deep@3")
        #expect(JSONReaderTesting.outcome("{\"a\":{\"b\":[]}}", limits: limits) == "too-deep@11")
    }

    @Test func lineLength() throws {
        let limits = JSONLimits(maximumDepth: 64, maximumLineBytes: 10)
        #expect(JSONReaderTesting.outcome("[1,2,3,44]", limits: limits) == "[int(1), int(2), int(3), int(44)]")
        let error = try #require(JSONReader.parse("[1,2,3,444]", limits: limits).jsonError)
        #expect(error == JSONError(code: .lineTooLong, message: "the line is 11 bytes long, over the limit of 10 bytes", column: 11))
    }
}

@Suite("JSONReader: robustness")
struct JSONReaderRobustnessTests {
    static let sample = Array(#"{"id":"e1","s":"a\"b\u00e9\ud83d\ude00c","n":[-1.5e3,0,12345678901234567890123],"t":true,"f":false,"z":null,"é":{}}"#.utf8)

    @Test func everyPrefixIsHandled() {
        // Truncation anywhere (a line cut by a crash) must be an error, never a crash.
        for length in 0..<Self.sample.count {
            #expect(JSONReaderTesting.parse(Array(Self.sample[0..<length])).jsonError != nil, "prefix of \(length) bytes")
        }
        #expect(JSONReaderTesting.parse(Self.sample).jsonError == nil)
    }

    @Test func everySingleByteCorruptionIsHandled() {
        // Replace each byte by a few troublemakers; any outcome is fine except a crash.
        var accepted = 0
        for position in Self.sample.indices {
            for replacement: UInt8 in [0x00, 0x22, 0x5C, 0x5B, 0x7B, 0x5D, 0x7D, 0x2C, 0x80, 0xC3, 0xFF] {
                var bytes = Self.sample
                bytes[position] = replacement
                if case .success = JSONReaderTesting.parse(bytes) { accepted += 1 }
            }
        }
        #expect(accepted < Self.sample.count * 11)
    }

    @Test func theCacheNeverConfusesStrings() throws {
        // Strings of every length around the fingerprint's 8- and 16-byte boundaries,
        // differing in one byte, parsed repeatedly so later ones come from the cache.
        var expected: [String] = []
        for length in 0...20 {
            for variant in ["a", "b"] {
                expected.append(String(repeating: "x", count: max(length - 1, 0)) + (length > 0 ? variant : ""))
            }
        }
        let json = "[" + expected.map { "\"\($0)\"" }.joined(separator: ",") + "]"
        for _ in 0..<3 {
            guard case .list(let elements) = try JSONReader.parse(json).get() else { Issue.record("not a list"); return }
            #expect(elements.map(JSONReaderTesting.tagged) == expected.map { "\"\($0)\"" })
        }
    }

    @Test func parsesOnManyThreadsAtOnce() async {
        // Each thread has its own workspace; results must not bleed between them.
        await withTaskGroup(of: Bool.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for round in 0..<2_000 {
                        let json = "{\"task\":\(task),\"round\":\(round),\"name\":\"t\(task)r\(round)\",\"xs\":[\(task),\(round)]}"
                        let expected = "{task: int(\(task)), round: int(\(round)), name: \"t\(task)r\(round)\", xs: [int(\(task)), int(\(round))]}"
                        if JSONReaderTesting.outcome(json) != expected { return false }
                    }
                    return true
                }
            }
            for await ok in group { #expect(ok) }
        }
    }
}

extension Result where Failure == JSONError {
    /// The error, or nil on success (for `#expect`s on rejected input).
    var jsonError: JSONError? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

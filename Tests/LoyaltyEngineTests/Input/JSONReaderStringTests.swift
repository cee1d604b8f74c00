import Testing
@testable import LoyaltyEngine
import RuleLanguage

@Suite("JSONReader: strings")
struct JSONReaderStringTests {
    /// JSON text of a string and the Swift string it means.
    static let accepted: [(String, String)] = [
        (#""""#, ""),
        (#""abc""#, "abc"),
        (#""a\"b""#, "a\"b"),
        (#""\\""#, "\\"),
        (#""\/""#, "/"),
        (#""\b\f\n\r\t""#, "\u{8}\u{C}\n\r\t"),
        (#""\u00e9""#, "é"),
        (#""\u00E9""#, "é"),
        (#""é""#, "é"),
        (#""\u20AC and €""#, "€ and €"),
        (#""\ud83d\ude00""#, "😀"),
        (#""\uD83D\uDE00""#, "😀"),
        (#""😀""#, "😀"),
        (#""x\u0000y""#, "x\u{0}y"),
        (#""\uFFFF""#, "\u{FFFF}"),
        ("\"\\u2028 raw \u{2028} ok\"", "\u{2028} raw \u{2028} ok"),
        ("\"DEL \u{7F} ok\"", "DEL \u{7F} ok"),
        (#""2026-01-03T10:16:33+08:00""#, "2026-01-03T10:16:33+08:00"),
        (#""sixteen bytes!!!""#, "sixteen bytes!!!"),
        (#""seventeen bytes!!""#, "seventeen bytes!!"),
        // Escapes and non-ASCII past the first 8-byte block, and at the very end.
        (#""abcdefghij\nklmnopq""#, "abcdefghij\nklmnopq"),
        (#""abcdefghijklmnopqrstuvwxyzé""#, "abcdefghijklmnopqrstuvwxyzé"),
        (#""abcdefghijklmnopqrstuvwxyz\"""#, "abcdefghijklmnopqrstuvwxyz\""),
        (#""中文名字 and Ünïcödé""#, "中文名字 and Ünïcödé"),
        (#""\u4e2d\u6587\"quoted\" é \\""#, "中文\"quoted\" é \\"),
    ]

    @Test(arguments: accepted)
    func accepts(json: String, expected: String) throws {
        guard case .string(let string) = try JSONReader.parse(json).get() else { Issue.record("not a string"); return }
        #expect(string == expected)
        #expect(Array(string.utf8) == Array(expected.utf8))
    }

    /// Bytes of a line, code and column.
    static let rejected: [([UInt8], JSONError.Code, Int)] = [
        (Array(#""abc"#.utf8), .invalidJSON, 1),
        (Array(#"["abc]"#.utf8), .invalidJSON, 2),
        (Array(#""abc\"#.utf8), .invalidJSON, 1),
        (Array(#""\x""#.utf8), .invalidJSON, 3),
        (Array(#""\U00e9""#.utf8), .invalidJSON, 3),
        (Array(#""\u12""#.utf8), .invalidJSON, 2),
        (Array(#""\u12g4""#.utf8), .invalidJSON, 2),
        (Array(#""\ud800""#.utf8), .invalidJSON, 2),
        (Array(#""\udc00""#.utf8), .invalidJSON, 2),
        (Array(#""ab\ud83dx""#.utf8), .invalidJSON, 4),
        (Array(#""\ud800\u0041""#.utf8), .invalidJSON, 2),
        (Array(#""\ud800\ud800""#.utf8), .invalidJSON, 2),
        (Array(#""\ud800\u12""#.utf8), .invalidJSON, 8),
        (Array("\"a\tb\"".utf8), .invalidJSON, 3),
        (Array("\"a\nb\"".utf8), .invalidJSON, 3),
        (Array("\"abcdefghijk\u{1F}\"".utf8), .invalidJSON, 13),
        (Array("\"\u{0}\"".utf8), .invalidJSON, 2),
        // Invalid UTF-8 inside strings.
        ([0x22, 0xFF, 0x22], .invalidUTF8, 2),
        ([0x22, 0x80, 0x22], .invalidUTF8, 2),               // stray continuation byte
        ([0x22, 0xC0, 0xAF, 0x22], .invalidUTF8, 2),         // overlong "/"
        ([0x22, 0xC1, 0xBF, 0x22], .invalidUTF8, 2),         // overlong
        ([0x22, 0xE0, 0x80, 0xAF, 0x22], .invalidUTF8, 2),   // overlong, three bytes
        ([0x22, 0xF0, 0x80, 0x80, 0xAF, 0x22], .invalidUTF8, 2),  // overlong, four bytes
        ([0x22, 0xED, 0xA0, 0x80, 0x22], .invalidUTF8, 2),   // U+D800 encoded
        ([0x22, 0xED, 0xBF, 0xBF, 0x22], .invalidUTF8, 2),   // U+DFFF encoded
        ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], .invalidUTF8, 2),  // above U+10FFFF
        ([0x22, 0xF5, 0x80, 0x80, 0x80, 0x22], .invalidUTF8, 2),
        ([0x22, 0x61, 0xE2, 0x82, 0x22], .invalidUTF8, 3),   // truncated "€"
        ([0x22, 0x61, 0xE2, 0x82], .invalidUTF8, 3),         // truncated at the end of the line
        ([0x22, 0xC3], .invalidUTF8, 2),
        ([0x22] + Array("abcdefghijklmnop".utf8) + [0xFE, 0x22], .invalidUTF8, 18),
        ([0x22, 0x5C, 0x6E, 0xFF, 0x22], .invalidUTF8, 4),   // after an escape
        // Outside strings, and after a syntax error (the encoding is the real problem).
        ([0xFF], .invalidUTF8, 1),
        ([0x5B, 0x31, 0x2C, 0xFF, 0x5D], .invalidUTF8, 4),
        ([0x7B, 0x7D, 0x20, 0xC3], .invalidUTF8, 4),
        ([0x5B, 0x31, 0x20, 0x78, 0x20, 0x22, 0xFF, 0x22, 0x5D], .invalidUTF8, 7),
    ]

    @Test(arguments: rejected)
    func rejects(bytes: [UInt8], code: JSONError.Code, column: Int) throws {
        let error = try #require(JSONReaderTesting.parse(bytes).jsonError)
        #expect(error.code == code)
        #expect(error.column == column)
    }

    @Test func messages() throws {
        let utf8 = try #require(JSONReaderTesting.parse([0xFF]).jsonError)
        #expect(utf8.message == "the text is not valid UTF-8 (byte 0xFF at column 1)")
        let surrogate = try #require(JSONReader.parse(#""\uD800""#).jsonError)
        #expect(surrogate.message == "the escape '\\uD800' is a lone surrogate; it must be one half of a pair such as '\\uD83D\\uDE00' (column 2)")
        let control = try #require(JSONReader.parse("\"a\tb\"").jsonError)
        #expect(control.message == "the control character 0x09 must be written as an escape such as \\n inside a string (column 3)")
        let unclosed = try #require(JSONReader.parse(#"{"name":"Ann}"#).jsonError)
        #expect(unclosed.message == "the string that starts here is not closed before the end of the line (column 9)")
        let escape = try #require(JSONReader.parse(#""\x""#).jsonError)
        #expect(escape.message == "a backslash in a string must start an escape such as \\n or \\u00e9, found 'x' (column 3)")
    }

    @Test func keysAreDecodedLikeStrings() {
        #expect(JSONReaderTesting.outcome(#"{"\u0041\n":1,"ключ":2}"#) == "{A\n: int(1), ключ: int(2)}")
    }
}

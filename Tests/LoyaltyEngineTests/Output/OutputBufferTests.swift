import Foundation
import Testing
@testable import LoyaltyEngine
import RuleLanguage

@Suite("OutputBuffer")
struct OutputBufferTests {
    /// What a collecting buffer holds after `body`, as text.
    static func written(_ body: (OutputBuffer) -> Void) -> String {
        let buffer = OutputBuffer()
        body(buffer)
        return String(decoding: buffer.bytes, as: UTF8.self)
    }

    static let stringCases: [(String, String)] = [
        ("", #""""#),
        ("abc", #""abc""#),
        ("a\"b", #""a\"b""#),
        ("back\\slash", #""back\\slash""#),
        ("line\nbreak\r\ttab", #""line\nbreak\r\ttab""#),
        ("\u{0}\u{1}\u{1F}", #""\u0000\u0001\u001f""#),
        ("\u{8}\u{C}", #""\u0008\u000c""#),
        ("é 中文 😀", "\"é 中文 😀\""),  // non-ASCII as is
        ("\u{7F}\u{2028}", "\"\u{7F}\u{2028}\""),
        ("/", #""/""#),  // no need to escape '/'
        ("\"\"\\\\", #""\"\"\\\\""#),
    ]

    @Test(arguments: stringCases)
    func jsonStrings(text: String, expected: String) {
        #expect(Self.written { $0.appendJSONString(text) } == expected)
    }

    @Test(arguments: stringCases)
    func jsonStringsReadBackUnchanged(text: String, expected: String) throws {
        let json = Self.written { $0.appendJSONString(text) }
        guard case .string(let back) = try JSONReader.parse(json).get() else { Issue.record("not a string"); return }
        #expect(Array(back.utf8) == Array(text.utf8))
    }

    static let integerCases: [(Int64, String)] = [
        (0, "0"), (1, "1"), (-1, "-1"), (9, "9"), (10, "10"), (99, "99"), (100, "100"),
        (1_234_567_890, "1234567890"), (-500, "-500"),
        (999_999_999_999_999_999, "999999999999999999"),
        (1_000_000_000_000_000_000, "1000000000000000000"),
        (Int64.max, "9223372036854775807"), (Int64.min, "-9223372036854775808"),
    ]

    @Test(arguments: integerCases)
    func integers(value: Int64, expected: String) {
        #expect(Self.written { $0.appendInt(value) } == expected)
    }

    static let decimalCases: [(String, String)] = [
        ("128.50", "128.50"), ("-0.0045", "-0.0045"), ("1000", "1000"), ("0.0", "0.0"), ("0", "0"),
        ("-7", "-7"), ("99999999999999999999999999999999999999", "99999999999999999999999999999999999999"),
        ("0.00000000000000000000000000000000000001", "0.00000000000000000000000000000000000001"),
    ]

    @Test(arguments: decimalCases)
    func decimals(text: String, expected: String) throws {
        let value = try #require(ExactDecimal(text))
        #expect(Self.written { $0.appendDecimal(value) } == expected)
    }

    @Test func decimalsMatchTheirDescription() {
        // The fast path must spell every decimal exactly as `ExactDecimal.description`.
        var generator = SystemRandomNumberGenerator()
        let buffer = OutputBuffer()
        for _ in 0..<20_000 {
            let wide = Int.random(in: 0..<4, using: &generator) == 0
            let significand = wide
                ? Int128(Int64.random(in: .min + 1 ... .max, using: &generator)) * Int128(Int64.random(in: 1...Int64.max, using: &generator))
                : Int128(Int64.random(in: -1_000_000...1_000_000, using: &generator))
            let value = ExactDecimal(significand: significand, scale: Int.random(in: 0...38, using: &generator))
            buffer.removeAll()
            buffer.appendDecimal(value)
            #expect(String(decoding: buffer.bytes, as: UTF8.self) == value.description)
        }
        for significand in [Int128(Int64.max), Int128(Int64.min) + 1, 0, 1, -1] {
            for scale in 0...38 {
                let value = ExactDecimal(significand: significand, scale: scale)
                buffer.removeAll()
                buffer.appendDecimal(value)
                #expect(String(decoding: buffer.bytes, as: UTF8.self) == value.description)
            }
        }
    }

    @Test func timestampsMatchRFC3339() throws {
        // Random instants over the whole range, and runs within a day (where the date part
        // is reused), with and without fractions.
        var generator = SystemRandomNumberGenerator()
        let buffer = OutputBuffer()
        var seconds = Int64.random(in: Instant.minimum.seconds...Instant.maximum.seconds - 100_000, using: &generator)
        for step in 0..<20_000 {
            seconds = step % 100 == 0
                ? Int64.random(in: Instant.minimum.seconds...Instant.maximum.seconds - 100_000, using: &generator)
                : seconds + Int64.random(in: 0...5_000, using: &generator)
            let nanoseconds = step % 7 == 0 ? Int32.random(in: 0..<1_000_000_000, using: &generator) : 0
            let instant = try #require(Instant(seconds: seconds, nanoseconds: nanoseconds))
            buffer.removeAll()
            buffer.appendTimestamp(instant)
            #expect(String(decoding: buffer.bytes, as: UTF8.self) == instant.rfc3339)
        }
        for edge in [Instant.minimum, Instant.maximum, try #require(Instant(seconds: -1)), try #require(Instant(seconds: 0))] {
            buffer.removeAll()
            buffer.appendTimestamp(edge)
            #expect(String(decoding: buffer.bytes, as: UTF8.self) == edge.rfc3339)
        }
    }

    @Test func timestamps() throws {
        let instant = try #require(Instant(seconds: 1_234_567_890))
        #expect(Self.written { $0.appendTimestamp(instant) } == "2009-02-13T23:31:30Z")
        let precise = try #require(Instant(seconds: 1_234_567_890, nanoseconds: 123_000_000))
        #expect(Self.written { $0.appendTimestamp(precise) } == "2009-02-13T23:31:30.123Z")
    }

    @Test func bytesStaticStringsAndRawText() {
        let text = Self.written { buffer in
            buffer.append("{\"k\":")
            buffer.append(UInt8(ascii: "["))
            [UInt8]("1,2".utf8).withUnsafeBytes { buffer.append($0) }
            buffer.append(UInt8(ascii: "]"))
            buffer.appendRaw(",\"r\":\"é\"}")
        }
        #expect(text == "{\"k\":[1,2],\"r\":\"é\"}")
    }

    @Test func collectingGrowsPastTheCapacity() {
        let buffer = OutputBuffer(fileDescriptor: -1, capacity: 8)
        #expect(buffer.isCollecting)
        for value in 0..<1_000 { buffer.appendInt(Int64(value)); buffer.append(UInt8(ascii: "\n")) }
        buffer.flush()  // keeps everything
        #expect(String(decoding: buffer.bytes, as: UTF8.self) == (0..<1_000).map { "\($0)\n" }.joined())
        buffer.removeAll()
        #expect(buffer.bytes.isEmpty)
    }

    @Test(arguments: [1, 7, 64, 1 << 16])
    func writesEverythingToAFile(capacity: Int) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("output-\(UUID().uuidString)")
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(descriptor >= 0)
        defer { try? FileManager.default.removeItem(at: url) }
        let buffer = OutputBuffer(fileDescriptor: descriptor, capacity: capacity)
        var expected = ""
        for line in 0..<2_000 {
            buffer.append("{\"line\":")
            buffer.appendInt(Int64(line))
            buffer.append(",\"name\":")
            buffer.appendJSONString("n\"\(line)é")
            buffer.append("}\n")
            expected += "{\"line\":\(line),\"name\":\"n\\\"\(line)é\"}\n"
        }
        #expect(buffer.bytes.count <= max(capacity, 32), "flushed as it went")
        buffer.flush()
        #expect(buffer.bytes.isEmpty)
        close(descriptor)
        #expect(!buffer.isBroken)
        #expect(try String(contentsOf: url, encoding: .utf8) == expected)
    }

    @Test func aClosedPipeStopsOutputQuietly() throws {
        // As with `loyalty run | head`: the reader goes away; SIGPIPE is ignored by the
        // executable, so the write fails with EPIPE instead of killing the process.
        signal(SIGPIPE, SIG_IGN)
        var descriptors: [Int32] = [0, 0]
        try #require(pipe(&descriptors) == 0)
        close(descriptors[0])
        defer { close(descriptors[1]) }
        let buffer = OutputBuffer(fileDescriptor: descriptors[1], capacity: 16)
        for _ in 0..<100 { buffer.append("{\"points\":100}\n") }
        buffer.flush()
        #expect(buffer.isBroken)
        #expect(buffer.writeError == EPIPE)
        #expect(buffer.bytes.isEmpty, "output after the break is dropped, not kept")
    }
}

@testable import LoyaltyEngine
import RuleLanguage
import Testing

/// The file format refuses every torn, cut or corrupted file with a clear error, and never
/// crashes on a body that passes its checksum but is not well formed.
@Suite struct StateCodecTests {
    /// A real state: the fixture stream half applied.
    static let file: [UInt8] = {
        let engine = try! StateFixture.makeEngine()
        StateFixture.feed(engine, StateFixture.lines.prefix(600))
        return StateCodec.encode(engine.makeStateSnapshot())
    }()

    @Test func aSavedFileDecodes() throws {
        let snapshot = try StateCodec.decode(Self.file)
        #expect(snapshot.memberCount > 20)
        #expect(snapshot.packNames == ["rich"])
        #expect(Array(Self.file.prefix(8)) == [0x89, 0x4C, 0x59, 0x53, 0x54, 0x0D, 0x0A, 0x1A])
    }

    @Test func anEmptyFileIsRefused() {
        #expect(throws: StateError.empty) { try StateCodec.decode([]) }
    }

    @Test func anotherKindOfFileIsRefused() {
        #expect(throws: StateError.notAStateFile) { try StateCodec.decode(Array("{\"member\":\"M1\"}\n".utf8)) }
        var renamed = Self.file
        renamed[1] = UInt8(ascii: "X")
        #expect(throws: StateError.notAStateFile) { try StateCodec.decode(renamed) }
    }

    @Test(arguments: [1, 5, 8, 12, 19, 20, 21, 100, 1000, -100, -9, -8, -1])
    func aTruncatedFileIsRefused(cut: Int) throws {
        let length = cut > 0 ? cut : Self.file.count + cut
        let error = try #require(throws: StateError.self) { try StateCodec.decode(Array(Self.file.prefix(length))) }
        if length < StateCodec.headerSize {
            #expect(error == .truncated(size: length, expected: nil))
        } else {
            #expect(error == .truncated(size: length, expected: Self.file.count))
        }
        #expect(error.message.contains("truncated"))
    }

    @Test func everyFlippedByteIsDetected() throws {
        // Every byte of the header and the checksum, and a spread of body bytes.
        let positions = Array(0..<StateCodec.headerSize) + Array(stride(from: StateCodec.headerSize, to: Self.file.count, by: 97))
            + Array(Self.file.count - 8..<Self.file.count)
        for position in positions {
            var damaged = Self.file
            damaged[position] ^= 0x10
            #expect(throws: StateError.self, "flipping byte \(position) went unnoticed") { try StateCodec.decode(damaged) }
        }
        var body = Self.file
        body[Self.file.count / 2] ^= 0x01
        let error = try #require(throws: StateError.self) { try StateCodec.decode(body) }
        guard case .checksumMismatch = error else {
            Issue.record("a flipped body byte gave \(error), not a checksum mismatch")
            return
        }
        #expect(error.message.hasPrefix("the file is corrupted"))
    }

    @Test func aNewerFormatIsRefused() {
        var newer = Self.file
        newer[8] = 3
        #expect(throws: StateError.unsupportedVersion(found: 3, supported: 2)) { try StateCodec.decode(newer) }
    }

    @Test func extraBytesAreRefused() {
        #expect(throws: StateError.trailingBytes(size: Self.file.count + 3, expected: Self.file.count)) {
            try StateCodec.decode(Self.file + [1, 2, 3])
        }
    }

    /// Bodies rewritten at random, with a checksum that matches, as a buggy or hostile
    /// writer would make them: refused or decoded, never a crash or a runaway allocation.
    @Test func malformedBodiesWithGoodChecksumsNeverCrash() throws {
        var random = SplitMix64(seed: 3)
        var refused = 0
        for _ in 0..<300 {
            var body = Array(Self.file[StateCodec.headerSize..<Self.file.count - 8])
            for _ in 0..<1 + random.next(below: 4) {
                body[random.next(below: body.count)] = UInt8(truncatingIfNeeded: random.next())
            }
            if random.next(below: 4) == 0 { body.removeLast(random.next(below: 50)) }
            do {
                let snapshot = try StateCodec.decode(Self.resealed(body))
                // What decodes must also load and print.
                _ = StateReport(snapshot).sortedMembers.map { StateReport(snapshot).line(member: $0) }
                _ = try? StateFixture.makeEngine().restore(from: snapshot)
            } catch {
                guard case .malformed = error else {
                    Issue.record("a resealed body gave \(error)")
                    continue
                }
                refused += 1
            }
        }
        #expect(refused > 100)
    }

    @Test func theChecksumIsXXH64() {
        #expect(StateChecksum.of([]) == 0xEF46_DB37_51D8_E999)
        #expect(StateChecksum.of(Array("abc".utf8)) == 0x44BC_2CF5_AD77_0999)
        #expect(StateChecksum.of(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x0B24_2D36_1FDA_71BC)
        let long = Array((0..<3).flatMap { _ in (0...255).map(UInt8.init) }) + Array("xyz12".utf8)
        #expect(StateChecksum.of(long) == 0x9B7D_50C0_4781_8B1B)
    }

    @Test func valuesRoundTrip() throws {
        let big = ExactDecimal(significand: Int128(Int64.max) * 1_000_000_007, scale: 20)
        let values: [Value] = [
            .null, .bool(true), .bool(false), .int(0), .int(-1), .int(.max), .int(.min), .double(-0.5), .double(.infinity),
            .decimal(ExactDecimal(significand: -12_850, scale: 2)), .decimal(big), .decimal(ExactDecimal(significand: -big.significand, scale: 38)),
            .string(""), .string("积分 \"quoted\"\n"), .timestamp(Instant(seconds: -62_135_596_800)!),
            .timestamp(Instant(seconds: 1_767_225_600, nanoseconds: 123_456_789)!), .duration(TimeSpan(nanoseconds: -86_400_000_000_000)),
            .list([]), .list([.int(1), .list([.string("a"), .map(ValueMap(fields: [("k", .decimal(ExactDecimal(1)))]))])]),
            .map(ValueMap(uniqueEntries: [.init(key: .int(7), value: .null), .init(key: .bool(true), value: .string("x"))])),
        ]
        let writer = StateWriter(capacity: 0)
        for value in values { writer.value(value) }
        let bytes = writer.makeBytes()
        var decoded: [Value] = []
        try bytes.withUnsafeBytes { raw in
            var reader = StateReader(raw)
            while !reader.isAtEnd { decoded.append(try reader.value()) }
        }
        #expect(decoded.map(\.tagged) == values.map(\.tagged))
    }

    @Test func deeplyNestedValuesAreRefused() throws {
        let writer = StateWriter(capacity: 0)
        for _ in 0..<300 {
            writer.byte(StateValueTag.list.rawValue)
            writer.count(1)
        }
        writer.byte(StateValueTag.null.rawValue)
        let bytes = writer.makeBytes()
        bytes.withUnsafeBytes { raw in
            var reader = StateReader(raw)
            #expect(throws: StateError.self) { try reader.value() }
        }
    }

    /// A body with a fresh header and checksum.
    static func resealed(_ body: [UInt8]) -> [UInt8] {
        var file = StateCodec.magic
        withUnsafeBytes(of: StateCodec.formatVersion.littleEndian) { file += $0 }
        withUnsafeBytes(of: UInt64(body.count).littleEndian) { file += $0 }
        file += body
        withUnsafeBytes(of: StateChecksum.of(body).littleEndian) { file += $0 }
        return file
    }
}

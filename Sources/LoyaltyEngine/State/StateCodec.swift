/// The state file format (see `docs/State.md`):
///
///     offset  size  field
///     0       8     magic: 89 'L' 'Y' 'S' 'T' 0D 0A 1A
///     8       4     format version, little-endian (2; version 1 files are read too)
///     12      8     body length N, little-endian
///     20      N     body (`StateCodec+Body.swift`)
///     20+N    8     XXH64 of the body, little-endian
///
/// A file is loaded only if every check passes: magic, version, exact length, checksum,
/// then a body that decodes completely. A torn, cut or corrupted file is refused, never
/// half-loaded.
public enum StateCodec {
    /// Like PNG's: a non-ASCII first byte, then CR LF and ^Z, which text-mode copies mangle.
    static let magic: [UInt8] = [0x89, 0x4C, 0x59, 0x53, 0x54, 0x0D, 0x0A, 0x1A]
    public static let formatVersion: UInt32 = 2
    /// The oldest version still read: 1 lacks only the refused-events section.
    public static let oldestReadableVersion: UInt32 = 1
    static let headerSize = 20
    static let checksumSize = 8

    /// The whole file for a snapshot.
    public static func encode(_ snapshot: StateSnapshot) -> [UInt8] {
        encode(snapshot, capacity: nil).makeBytes()
    }

    /// The whole file in a writer's buffer (saving writes it from there, without a copy).
    /// `capacity` is a guess of the size, e.g. the previous save's.
    static func encode(_ snapshot: StateSnapshot, capacity: Int?) -> StateWriter {
        let estimate = headerSize + checksumSize + snapshot.members.count * 200 + snapshot.seen.count * 14
            + snapshot.purchases.count * 64
        let writer = StateWriter(capacity: capacity ?? estimate)
        writer.raw(magic)
        withUnsafeBytes(of: formatVersion.littleEndian) { writer.raw($0) }
        writer.fixed64(0)
        encodeBody(snapshot, into: writer)
        writer.fixed64(UInt64(writer.count - headerSize), at: 12)
        writer.fixed64(writer.withBytes(from: headerSize) { StateChecksum.of($0) })
        return writer
    }

    /// Checks and decodes a whole file.
    public static func decode(_ bytes: [UInt8]) throws(StateError) -> StateSnapshot {
        let result: Result<StateSnapshot, StateError> = bytes.withUnsafeBytes { raw in
            do throws(StateError) { return .success(try decode(raw)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    public static func decode(_ bytes: UnsafeRawBufferPointer) throws(StateError) -> StateSnapshot {
        guard !bytes.isEmpty else { throw .empty }
        let prefix = min(bytes.count, magic.count)
        guard bytes.prefix(prefix).elementsEqual(magic.prefix(prefix)) else { throw .notAStateFile }
        guard bytes.count >= headerSize else { throw .truncated(size: bytes.count, expected: nil) }
        let version = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
        guard (oldestReadableVersion...formatVersion).contains(version) else { throw .unsupportedVersion(found: version, supported: formatVersion) }
        let bodyLength = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 12, as: UInt64.self))
        guard bodyLength <= UInt64(Int.max - headerSize - checksumSize) else {
            throw .truncated(size: bytes.count, expected: Int.max)
        }
        let expected = headerSize + Int(bodyLength) + checksumSize
        guard bytes.count >= expected else { throw .truncated(size: bytes.count, expected: expected) }
        guard bytes.count == expected else { throw .trailingBytes(size: bytes.count, expected: expected) }
        let body = UnsafeRawBufferPointer(rebasing: bytes[headerSize..<headerSize + Int(bodyLength)])
        let stored = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: expected - checksumSize, as: UInt64.self))
        let computed = StateChecksum.of(body)
        guard stored == computed else { throw .checksumMismatch(stored: stored, computed: computed) }
        var reader = StateReader(body)
        let snapshot = try decodeBody(&reader, version: version)
        guard reader.isAtEnd else { throw .malformed("\(reader.remaining) unused bytes after the last section") }
        return snapshot
    }
}

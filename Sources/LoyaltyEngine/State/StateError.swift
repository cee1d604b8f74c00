/// Why a state file could not be loaded or saved. A file that fails any check is refused
/// as a whole: a run never starts from a state it cannot fully trust.
public enum StateError: Error, Sendable, Equatable {
    /// The file is zero bytes long (e.g. created but never written).
    case empty
    /// The first bytes are not the state file's magic: some other file.
    case notAStateFile
    /// Written by a format this build does not read.
    case unsupportedVersion(found: UInt32, supported: UInt32)
    /// The file ends before its header says it should (a torn or cut copy); `expected` is
    /// nil when even the header is incomplete.
    case truncated(size: Int, expected: Int?)
    /// The file is longer than its header says.
    case trailingBytes(size: Int, expected: Int)
    /// The body does not match the checksum stored after it.
    case checksumMismatch(stored: UInt64, computed: UInt64)
    /// The checksum matched but the body does not decode (a bug, or a deliberately edited file).
    case malformed(String)
    /// The file could not be read, written, synced or renamed.
    case io(operation: String, path: String, reason: String)

    /// One plain sentence, lower-case, no final period.
    public var message: String {
        switch self {
        case .empty:
            return "the file is empty (0 bytes), so it holds no state"
        case .notAStateFile:
            return "the file is not a loyalty state file (its first bytes are not the state file's magic)"
        case .unsupportedVersion(let found, let supported):
            return "the file has state format version \(found), but this loyalty reads version \(supported)"
        case .truncated(let size, let expected?):
            return "the file is truncated: it is \(size) bytes long but its header says \(expected) (a torn or incomplete write)"
        case .truncated(let size, nil):
            return "the file is truncated: it ends after \(size) bytes, inside its header (a torn or incomplete write)"
        case .trailingBytes(let size, let expected):
            return "the file is \(size) bytes long but its header says \(expected): it has extra bytes at the end"
        case .checksumMismatch(let stored, let computed):
            return "the file is corrupted: its checksum is \(hex(stored)) but its contents give \(hex(computed))"
        case .malformed(let detail):
            return "the file's contents are malformed: \(detail)"
        case .io(let operation, let path, let reason):
            return "cannot \(operation) '\(path)': \(reason)"
        }
    }

    private func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: 16 - digits.count) + digits
    }
}

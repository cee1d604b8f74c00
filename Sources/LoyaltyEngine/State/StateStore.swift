#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads and writes state files. Saving is atomic: the new state goes to a temporary file
/// in the same directory, which is synced to disk and then renamed over the old one, and the
/// directory is synced so the rename itself survives a power cut. At every moment the path
/// holds either the complete old state or the complete new one.
public enum StateStore {
    /// The snapshot in `path`, or nil when there is no file there (a first run).
    public static func load(from path: String) throws(StateError) -> StateSnapshot? {
        guard let bytes = try readFile(path) else { return nil }
        return try StateCodec.decode(bytes)
    }

    /// What a save wrote and how long it took.
    public struct SaveReport: Sendable {
        public var bytes: Int
        /// Encoding the snapshot (CPU).
        public var encodeSeconds: Double
        /// Writing, syncing and renaming (disk).
        public var writeSeconds: Double
    }

    /// Encodes and saves a snapshot atomically. `capacity` is a guess of the file's size
    /// (the previous save's), which spares growing the buffer.
    @discardableResult
    public static func save(_ snapshot: StateSnapshot, to path: String, capacity: Int? = nil) throws(StateError) -> SaveReport {
        let started = ContinuousClock.now
        let writer = StateCodec.encode(snapshot, capacity: capacity)
        let encoded = ContinuousClock.now
        try writer.withBytes(from: 0) { bytes throws(StateError) in try save(bytes, to: path) }
        return SaveReport(bytes: writer.count, encodeSeconds: seconds(encoded - started), writeSeconds: seconds(ContinuousClock.now - encoded))
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    public static func save(_ bytes: [UInt8], to path: String) throws(StateError) {
        let result: Result<Void, StateError> = bytes.withUnsafeBytes { raw in
            do throws(StateError) { return .success(try save(raw, to: path)) } catch { return .failure(error) }
        }
        try result.get()
    }

    /// Throws if a state could not be saved at `path` because its directory is missing or
    /// not writable (a save creates `path.tmp` there).
    public static func checkSaving(to path: String) throws(StateError) {
        let folder = directory(of: path)
        guard access(folder, W_OK | X_OK) == 0 else {
            throw .io(operation: "save a state in the directory", path: folder, reason: String(cString: strerror(errno)))
        }
    }

    /// The file's bytes, or nil if it does not exist.
    static func readFile(_ path: String) throws(StateError) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw failure("open", path)
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure("read", path) }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw .io(operation: "read", path: path, reason: "not a regular file") }
        // Uninitialised: zero-filling a large state only to overwrite it costs as much as reading it.
        var bytes = [UInt8](unsafeUninitializedCapacity: Int(status.st_size)) { buffer, initialized in
            initialized = buffer.count
        }
        var filled = 0
        var extra = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            // Read into the presized buffer; past its end (the file grew), into `extra`.
            let count = filled < bytes.count
                ? bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
                : extra.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw failure("read", path) }
            if count == 0 { break }
            if filled >= bytes.count { bytes.append(contentsOf: extra[..<count]) }
            filled += count
        }
        bytes.removeSubrange(filled...)
        return bytes
    }

    /// Replaces the file with `bytes` atomically: temporary file, write, fsync, rename, fsync the directory.
    static func save(_ bytes: UnsafeRawBufferPointer, to path: String) throws(StateError) {
        let temporary = path + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure("create", temporary) }
        var written = 0
        while written < bytes.count {
            let count = write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                let error = failure("write", temporary)
                close(descriptor)
                unlink(temporary)
                throw error
            }
            written += count
        }
        guard fsync(descriptor) == 0 else {
            let error = failure("sync", temporary)
            close(descriptor)
            unlink(temporary)
            throw error
        }
        guard close(descriptor) == 0 else {
            let error = failure("close", temporary)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let error = failure("rename '\(temporary)' to", path)
            unlink(temporary)
            throw error
        }
        try syncDirectory(of: path)
    }

    /// Makes a rename in the file's directory durable.
    private static func syncDirectory(of path: String) throws(StateError) {
        let folder = directory(of: path)
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure("open the directory", folder) }
        defer { close(descriptor) }
        // Some file systems cannot sync a directory (EINVAL); the rename is then as durable as they allow.
        guard fsync(descriptor) == 0 || errno == EINVAL else { throw failure("sync the directory", folder) }
    }

    private static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func failure(_ operation: String, _ path: String) -> StateError {
        .io(operation: operation, path: path, reason: String(cString: strerror(errno)))
    }
}

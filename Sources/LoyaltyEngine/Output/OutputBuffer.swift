#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A byte buffer written to a file descriptor in large blocks, with primitives for writing
/// JSON (`OutputBuffer+JSON.swift`).
///
/// Decisions go out at millions of lines a second, so output is built as bytes in one
/// buffer and handed to `write(2)` when the next append would pass `capacity` (64 KiB by
/// default) and on `flush()`: one system call per few hundred lines, no `String` per line.
///
/// With file descriptor -1 (or `OutputBuffer()`) nothing is written anywhere: the buffer
/// grows and `bytes` holds everything appended, so commands can be tested in-process.
///
/// When the reader of a pipe goes away (`EPIPE`, as with `loyalty run | head`), the buffer
/// stops writing quietly and sets `isBroken`; the caller decides whether to stop early.
/// That requires `SIGPIPE` to be ignored by the process, which is the executable's job.
public final class OutputBuffer {
    /// Where `flush()` writes; -1 collects in memory instead.
    public let fileDescriptor: Int32
    /// Bytes kept before writing them out.
    private let capacity: Int
    private var base: UnsafeMutablePointer<UInt8>
    private var allocated: Int
    private var count = 0
    /// Reused by writers that append to an `[UInt8]` (wide decimals, timestamps).
    var scratch: [UInt8] = []
    /// The date part of the last timestamp written (see `appendTimestamp`).
    var timestampDate = TimestampDate()

    /// Set when a write failed (`EPIPE`: the reader closed the pipe; or another error in
    /// `writeError`). Later output is discarded.
    public private(set) var isBroken = false
    /// The `errno` of the failed write, if any.
    public private(set) var writeError: Int32?

    public init(fileDescriptor: Int32, capacity: Int = 1 << 16) {
        precondition(capacity > 0, "OutputBuffer needs a positive capacity")
        self.fileDescriptor = fileDescriptor
        self.capacity = capacity
        allocated = capacity
        base = .allocate(capacity: capacity)
        scratch.reserveCapacity(48)
    }

    /// A buffer that only collects, for tests and in-memory sinks.
    public convenience init() {
        self.init(fileDescriptor: -1)
    }

    deinit {
        flush()
        base.deallocate()
    }

    /// Whether output stays in memory (`bytes`) instead of going to a file descriptor.
    public var isCollecting: Bool { fileDescriptor < 0 }

    /// The bytes not yet written: for a collecting buffer, everything appended.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Forgets the pending bytes without writing them (a collecting buffer starts over).
    public func removeAll() {
        count = 0
    }

    // MARK: Appending

    @inline(__always)
    public func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    public func append(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        UnsafeMutableRawPointer(base + count).copyMemory(from: source, byteCount: bytes.count)
        count += bytes.count
    }

    public func append(_ ascii: StaticString) {
        if ascii.hasPointerRepresentation {
            append(UnsafeRawBufferPointer(start: ascii.utf8Start, count: ascii.utf8CodeUnitCount))
        } else {
            ascii.withUTF8Buffer { append(UnsafeRawBufferPointer($0)) }
        }
    }

    /// Appends `text`'s UTF-8 as is (no quoting or escaping).
    public func appendRaw(_ text: String) {
        var text = text
        text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// Ensures room for `needed` more bytes, writing out what is pending if that is needed.
    @inline(__always)
    func reserve(_ needed: Int) {
        if allocated - count < needed { makeRoom(needed) }
    }

    /// Direct access for writers that know how many bytes they produce: `body` gets room for
    /// `maximum` bytes and returns how many it wrote.
    @inline(__always)
    func withUnsafeSpace(_ maximum: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        reserve(maximum)
        count += body(base + count)
    }

    @inline(never)
    private func makeRoom(_ needed: Int) {
        if !isCollecting { flush() }
        guard allocated - count < needed else { return }
        // Collecting, or a single append larger than the whole buffer.
        let newAllocated = max(allocated * 2, count + needed)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newAllocated)
        newBase.initialize(from: base, count: count)
        base.deallocate()
        base = newBase
        allocated = newAllocated
    }

    // MARK: Writing out

    /// Writes everything pending. Partial writes continue where they stopped, `EINTR` is
    /// retried and a non-blocking descriptor is waited for; any other failure marks the
    /// buffer broken. A collecting buffer keeps its bytes.
    public func flush() {
        guard !isCollecting, count > 0 else { return }
        defer { count = 0 }
        guard !isBroken else { return }
        var offset = 0
        while offset < count {
            let written = write(fileDescriptor, base + offset, count - offset)
            if written >= 0 {
                offset += written
                continue
            }
            switch errno {
            case EINTR:
                continue
            case EAGAIN, EWOULDBLOCK:
                var request = pollfd(fd: fileDescriptor, events: Int16(POLLOUT), revents: 0)
                _ = poll(&request, 1, -1)
            default:
                // EPIPE is the normal end of `| head`; other errors (disk full) are kept for
                // the caller to report. Either way, nothing more can be written.
                writeError = errno
                isBroken = true
                return
            }
        }
    }
}

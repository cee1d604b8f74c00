#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads newline-separated lines from a file descriptor in large chunks, without copying
/// each line.
///
/// `forEachLine` calls its body with each line's bytes (without the `"\n"` and without one
/// trailing `"\r"`, so CRLF files read the same) and its 1-based line number. The bytes point
/// into the reader's buffer and are valid only during that call. A line longer than
/// `maximumLineBytes` is never buffered whole: it is skipped up to its newline and reported
/// as `.tooLong(length)`, so one runaway line costs neither unbounded memory nor the lines
/// after it. The last line may lack a final newline; empty lines are delivered too (the
/// caller decides what they mean).
public final class LineReader {
    /// One line of input.
    public enum Line {
        /// The line's bytes; valid only until the body returns.
        case bytes(UnsafeBufferPointer<UInt8>)
        /// A line of this many bytes (excluding its line break) over the limit, skipped.
        case tooLong(Int)
    }

    private let fileDescriptor: Int32
    private let maximumLineBytes: Int
    private let chunkSize: Int

    /// The `errno` of a read that failed (other than `EINTR`/`EAGAIN`, which are retried);
    /// reading stops there as if at the end of input, so the caller can report it.
    public private(set) var readError: Int32?

    /// - Parameters:
    ///   - chunkSize: bytes asked of each `read(2)`; tests use tiny values to split lines
    ///     across reads.
    public init(fileDescriptor: Int32, maximumLineBytes: Int = 1 << 20, chunkSize: Int = 1 << 20) {
        precondition(maximumLineBytes >= 0 && chunkSize > 0, "LineReader needs a positive chunk size")
        self.fileDescriptor = fileDescriptor
        self.maximumLineBytes = maximumLineBytes
        self.chunkSize = chunkSize
    }

    /// Reads to the end of input, calling `body` for every line in order. Retries reads
    /// interrupted by signals. An error thrown by `body` stops reading and is rethrown.
    /// Called after the complete lines of each read have been delivered, before the next read
    /// (which may wait for a live stream): a consumer that batches lines hands them on here.
    public var beforeReading: (() -> Void)?

    public func forEachLine(_ body: (_ number: Int, _ line: Line) throws -> Void) rethrows {
        var buffer = ChunkBuffer(capacity: chunkSize)
        defer { buffer.deallocate() }
        var number = 0
        // While a too-long line is being skipped: its length so far and its last byte
        // (to leave a final "\r" out of the length, as for any other line).
        var skipped: Int?
        var skippedLastByte: UInt8 = 0

        while true {
            if let length = skipped {
                if let newline = buffer.firstNewline() {
                    if newline > buffer.start { skippedLastByte = buffer.base[newline - 1] }
                    number += 1
                    try body(number, .tooLong(length + newline - buffer.start - (skippedLastByte == 0x0D ? 1 : 0)))
                    buffer.start = newline + 1
                    skipped = nil
                    continue
                }
                if buffer.pending > 0 { skippedLastByte = buffer.base[buffer.end - 1] }
                skipped = length + buffer.pending
                buffer.start = buffer.end
            } else {
                while let newline = buffer.firstNewline() {
                    number += 1
                    try body(number, line(buffer.base, from: buffer.start, to: newline))
                    buffer.start = newline + 1
                }
                // No newline in sight and already too long even if the last byte is a "\r":
                // stop buffering this line.
                if buffer.pending > maximumLineBytes + 1 {
                    skipped = buffer.pending
                    skippedLastByte = buffer.base[buffer.end - 1]
                    buffer.start = buffer.end
                }
            }
            beforeReading?()
            guard fill(&buffer) else { break }
        }

        if let length = skipped {
            number += 1
            try body(number, .tooLong(length - (skippedLastByte == 0x0D ? 1 : 0)))
        } else if buffer.pending > 0 {
            number += 1
            try body(number, line(buffer.base, from: buffer.start, to: buffer.end))
        }
    }

    /// The line in `start..<end` of `base`, without a trailing "\r".
    @inline(__always)
    private func line(_ base: UnsafeMutablePointer<UInt8>, from start: Int, to end: Int) -> Line {
        var length = end - start
        if length > 0 && base[end - 1] == 0x0D { length -= 1 }
        guard length <= maximumLineBytes else { return .tooLong(length) }
        return .bytes(UnsafeBufferPointer(start: base + start, count: length))
    }

    /// Reads the next chunk after the pending bytes; false at the end of input or on error.
    private func fill(_ buffer: inout ChunkBuffer) -> Bool {
        buffer.makeRoom(for: chunkSize)
        while true {
            let result = read(fileDescriptor, buffer.base + buffer.end, chunkSize)
            if result > 0 {
                buffer.end += result
                return true
            }
            if result == 0 { return false }
            switch errno {
            case EINTR:
                continue
            case EAGAIN, EWOULDBLOCK:
                // A non-blocking descriptor (some shells leave stdin so): wait until readable.
                var request = pollfd(fd: fileDescriptor, events: Int16(POLLIN), revents: 0)
                _ = poll(&request, 1, -1)
            default:
                readError = errno
                return false
            }
        }
    }
}

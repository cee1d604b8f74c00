#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension LineReader {
    /// The bytes read but not yet delivered, `start..<end` of a buffer that grows only as far
    /// as the longest line allowed plus one chunk.
    struct ChunkBuffer {
        private(set) var base: UnsafeMutablePointer<UInt8>
        private var capacity: Int
        /// First byte not yet delivered.
        var start = 0
        /// End of the bytes read so far.
        var end = 0

        init(capacity: Int) {
            self.capacity = capacity
            base = .allocate(capacity: capacity)
        }

        var pending: Int { end - start }

        /// The index of the next "\n" in the pending bytes. `memchr` scans with vector
        /// instructions, much faster than a byte loop over a megabyte.
        @inline(__always)
        func firstNewline() -> Int? {
            guard start < end, let found = memchr(base + start, 0x0A, end - start) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }

        /// Ensures `bytes` of free space after `end`: first by sliding the pending partial line
        /// to the front (it is short, so this is cheap), then by growing.
        mutating func makeRoom(for bytes: Int) {
            if start == end {
                start = 0
                end = 0
            }
            guard capacity - end < bytes else { return }
            if start > 0 {
                memmove(base, base + start, pending)
                end -= start
                start = 0
            }
            guard capacity - end < bytes else { return }
            let newCapacity = max(capacity * 2, end + bytes)
            let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            newBase.update(from: base, count: end)
            base.deallocate()
            base = newBase
            capacity = newCapacity
        }

        func deallocate() {
            base.deallocate()
        }
    }
}

extension JSONReader {
    /// A key's or short string's bytes folded into three words, for finding cached strings and
    /// repeated keys without creating or hashing a `String`.
    ///
    /// `head` is the first 8 bytes and `tail` the last 8 (overlapping when shorter than 16),
    /// little-endian, zero-padded below 8 bytes. So for strings of up to 16 bytes the
    /// fingerprint *is* the content: equal fingerprints mean equal strings. `hash` mixes the
    /// three into one word; equal strings have equal hashes, and the reader treats equal
    /// hashes as "maybe equal".
    struct Fingerprint: Equatable {
        var head: UInt64
        var tail: UInt64
        var length: Int

        /// Longest string whose fingerprint is exact.
        static let exactLength = 16

        init(head: UInt64, tail: UInt64, length: Int) {
            self.head = head
            self.tail = tail
            self.length = length
        }

        /// Folds `length` bytes at `start`; bytes up to `readableEnd` may be read (but do not
        /// count) so that a short string is one load rather than a loop.
        @inline(__always)
        init(_ start: UnsafePointer<UInt8>, length: Int, readableEnd: UnsafePointer<UInt8>) {
            self.length = length
            if length >= 8 {
                head = Fingerprint.load(start)
                tail = Fingerprint.load(start + (length - 8))
            } else if readableEnd - start >= 8 {
                // 1 << (8 * length) - 1 keeps the string's own bytes; length 0 gives mask 0.
                head = Fingerprint.load(start) & ((1 &<< UInt64(8 &* length)) &- 1)
                tail = 0
            } else {
                var word: UInt64 = 0
                for offset in 0..<length { word |= UInt64(start[offset]) &<< UInt64(8 &* offset) }
                head = word
                tail = 0
            }
        }

        @inline(__always)
        var isExact: Bool { length <= Fingerprint.exactLength }

        /// One multiply (Fibonacci hashing): the high bits depend on every input bit.
        @inline(__always)
        var hash: UInt64 {
            (head &+ (tail &<< 29 | tail &>> 35) &+ UInt64(truncatingIfNeeded: length)) &* 0x9E37_79B9_7F4A_7C15
        }

        /// Eight bytes as a little-endian word, from any alignment.
        @inline(__always)
        static func load(_ pointer: UnsafePointer<UInt8>) -> UInt64 {
            UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
        }
    }

    /// Strings of up to 16 bytes seen recently, found by fingerprint.
    ///
    /// Making a `String` costs 20–30 ns even when it fits inline, and an event line is mostly
    /// short strings that repeat line after line: keys (`"sku"`, `"price"`), types, categories,
    /// stores. A direct-mapped table turns them into two compares and a copy. It lives in the
    /// per-thread workspace, so it warms up once per run, not once per line.
    struct StringCache {
        private struct Slot {
            var fingerprint: Fingerprint
            var string: String
        }

        private static let slotBits = 10
        private let slots: UnsafeMutablePointer<Slot>

        init() {
            slots = .allocate(capacity: 1 << StringCache.slotBits)
            // Length -1 matches no fingerprint, so every slot starts empty.
            let empty = Slot(fingerprint: Fingerprint(head: 0, tail: 0, length: -1), string: "")
            slots.initialize(repeating: empty, count: 1 << StringCache.slotBits)
        }

        /// The string of `fingerprint.length` bytes at `start` (already validated UTF-8).
        @inline(__always)
        func string(_ start: UnsafePointer<UInt8>, _ fingerprint: Fingerprint) -> String {
            guard fingerprint.isExact else { return JSONReader.makeString(start, count: fingerprint.length) }
            let slot = slots + Int(truncatingIfNeeded: fingerprint.hash &>> UInt64(64 - StringCache.slotBits))
            if slot.pointee.fingerprint == fingerprint { return slot.pointee.string }
            let string = JSONReader.makeString(start, count: fingerprint.length)
            slot.pointee = Slot(fingerprint: fingerprint, string: string)
            return string
        }

        func deallocate() {
            slots.deinitialize(count: 1 << StringCache.slotBits)
            slots.deallocate()
        }
    }

    /// A `String` from bytes already checked to be UTF-8. Copying into uninitialized storage
    /// measured a third faster than `String(decoding:as:)` for short strings.
    @inline(__always)
    static func makeString(_ start: UnsafePointer<UInt8>, count: Int) -> String {
        guard count > 0 else { return "" }
        return String(unsafeUninitializedCapacity: count) { buffer in
            buffer.baseAddress!.initialize(from: start, count: count)
            return count
        }
    }
}

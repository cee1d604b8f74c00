extension JSONReader {
    /// UTF-8 validation as RFC 3629 defines it: no overlong forms, no encoded surrogates
    /// (U+D800–U+DFFF), nothing above U+10FFFF, no truncated sequences.
    enum UTF8Check {
        /// The index just past the multi-byte sequence whose lead byte (≥ 0x80) is at
        /// `position`, or nil if the bytes there are not one valid sequence.
        @inline(__always)
        static func sequenceEnd(_ base: UnsafePointer<UInt8>, count: Int, at position: Int) -> Int? {
            let lead = base[position]
            // The allowed range of the second byte depends on the lead: that is where
            // overlongs, surrogates and values past U+10FFFF are ruled out.
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return nil  // a stray continuation byte, C0/C1 (always overlong), or F5–FF
            }
            guard count - position >= length else { return nil }
            let second = base[position + 1]
            guard second >= low && second <= high else { return nil }
            for offset in 2..<length where base[position + offset] & 0xC0 != 0x80 { return nil }
            return position + length
        }

        /// The index of the first byte from `start` on that is not part of valid UTF-8.
        /// - Precondition: `start` is at the beginning of a character.
        static func firstInvalidByte(_ base: UnsafePointer<UInt8>, count: Int, from start: Int) -> Int? {
            var position = start
            while position < count {
                if base[position] < 0x80 {
                    position += 1
                } else if let end = sequenceEnd(base, count: count, at: position) {
                    position = end
                } else {
                    return position
                }
            }
            return nil
        }
    }
}

import RuleLanguage

/// Builds a state file: LEB128 varints (zigzag for signed numbers), strings as a length and
/// UTF-8 bytes, and "symbols" (rule names, interaction actions) written once and then
/// referred to by number. See `docs/State.md` for the layout.
///
/// A class over one raw buffer rather than an `[UInt8]`: a save writes tens of millions of
/// bytes, and an array would check uniqueness and capacity on every one of them.
final class StateWriter {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0
    private var symbols: [String: UInt64] = [:]
    /// The last symbol written: lots of one rule tend to come in runs.
    private var lastSymbol: (text: String, number: UInt64)?

    init(capacity: Int) {
        self.capacity = max(capacity, 256)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    /// Everything written, as an array.
    func makeBytes() -> [UInt8] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }

    /// The bytes written from `offset` on (for the checksum, and for writing the file out).
    func withBytes<Result, Failure: Error>(from offset: Int, _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result) throws(Failure) -> Result {
        try body(UnsafeRawBufferPointer(start: base + offset, count: count - offset))
    }

    @inline(__always)
    private func reserve(_ needed: Int) {
        if capacity - count < needed { grow(needed) }
    }

    @inline(never)
    private func grow(_ needed: Int) {
        let newCapacity = max(capacity * 2, count + needed)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    @inline(__always)
    func byte(_ value: UInt8) {
        reserve(1)
        base[count] = value
        count += 1
    }

    func raw(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        UnsafeMutableRawPointer(base + count).copyMemory(from: source, byteCount: bytes.count)
        count += bytes.count
    }

    func raw(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw($0) }
    }

    /// Eight bytes, little-endian, appended or written over `offset`.
    func fixed64(_ value: UInt64, at offset: Int? = nil) {
        withUnsafeBytes(of: value.littleEndian) { bytes in
            if let offset {
                UnsafeMutableRawPointer(base + offset).copyMemory(from: bytes.baseAddress!, byteCount: 8)
            } else {
                raw(bytes)
            }
        }
    }

    func bool(_ value: Bool) {
        byte(value ? 1 : 0)
    }

    @inline(__always)
    func unsigned(_ value: UInt64) {
        reserve(10)
        var rest = value
        while rest >= 0x80 {
            base[count] = UInt8(truncatingIfNeeded: rest) | 0x80
            count += 1
            rest >>= 7
        }
        base[count] = UInt8(truncatingIfNeeded: rest)
        count += 1
    }

    func count(_ value: Int) {
        unsigned(UInt64(value))
    }

    @inline(__always)
    func signed(_ value: Int64) {
        unsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            unsigned(UInt64(utf8.count))
            raw(UnsafeRawBufferPointer(utf8))
        }
    }

    /// A string that repeats across the file: its text the first time, then its number
    /// (0 introduces a new symbol, n > 0 is symbol n − 1).
    func symbol(_ text: String) {
        if let last = lastSymbol, last.text == text {
            unsigned(last.number + 1)
            return
        }
        if let number = symbols[text] {
            lastSymbol = (text, number)
            unsigned(number + 1)
            return
        }
        let number = UInt64(symbols.count)
        symbols[text] = number
        lastSymbol = (text, number)
        unsigned(0)
        string(text)
    }

    func optionalString(_ text: String?) {
        bool(text != nil)
        if let text { string(text) }
    }

    func optionalSymbol(_ text: String?) {
        bool(text != nil)
        if let text { symbol(text) }
    }

    func instant(_ instant: Instant) {
        signed(instant.seconds)
        unsigned(UInt64(instant.nanoseconds))
    }

    func optionalInstant(_ instant: Instant?) {
        bool(instant != nil)
        if let instant { self.instant(instant) }
    }

    /// Scale, then the zigzag significand (up to 128 bits).
    func decimal(_ value: ExactDecimal) {
        byte(UInt8(value.scale))
        let significand = value.significand
        if let small = Int64(exactly: significand) {
            signed(small)
            return
        }
        var rest = UInt128(bitPattern: (significand << 1) ^ (significand >> 127))
        while rest >= 0x80 {
            byte(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        byte(UInt8(truncatingIfNeeded: rest))
    }

    func optionalDate(_ date: CivilDate?) {
        bool(date != nil)
        guard let date else { return }
        signed(Int64(date.year))
        byte(UInt8(truncatingIfNeeded: date.month))
        byte(UInt8(truncatingIfNeeded: date.day))
    }

    /// A rule-language value: a tag byte and its payload, lists and maps recursively.
    func value(_ value: Value) {
        switch value {
        case .null: byte(StateValueTag.null.rawValue)
        case .bool(let flag): byte(flag ? StateValueTag.true.rawValue : StateValueTag.false.rawValue)
        case .int(let number):
            byte(StateValueTag.int.rawValue)
            signed(number)
        case .double(let number):
            byte(StateValueTag.double.rawValue)
            withUnsafeBytes(of: number.bitPattern.littleEndian) { raw($0) }
        case .decimal(let number):
            byte(StateValueTag.decimal.rawValue)
            decimal(number)
        case .string(let text):
            byte(StateValueTag.string.rawValue)
            string(text)
        case .timestamp(let time):
            byte(StateValueTag.timestamp.rawValue)
            instant(time)
        case .duration(let span):
            byte(StateValueTag.duration.rawValue)
            signed(span.nanoseconds)
        case .list(let elements):
            byte(StateValueTag.list.rawValue)
            count(elements.count)
            for element in elements { self.value(element) }
        case .map(let map):
            byte(StateValueTag.map.rawValue)
            count(map.count)
            for entry in map.entries {
                self.value(entry.key)
                self.value(entry.value)
            }
        case .error(let error):
            // Variables never hold errors (a failing assignment rejects the event); kept for completeness.
            byte(StateValueTag.error.rawValue)
            string(error.message)
        }
    }
}

/// The tag byte before each encoded `Value`.
enum StateValueTag: UInt8 {
    case null = 0, `false` = 1, `true` = 2, int = 3, double = 4, decimal = 5, string = 6
    case timestamp = 7, duration = 8, list = 9, map = 10, error = 11
}

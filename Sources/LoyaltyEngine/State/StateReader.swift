import RuleLanguage

/// Reads what `StateWriter` wrote, checking every length, range and tag: a body that passed
/// its checksum is still never trusted to be well formed (no crash, no huge allocation).
struct StateReader {
    private let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0
    private var symbols: [String] = []

    /// Deepest list/map nesting accepted in a stored value.
    static let maximumValueDepth = 256

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset == bytes.count }
    var remaining: Int { bytes.count - offset }

    mutating func byte() throws(StateError) -> UInt8 {
        guard offset < bytes.count else { throw .malformed("the body ends early, at byte \(offset)") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func bool() throws(StateError) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        case let other: throw .malformed("byte \(offset - 1) should be a flag (0 or 1) but is \(other)")
        }
    }

    mutating func unsigned() throws(StateError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            if shift == 63, next > 1 { throw .malformed("a number at byte \(offset - 1) does not fit 64 bits") }
            result |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return result }
            shift += 7
        }
    }

    mutating func signed() throws(StateError) -> Int64 {
        let raw = try unsigned()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    /// A count of items that each take at least `minimumBytes` bytes, so a corrupt count
    /// cannot ask for more than the body could hold.
    mutating func count(_ what: @autoclosure () -> String, minimumBytes: Int = 1) throws(StateError) -> Int {
        let value = try unsigned()
        guard value <= UInt64(remaining / max(1, minimumBytes)) else {
            throw .malformed("\(what()) count \(value) is more than the rest of the body can hold")
        }
        return Int(value)
    }

    /// A count that must equal a table's size (e.g. one ledger per account of the pack).
    mutating func count(_ what: @autoclosure () -> String, equalTo expected: Int) throws(StateError) -> Int {
        let value = try unsigned()
        guard value == UInt64(expected) else { throw .malformed("\(what()) count is \(value), expected \(expected)") }
        return expected
    }

    /// An index into a table of `limit` entries.
    mutating func index(_ what: @autoclosure () -> String, below limit: Int) throws(StateError) -> Int {
        let value = try unsigned()
        guard value < UInt64(limit) else { throw .malformed("\(what()) \(value) is out of range (0..<\(limit))") }
        return Int(value)
    }

    mutating func string() throws(StateError) -> String {
        let length = try count("string length")
        defer { offset += length }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length]), as: UTF8.self)
    }

    mutating func symbol() throws(StateError) -> String {
        let number = try unsigned()
        if number == 0 {
            let text = try string()
            symbols.append(text)
            return text
        }
        guard number - 1 < UInt64(symbols.count) else { throw .malformed("symbol \(number - 1) is used before it is defined") }
        return symbols[Int(number - 1)]
    }

    mutating func optionalString() throws(StateError) -> String? {
        try bool() ? try string() : nil
    }

    mutating func optionalSymbol() throws(StateError) -> String? {
        try bool() ? try symbol() : nil
    }

    mutating func instant() throws(StateError) -> Instant {
        let seconds = try signed()
        let nanoseconds = try unsigned()
        guard nanoseconds < 1_000_000_000, let instant = Instant(seconds: seconds, nanoseconds: Int32(nanoseconds)) else {
            throw .malformed("a timestamp (\(seconds) s, \(nanoseconds) ns) is out of range")
        }
        return instant
    }

    mutating func optionalInstant() throws(StateError) -> Instant? {
        try bool() ? try instant() : nil
    }

    mutating func decimal() throws(StateError) -> ExactDecimal {
        let scale = Int(try byte())
        var raw: UInt128 = 0
        var shift: UInt128 = 0
        while true {
            let next = try byte()
            if shift == 126, next > 3 { throw .malformed("a decimal at byte \(offset - 1) does not fit 128 bits") }
            raw |= UInt128(next & 0x7F) << shift
            if next < 0x80 { break }
            shift += 7
        }
        let significand = Int128(bitPattern: raw >> 1) ^ -Int128(bitPattern: raw & 1)
        guard scale <= ExactDecimal.maxScale, significand != .min else {
            throw .malformed("a decimal (scale \(scale)) is out of range")
        }
        return ExactDecimal(significand: significand, scale: scale)
    }

    mutating func optionalDate() throws(StateError) -> CivilDate? {
        guard try bool() else { return nil }
        let year = try signed()
        let month = Int(try byte())
        let day = Int(try byte())
        guard (0...10_000).contains(year), (1...12).contains(month), (1...31).contains(day) else {
            throw .malformed("a date (\(year)-\(month)-\(day)) is out of range")
        }
        return CivilDate(year: Int(year), month: month, day: day)
    }

    mutating func value(depth: Int = 0) throws(StateError) -> Value {
        guard depth < Self.maximumValueDepth else { throw .malformed("a value is nested deeper than \(Self.maximumValueDepth) levels") }
        let tag = try byte()
        switch StateValueTag(rawValue: tag) {
        case .null: return .null
        case .false: return .bool(false)
        case .true: return .bool(true)
        case .int: return .int(try signed())
        case .double:
            guard remaining >= 8 else { throw .malformed("the body ends inside a double") }
            let bits = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
            return .double(Double(bitPattern: bits))
        case .decimal: return .decimal(try decimal())
        case .string: return .string(try string())
        case .timestamp: return .timestamp(try instant())
        case .duration: return .duration(TimeSpan(nanoseconds: try signed()))
        case .list:
            let count = try count("list")
            var elements: [Value] = []
            elements.reserveCapacity(count)
            for _ in 0..<count { elements.append(try value(depth: depth + 1)) }
            return .list(elements)
        case .map:
            let count = try count("map", minimumBytes: 2)
            var map = ValueMap()
            for _ in 0..<count {
                let key = try value(depth: depth + 1)
                switch key {
                case .int, .bool, .string: break
                default: throw .malformed("a map key is a \(key.typeName), not an int, bool or string")
                }
                map.set(try value(depth: depth + 1), forKey: key)
            }
            return .map(map)
        case .error: return .failure(.invalidArgument(try string()))
        case nil: throw .malformed("unknown value tag \(tag) at byte \(offset - 1)")
        }
    }
}

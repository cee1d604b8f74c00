/// A map value: entries in insertion order, keys of type int, bool or string.
///
/// Small maps (event records, item records, a tier-factor table) are searched linearly,
/// which beats hashing at these sizes; a hash index is built once for larger maps.
/// Field access compiled from `event.amount` passes a position hint: events are built with
/// their known fields in a fixed order, so the hint almost always hits on the first compare.
public struct ValueMap: Sendable {
    public struct Entry: Sendable {
        public var key: Value
        public var value: Value

        public init(key: Value, value: Value) {
            self.key = key
            self.value = value
        }
    }

    public private(set) var entries: [Entry]
    private var index: MapIndex?

    /// Maps larger than this get a hash index.
    static let indexThreshold = 12

    public init() {
        entries = []
    }

    /// Builds from entries known to have distinct, valid keys (e.g. from the JSON reader
    /// after it resolved duplicates).
    public init(uniqueEntries: [Entry]) {
        entries = uniqueEntries
        if entries.count > Self.indexThreshold { index = MapIndex(entries) }
    }

    /// Builds from string keys in order (for events and records made by the engine).
    public init(fields: [(String, Value)]) {
        self.init(uniqueEntries: fields.map { Entry(key: .string($0.0), value: $0.1) })
    }

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }

    /// Adds or replaces an entry (JSON objects keep the last of repeated keys).
    public mutating func set(_ value: Value, forKey key: Value) {
        if let position = position(of: key) {
            entries[position].value = value
        } else {
            entries.append(Entry(key: key, value: value))
            if entries.count > Self.indexThreshold {
                if index == nil || !isKnownUniquelyReferenced(&index!) {
                    index = MapIndex(entries)
                } else if let mapKey = MapKey(key) {
                    index!.positions[mapKey] = entries.count - 1
                }
            }
        }
    }

    /// Replaces the value of an existing string key, trying `hint` first; false if absent.
    @discardableResult
    public mutating func replaceField(_ name: String, hint: Int, with value: Value) -> Bool {
        if hint < entries.count, case .string(let key) = entries[hint].key, key == name {
            entries[hint].value = value
            return true
        }
        guard let position = position(of: .string(name)) else { return false }
        entries[position].value = value
        return true
    }

    /// Removes a key if present (an index, if any, is rebuilt).
    public mutating func remove(_ key: Value) {
        guard let position = position(of: key) else { return }
        entries.remove(at: position)
        index = entries.count > Self.indexThreshold ? MapIndex(entries) : nil
    }

    public func value(forKey key: Value) -> Value? {
        position(of: key).map { entries[$0].value }
    }

    /// A string-keyed lookup trying `hint` first; the hot path of `event.field`.
    @inline(__always)
    public func value(forField name: String, hint: Int) -> Value? {
        // Field names are identifiers: plain `==` is exact for them and much faster.
        if hint < entries.count, case .string(let key) = entries[hint].key, key == name {
            return entries[hint].value
        }
        return value(forKey: .string(name))
    }

    public func position(of key: Value) -> Int? {
        if let index {
            guard let mapKey = MapKey(key) else { return nil }
            return index.positions[mapKey]
        }
        for position in entries.indices where entries[position].key.isSameKey(as: key) {
            return position
        }
        return nil
    }

    public var keys: [Value] { entries.map(\.key) }
}

/// The hashable form of a map key. Numbers compare by value, so an integral decimal or
/// double finds an int key.
enum MapKey: Hashable {
    case int(Int64)
    case bool(Bool)
    case string(String)

    init?(_ value: Value) {
        switch value {
        case .int(let v): self = .int(v)
        case .bool(let v): self = .bool(v)
        case .string(let v): self = .string(v)
        case .decimal(let d):
            guard let whole = d.truncated(), d.compare(to: whole) == 0 else { return nil }
            self = .int(whole)
        case .double(let d):
            guard d.isFinite, d.rounded(.towardZero) == d, abs(d) < 9.2e18 else { return nil }
            self = .int(Int64(d))
        default: return nil
        }
    }
}

/// Positions of keys in a large map; shared between copies until one of them changes.
final class MapIndex: @unchecked Sendable {
    var positions: [MapKey: Int]

    init(_ entries: [ValueMap.Entry]) {
        positions = Dictionary(minimumCapacity: entries.count)
        for (position, entry) in entries.enumerated() {
            if let key = MapKey(entry.key) { positions[key] = position }
        }
    }
}

extension Value {
    /// Key equality for map lookups: like `==`, but only between key-capable values.
    func isSameKey(as other: Value) -> Bool {
        switch (self, other) {
        case (.string(let a), .string(let b)): CodePoints.equal(a, b)
        case (.int(let a), .int(let b)): a == b
        case (.bool(let a), .bool(let b)): a == b
        case (.int, .decimal), (.int, .double): MapKey(self) == MapKey(other)
        default: false
        }
    }
}

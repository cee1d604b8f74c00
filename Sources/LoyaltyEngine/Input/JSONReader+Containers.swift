import RuleLanguage

extension JSONReader.Parser {
    /// Moves the elements of the array that just closed off the stack into a `.list`.
    @inline(__always)
    mutating func closeArray(_ frame: JSONReader.Frame) {
        let elementCount = values.count - frame.valueStart
        let source = values.base + frame.valueStart
        // Moved, not copied: no retain/release per element, one allocation of the exact size.
        // (`Array(unsafeUninitializedCapacity:)` would be the obvious call, but it reaches the
        // unspecialized allocator, which looks up the storage class's metadata in a hash
        // table on every call: 8 % of the reader's time. `reserveCapacity` stays specialized.)
        var list = [Value]()
        list.reserveCapacity(elementCount)
        for element in 0..<elementCount { list.append((source + element).move()) }
        values.forgetElements(from: frame.valueStart)
        values.push(.list(list))
    }

    /// Moves the members of the object that just closed off the stack into a `.map`.
    ///
    /// Almost every object has distinct keys, and for those the entries are built directly
    /// with `ValueMap(uniqueEntries:)`: no hashing, no lookups. Only when fingerprints say a
    /// key may repeat does it go through `ValueMap.set`, which compares the real keys and
    /// keeps the last value.
    mutating func closeObject(_ frame: JSONReader.Frame) {
        let memberCount = keys.count - frame.keyStart
        let source = values.base + frame.valueStart
        let map: ValueMap
        if mayRepeatKey(keys.base + frame.keyStart, count: memberCount) {
            var built = ValueMap()
            for member in 0..<memberCount {
                let key = (source + 2 * member).move()
                built.set((source + 2 * member + 1).move(), forKey: key)
            }
            map = built
        } else {
            var entries = [ValueMap.Entry]()
            entries.reserveCapacity(memberCount)
            for member in 0..<memberCount {
                entries.append(JSONReader.makeEntry(key: (source + 2 * member).move(), value: (source + 2 * member + 1).move()))
            }
            map = ValueMap(uniqueEntries: entries)
        }
        values.forgetElements(from: frame.valueStart)
        keys.forgetElements(from: frame.keyStart)
        values.push(.map(map))
    }

    /// Whether two of the `count` keys may be the same. Exact for keys up to 16 bytes; a
    /// longer pair with equal fingerprints counts as "may", which only costs the slow path.
    private func mayRepeatKey(_ fingerprints: UnsafePointer<JSONReader.Fingerprint>, count: Int) -> Bool {
        if count < 2 { return false }
        if count <= 32 {
            // Pairwise over a few words beats hashing for event-sized objects.
            for later in 1..<count {
                let fingerprint = fingerprints[later]
                for earlier in 0..<later where fingerprints[earlier] == fingerprint { return true }
            }
            return false
        }
        var seen = Set<Key>(minimumCapacity: count)
        for position in 0..<count where !seen.insert(Key(fingerprints[position])).inserted { return true }
        return false
    }

    /// A fingerprint as a set element, for the rare object with many members.
    private struct Key: Hashable {
        let head: UInt64
        let tail: UInt64
        let length: Int

        init(_ fingerprint: JSONReader.Fingerprint) {
            head = fingerprint.head
            tail = fingerprint.tail
            length = fingerprint.length
        }
    }
}

extension JSONReader {
    /// `ValueMap.Entry(key:value:)`, which RuleLanguage does not make public: the entry's
    /// public stored properties are initialized in place. Compiles to two stores.
    @inline(__always)
    static func makeEntry(key: Value, value: Value) -> ValueMap.Entry {
        withUnsafeTemporaryAllocation(of: ValueMap.Entry.self, capacity: 1) { slot in
            let entry = slot.baseAddress!
            entry.pointer(to: \.key)!.initialize(to: key)
            entry.pointer(to: \.value)!.initialize(to: value)
            return entry.move()
        }
    }
}

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
    /// with `ValueMap(uniqueEntries:)`: no hashing, no lookups. Only when the key hashes say a
    /// key may repeat does it go through `ValueMap.set`, which compares the real keys and
    /// keeps the last value.
    mutating func closeObject(_ frame: JSONReader.Frame) {
        let memberCount = keys.count - frame.keyStart
        let source = values.base + frame.valueStart
        let repeats = mayRepeatKey(keys.base + frame.keyStart, count: memberCount)
        keys.forgetElements(from: frame.keyStart)
        // Each branch pushes its own map: joining them in one variable first cost a
        // retain/release pair per object.
        values.forgetElements(from: frame.valueStart)
        if repeats {
            var map = ValueMap()
            for member in 0..<memberCount {
                let key = (source + 2 * member).move()
                map.set((source + 2 * member + 1).move(), forKey: key)
            }
            values.push(.map(map))
        } else {
            var entries = [ValueMap.Entry]()
            entries.reserveCapacity(memberCount)
            for member in 0..<memberCount {
                entries.append(JSONReader.moveEntry(from: source + 2 * member))
            }
            values.push(.map(ValueMap(uniqueEntries: entries)))
        }
    }

    /// Whether two of the `count` keys may be the same, judged by their hashes: equal keys
    /// always have equal hashes, and the rare unequal keys with equal hashes only cost the
    /// slow path, which compares the keys themselves.
    private func mayRepeatKey(_ hashes: UnsafePointer<UInt64>, count: Int) -> Bool {
        if count < 2 { return false }
        if count <= 32 {
            // Pairwise over single words beats a hash set for event-sized objects.
            for later in 1..<count {
                let hash = hashes[later]
                for earlier in 0..<later where hashes[earlier] == hash { return true }
            }
            return false
        }
        var seen = Set<UInt64>(minimumCapacity: count)
        for position in 0..<count where !seen.insert(hashes[position]).inserted { return true }
        return false
    }
}

extension JSONReader {
    /// Moves the key at `pair` and the value after it into a `ValueMap.Entry`.
    ///
    /// `Entry` has no public initializer, so its public stored properties are initialized in
    /// place. Taking the two values by pointer (not as parameters) lets them be moved:
    /// passed as arguments, each would be copied and its original released, a needless
    /// retain/release pair per string, list or map.
    @inline(__always)
    static func moveEntry(from pair: UnsafeMutablePointer<Value>) -> ValueMap.Entry {
        withUnsafeTemporaryAllocation(of: ValueMap.Entry.self, capacity: 1) { slot in
            let entry = slot.baseAddress!
            entry.pointer(to: \.key)!.initialize(to: pair.move())
            entry.pointer(to: \.value)!.initialize(to: (pair + 1).move())
            return entry.move()
        }
    }
}

/// A set of Unicode scalars: the meaning of `[a-z]`, `\d`, `[[:alpha:]]`, `\p{Han}`, and of a
/// literal under `(?i)`.
///
/// Most members are stored as sorted ranges so membership is a binary search. General categories
/// (`\pL`, `\p{Nd}`, …) stay predicates over `Unicode.Scalar.Properties.generalCategory` instead:
/// turning one into ranges means scanning all 1.1 million scalars (about 60 ms), far too slow for
/// compiling a merchant's pattern.
///
/// A class is built with `insert`/`formUnion` (which may leave ranges unsorted) and then sealed
/// with `finished(inverted:foldingCase:)`; only sealed classes may be asked `contains`.
struct CharacterClass: Hashable, Sendable {
    /// Ranges of scalar values; sorted, non-overlapping and non-adjacent once sealed.
    private(set) var ranges: [ClosedRange<UInt32>] = []
    /// General-category predicates, OR-ed with `ranges`.
    private(set) var categories: [CategoryTest] = []
    /// The set is the complement of `ranges ∪ categories`. Only used when categories are present:
    /// otherwise sealing complements the ranges themselves so matching stays a plain search.
    private(set) var isInverted = false
    /// Whether a category predicate also accepts scalars whose case variants pass it, so that
    /// `(?i)\p{Lu}` accepts `a` as in RE2. (Ranges are case-folded eagerly when sealing.)
    private(set) var foldsCategories = false

    /// The largest Unicode scalar value.
    static let maxScalar: UInt32 = 0x10FFFF

    /// An empty class, to be filled with `insert`/`formUnion` and then sealed.
    init() {}

    /// A sealed class holding exactly `ranges`.
    init(_ ranges: [ClosedRange<UInt32>]) {
        self.ranges = ranges
        normalize()
    }

    /// A sealed class of one general-category predicate (as for `\pL`).
    init(category: CategoryTest) {
        categories = [category]
    }

    /// Adds a range while building; the class must be sealed before matching.
    mutating func insert(_ range: ClosedRange<UInt32>) {
        ranges.append(range)
    }

    /// Adds every member of `other`, which must be sealed and not inverted (the parser only ever
    /// unions escapes like `\d`, `\PL` or `[:alpha:]`, which satisfy this).
    mutating func formUnion(_ other: CharacterClass) {
        precondition(!other.isInverted, "cannot union an inverted class")
        ranges += other.ranges
        categories += other.categories
    }

    /// The sealed class: ranges sorted and merged, then case-folded (`foldingCase`), then inverted.
    /// Folding comes before inversion so `(?i)[^k]` rejects `K` and the Kelvin sign, as in RE2.
    func finished(inverted: Bool, foldingCase: Bool) -> CharacterClass {
        var result = self
        result.normalize()
        if foldingCase {
            result.ranges += CaseFolding.variants(of: result.ranges)
            result.normalize()
            result.foldsCategories = !result.categories.isEmpty
        }
        if inverted {
            if result.categories.isEmpty { result.ranges = result.complementedRanges() } else { result.isInverted = true }
        }
        return result
    }

    /// The complement of a class made by `unicode(named:)` or `perl(_:)`: either plain ranges
    /// (`\D` from `\d`, `\P{Han}` from `\p{Han}`) or one category predicate (`\PL` from `\pL`).
    func complemented() -> CharacterClass {
        if categories.isEmpty { return CharacterClass(complementedRanges()) }
        precondition(ranges.isEmpty && categories.count == 1 && !isInverted, "only simple classes are complemented")
        return CharacterClass(category: CategoryTest(mask: categories[0].mask, negated: !categories[0].negated))
    }

    /// Whether the sealed class contains the scalar value `value`.
    func contains(_ value: UInt32) -> Bool {
        var hit = rangesContain(value)
        if !hit && !categories.isEmpty, let scalar = Unicode.Scalar(value) {
            hit = categoriesAccept(scalar)
            if !hit && foldsCategories {
                hit = CaseFolding.orbit(of: value).contains { Unicode.Scalar($0).map(categoriesAccept) ?? false }
            }
        }
        return hit != isInverted
    }

    /// Membership of each ASCII scalar as a 128-bit map (`low` for 0–63, `high` for 64–127); the VM
    /// tests ASCII input against this without touching ranges or Unicode properties.
    var asciiBitmap: (low: UInt64, high: UInt64) {
        var low: UInt64 = 0, high: UInt64 = 0
        for value in UInt32(0)..<128 where contains(value) {
            if value < 64 { low |= 1 << UInt64(value) } else { high |= 1 << UInt64(value - 64) }
        }
        return (low, high)
    }

    /// The sole member, if the sealed class holds exactly one scalar (so `(?i)7` stays a literal).
    var singleScalar: UInt32? {
        guard categories.isEmpty, ranges.count == 1, ranges[0].lowerBound == ranges[0].upperBound else { return nil }
        return ranges[0].lowerBound
    }

    /// Whether the sealed class may contain a scalar above U+007F (used to skip non-ASCII text
    /// quickly when looking for where a match can start).
    var hasNonASCIIMembers: Bool {
        isInverted || !categories.isEmpty || (ranges.last?.upperBound ?? 0) >= 0x80
    }

    /// Binary search over the sorted ranges.
    private func rangesContain(_ value: UInt32) -> Bool {
        var low = 0, high = ranges.count
        while low < high {
            let mid = (low + high) >> 1
            if ranges[mid].upperBound < value { low = mid + 1 } else { high = mid }
        }
        return low < ranges.count && ranges[low].lowerBound <= value
    }

    /// Whether any category predicate accepts `scalar`.
    private func categoriesAccept(_ scalar: Unicode.Scalar) -> Bool {
        categories.contains { $0.accepts(scalar) }
    }

    /// Sorts the ranges and merges overlapping or adjacent ones.
    private mutating func normalize() {
        guard !ranges.isEmpty else { return }
        ranges.sort { $0.lowerBound < $1.lowerBound }
        var merged: [ClosedRange<UInt32>] = [ranges[0]]
        for range in ranges.dropFirst() {
            let last = merged[merged.count - 1]
            if range.lowerBound <= last.upperBound &+ 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        ranges = merged
    }

    /// The gaps between the (sorted) ranges, over all scalar values.
    private func complementedRanges() -> [ClosedRange<UInt32>] {
        var result: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for range in ranges {
            if range.lowerBound > next { result.append(next...(range.lowerBound - 1)) }
            if range.upperBound >= Self.maxScalar { return result }
            next = range.upperBound + 1
        }
        result.append(next...Self.maxScalar)
        return result
    }
}

// MARK: - Named classes

extension CharacterClass {
    /// `\d`, `\s`, `\w` and their upper-case complements. ASCII-only, as in RE2.
    static func perl(_ letter: Unicode.Scalar) -> CharacterClass? {
        let base: [ClosedRange<UInt32>]
        switch letter {
        case "d", "D": base = [0x30...0x39]
        case "s", "S": base = [0x09...0x0A, 0x0C...0x0D, 0x20...0x20]  // RE2's \s omits \v
        case "w", "W": base = [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A]
        default: return nil
        }
        let positive = CharacterClass(base)
        return letter.properties.isUppercase ? positive.complemented() : positive
    }

    /// `[:alpha:]` and friends (name without colons or `^`). ASCII-only, as in RE2.
    static func posix(named name: String) -> CharacterClass? {
        let table: [String: [ClosedRange<UInt32>]] = [
            "alnum": [0x30...0x39, 0x41...0x5A, 0x61...0x7A], "alpha": [0x41...0x5A, 0x61...0x7A],
            "ascii": [0x00...0x7F], "blank": [0x09...0x09, 0x20...0x20],
            "cntrl": [0x00...0x1F, 0x7F...0x7F], "digit": [0x30...0x39], "graph": [0x21...0x7E],
            "lower": [0x61...0x7A], "print": [0x20...0x7E],
            "punct": [0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E],
            "space": [0x09...0x0D, 0x20...0x20], "upper": [0x41...0x5A],
            "word": [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A],
            "xdigit": [0x30...0x39, 0x41...0x46, 0x61...0x66],
        ]
        return table[name].map { CharacterClass($0) }
    }

    /// The class named in `\p{name}`: a general category (`L`, `Lu`, `Nd`, …), a script from
    /// `UnicodeScripts`, or `Any`.
    static func unicode(named name: String) -> CharacterClass? {
        if name == "Any" { return CharacterClass([0...maxScalar]) }
        if let mask = CategoryTest.masks[name] { return CharacterClass(category: CategoryTest(mask: mask, negated: false)) }
        return UnicodeScripts.ranges(named: name).map { CharacterClass($0) }
    }
}

/// A test against a set of general categories, optionally negated (`\PL`).
struct CategoryTest: Hashable, Sendable {
    /// One bit per category, in the order of `CategoryTest.order`.
    var mask: UInt32
    /// Whether the test is inverted (`\PL`, `\p{^L}`).
    var negated: Bool

    /// Whether `scalar`'s general category is in the mask (or not, if negated).
    func accepts(_ scalar: Unicode.Scalar) -> Bool {
        (mask & Self.bit(scalar.properties.generalCategory) != 0) != negated
    }

    /// Two-letter category names in bit order.
    private static let order = [
        "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Pc", "Pd", "Ps", "Pe",
        "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So", "Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co", "Cn",
    ]

    /// Category names accepted after `\p`: every two-letter name plus the one-letter groups.
    static let masks: [String: UInt32] = {
        var masks: [String: UInt32] = [:]
        for (index, name) in order.enumerated() {
            masks[name] = 1 << UInt32(index)
            masks[String(name.prefix(1)), default: 0] |= 1 << UInt32(index)
        }
        return masks
    }()

    /// The mask bit of `category`. A switch rather than a dictionary: this runs for every
    /// non-ASCII scalar tested against `\pL` and friends.
    private static func bit(_ category: Unicode.GeneralCategory) -> UInt32 {
        let index: UInt32
        switch category {
        case .uppercaseLetter: index = 0; case .lowercaseLetter: index = 1; case .titlecaseLetter: index = 2
        case .modifierLetter: index = 3; case .otherLetter: index = 4; case .nonspacingMark: index = 5
        case .spacingMark: index = 6; case .enclosingMark: index = 7; case .decimalNumber: index = 8
        case .letterNumber: index = 9; case .otherNumber: index = 10; case .connectorPunctuation: index = 11
        case .dashPunctuation: index = 12; case .openPunctuation: index = 13; case .closePunctuation: index = 14
        case .initialPunctuation: index = 15; case .finalPunctuation: index = 16; case .otherPunctuation: index = 17
        case .mathSymbol: index = 18; case .currencySymbol: index = 19; case .modifierSymbol: index = 20
        case .otherSymbol: index = 21; case .spaceSeparator: index = 22; case .lineSeparator: index = 23
        case .paragraphSeparator: index = 24; case .control: index = 25; case .format: index = 26
        case .surrogate: index = 27; case .privateUse: index = 28; case .unassigned: index = 29
        @unknown default: index = 29
        }
        return 1 << index
    }
}

// MARK: - Case folding

/// Simple case-folding orbits (`k`, `K`, `K` Kelvin sign; `s`, `S`, `ſ`; `σ`, `ς`, `Σ`), used by `(?i)`.
///
/// The standard library gives each scalar's own case mappings but no reverse table, and RE2-style
/// folding needs both directions (`(?i)k` must accept the Kelvin sign, which only maps *to* `k`).
/// So the orbits are built once per process, lazily and thread-safely through `static let`, by
/// joining every scalar with its single-scalar lower/upper/title mappings (about 10 ms, only for
/// programs that use `(?i)`). That reproduces Unicode simple case folding, which RE2 uses, except
/// for dotless ı, excluded by hand.
enum CaseFolding {
    private struct Table: Sendable {
        /// Every scalar that has a case variant, sorted, so a range can find its members quickly.
        var members: [UInt32] = []
        /// Each member's orbit, itself included.
        var orbits: [UInt32: [UInt32]] = [:]
    }

    private static let table = buildTable()

    /// The scalars equal to `value` ignoring case, itself included; empty when it has no variants.
    static func orbit(of value: UInt32) -> [UInt32] {
        table.orbits[value] ?? []
    }

    /// The case variants of every member of `ranges` (members themselves may repeat).
    static func variants(of ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        let members = table.members
        var result: [ClosedRange<UInt32>] = []
        for range in ranges {
            var index = members.partitionPoint { $0 >= range.lowerBound }
            while index < members.count && members[index] <= range.upperBound {
                for variant in table.orbits[members[index]] ?? [] { result.append(variant...variant) }
                index += 1
            }
        }
        return result
    }

    private static func buildTable() -> Table {
        var parent: [UInt32: UInt32] = [:]
        func root(_ value: UInt32) -> UInt32 {
            var value = value
            while let next = parent[value], next != value { value = next }
            return value
        }
        // No scalar at or above U+1F000 has a case mapping.
        for value in UInt32(0)..<0x1F000 {
            guard let scalar = Unicode.Scalar(value), scalar.properties.changesWhenCaseMapped else { continue }
            let properties = scalar.properties
            for mapping in [properties.lowercaseMapping, properties.uppercaseMapping, properties.titlecaseMapping] {
                let scalars = mapping.unicodeScalars
                guard scalars.count == 1, let other = scalars.first?.value, other != value else { continue }
                // Dotless ı uppercases to I, but Unicode case folding (and so RE2) keeps the
                // Turkic i's apart from i/I.
                if value == 0x131 || other == 0x131 { continue }
                let (a, b) = (root(value), root(other))
                parent[a] = a; parent[b] = b
                if a != b { parent[max(a, b)] = min(a, b) }
            }
        }
        var groups: [UInt32: [UInt32]] = [:]
        for value in parent.keys { groups[root(value), default: []].append(value) }
        var table = Table()
        for group in groups.values {
            let sorted = group.sorted()
            for value in sorted { table.orbits[value] = sorted }
        }
        table.members = table.orbits.keys.sorted()
        return table
    }
}

extension Array where Element == UInt32 {
    /// The first index whose element satisfies `predicate`, which must be false then true along the array.
    fileprivate func partitionPoint(_ predicate: (UInt32) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) >> 1
            if predicate(self[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}

// MARK: - Scripts

/// Script ranges for `\p{Han}` and friends. The standard library exposes no script property, so
/// this is a table abridged from Unicode 15.1 `Scripts.txt` for the scripts a shop is likely to
/// meet; other script names are rejected as unknown rather than silently matching nothing.
enum UnicodeScripts {
    /// The ranges of the named script, or nil if the name is not in the table.
    static func ranges(named name: String) -> [ClosedRange<UInt32>]? {
        guard let bounds = table[name] else { return nil }
        return stride(from: 0, to: bounds.count, by: 2).map { bounds[$0]...bounds[$0 + 1] }
    }

    /// Flat lower/upper bound pairs, kept flat so the table reads compactly.
    private static let table: [String: [UInt32]] = [
        "Han": [0x2E80, 0x2E99, 0x2E9B, 0x2EF3, 0x2F00, 0x2FD5, 0x3005, 0x3005, 0x3007, 0x3007, 0x3021, 0x3029,
                0x3038, 0x303B, 0x3400, 0x4DBF, 0x4E00, 0x9FFF, 0xF900, 0xFA6D, 0xFA70, 0xFAD9, 0x16FE2, 0x16FE3,
                0x16FF0, 0x16FF1, 0x20000, 0x2A6DF, 0x2A700, 0x2B739, 0x2B740, 0x2B81D, 0x2B820, 0x2CEA1,
                0x2CEB0, 0x2EBE0, 0x2EBF0, 0x2EE5D, 0x2F800, 0x2FA1D, 0x30000, 0x3134A, 0x31350, 0x323AF],
        "Latin": [0x41, 0x5A, 0x61, 0x7A, 0xAA, 0xAA, 0xBA, 0xBA, 0xC0, 0xD6, 0xD8, 0xF6, 0xF8, 0x2B8, 0x2E0, 0x2E4,
                  0x1D00, 0x1D25, 0x1D2C, 0x1D5C, 0x1D62, 0x1D65, 0x1D6B, 0x1D77, 0x1D79, 0x1DBE, 0x1E00, 0x1EFF,
                  0x2071, 0x2071, 0x207F, 0x207F, 0x2090, 0x209C, 0x212A, 0x212B, 0x2132, 0x2132, 0x214E, 0x214E,
                  0x2160, 0x2188, 0x2C60, 0x2C7F, 0xA722, 0xA787, 0xA78B, 0xA7CA, 0xA7D0, 0xA7D1, 0xA7D3, 0xA7D3,
                  0xA7D5, 0xA7D9, 0xA7F2, 0xA7FF, 0xAB30, 0xAB5A, 0xAB5C, 0xAB64, 0xAB66, 0xAB69, 0xFB00, 0xFB06,
                  0xFF21, 0xFF3A, 0xFF41, 0xFF5A, 0x10780, 0x10785, 0x10787, 0x107B0, 0x107B2, 0x107BA,
                  0x1DF00, 0x1DF1E, 0x1DF25, 0x1DF2A],
        "Greek": [0x370, 0x373, 0x375, 0x377, 0x37A, 0x37D, 0x37F, 0x37F, 0x384, 0x384, 0x386, 0x386, 0x388, 0x38A,
                  0x38C, 0x38C, 0x38E, 0x3A1, 0x3A3, 0x3E1, 0x3F0, 0x3FF, 0x1D26, 0x1D2A, 0x1D5D, 0x1D61,
                  0x1D66, 0x1D6A, 0x1DBF, 0x1DBF, 0x1F00, 0x1F15, 0x1F18, 0x1F1D, 0x1F20, 0x1F45, 0x1F48, 0x1F4D,
                  0x1F50, 0x1F57, 0x1F59, 0x1F59, 0x1F5B, 0x1F5B, 0x1F5D, 0x1F5D, 0x1F5F, 0x1F7D, 0x1F80, 0x1FB4,
                  0x1FB6, 0x1FC4, 0x1FC6, 0x1FD3, 0x1FD6, 0x1FDB, 0x1FDD, 0x1FEF, 0x1FF2, 0x1FF4, 0x1FF6, 0x1FFE,
                  0x2126, 0x2126, 0xAB65, 0xAB65, 0x10140, 0x1018E, 0x101A0, 0x101A0, 0x1D200, 0x1D245],
        "Cyrillic": [0x400, 0x484, 0x487, 0x52F, 0x1C80, 0x1C88, 0x1D2B, 0x1D2B, 0x1D78, 0x1D78, 0x2DE0, 0x2DFF,
                     0xA640, 0xA69F, 0xFE2E, 0xFE2F, 0x1E030, 0x1E06D, 0x1E08F, 0x1E08F],
        "Hiragana": [0x3041, 0x3096, 0x309D, 0x309F, 0x1B001, 0x1B11F, 0x1B132, 0x1B132, 0x1B150, 0x1B152,
                     0x1F200, 0x1F200],
        "Katakana": [0x30A1, 0x30FA, 0x30FD, 0x30FF, 0x31F0, 0x31FF, 0x32D0, 0x32FE, 0x3300, 0x3357, 0xFF66, 0xFF6F,
                     0xFF71, 0xFF9D, 0x1AFF0, 0x1AFF3, 0x1AFF5, 0x1AFFB, 0x1AFFD, 0x1AFFE, 0x1B000, 0x1B000,
                     0x1B120, 0x1B122, 0x1B155, 0x1B155, 0x1B164, 0x1B167],
        "Hangul": [0x1100, 0x11FF, 0x302E, 0x302F, 0x3131, 0x318E, 0x3200, 0x321E, 0x3260, 0x327E, 0xA960, 0xA97C,
                   0xAC00, 0xD7A3, 0xD7B0, 0xD7C6, 0xD7CB, 0xD7FB, 0xFFA0, 0xFFBE, 0xFFC2, 0xFFC7, 0xFFCA, 0xFFCF,
                   0xFFD2, 0xFFD7, 0xFFDA, 0xFFDC],
        "Arabic": [0x600, 0x604, 0x606, 0x60B, 0x60D, 0x61A, 0x61C, 0x61E, 0x620, 0x63F, 0x641, 0x64A, 0x656, 0x66F,
                   0x671, 0x6DC, 0x6DE, 0x6FF, 0x750, 0x77F, 0x870, 0x88E, 0x890, 0x891, 0x898, 0x8E1, 0x8E3, 0x8FF,
                   0xFB50, 0xFBC2, 0xFBD3, 0xFD3D, 0xFD40, 0xFD8F, 0xFD92, 0xFDC7, 0xFDCF, 0xFDCF, 0xFDF0, 0xFDFF,
                   0xFE70, 0xFE74, 0xFE76, 0xFEFC, 0x10E60, 0x10E7E, 0x10EFD, 0x10EFF, 0x1EE00, 0x1EEF1],
        "Hebrew": [0x591, 0x5C7, 0x5D0, 0x5EA, 0x5EF, 0x5F4, 0xFB1D, 0xFB36, 0xFB38, 0xFB3C, 0xFB3E, 0xFB3E,
                   0xFB40, 0xFB41, 0xFB43, 0xFB44, 0xFB46, 0xFB4F],
        "Thai": [0xE01, 0xE3A, 0xE40, 0xE5B],
        "Devanagari": [0x900, 0x950, 0x955, 0x963, 0x966, 0x97F, 0xA8E0, 0xA8FF, 0x11B00, 0x11B09],
    ]
}

/// The `(?imsU)` flags in effect at a point of the pattern.
struct RegexFlags: Hashable, Sendable {
    /// `i`: letters match their other cases.
    var caseInsensitive = false
    /// `m`: `^` and `$` also match at line starts and ends.
    var multiLine = false
    /// `s`: `.` also matches `\n`.
    var dotMatchesNewline = false
    /// `U`: repeats are lazy unless followed by `?`.
    var ungreedy = false
}

/// Turns RE2 syntax into a `RegexNode` tree, or a `RegexSyntaxError` pointing at the problem.
///
/// The parser is a loop over the pattern's scalars with an explicit stack of open groups rather
/// than a recursive descent, so a hostile pattern of 100,000 `(` cannot overflow the call stack;
/// nesting is additionally capped at `maxNesting` so later passes over the (shallow) tree are safe.
/// Escapes and bracket classes are handled by the extension at the end of this file.
struct RegexParser {
    /// Deepest group nesting accepted; deeper patterns are refused.
    static let maxNesting = 1000
    /// Largest count accepted in `{n,m}`, as in RE2.
    static let maxRepeatCount = 1000

    /// What a following repeat operator would apply to.
    private enum LastItem { case nothing, atom, repetition }

    /// One group being parsed (the whole pattern is the outermost one).
    private struct Frame {
        enum Kind { case top, plain, capture(index: Int, name: String?) }
        var kind: Kind
        /// Offset of the `(`, for "missing )" errors.
        var offset: Int
        /// Flags to restore at the `)`: `(?i)` inside a group ends with the group.
        var outerFlags: RegexFlags
        /// Finished branches before the latest `|`.
        var branches: [RegexNode] = []
        /// Items of the branch being parsed.
        var items: [RegexNode] = []
        var last = LastItem.nothing
    }

    /// The pattern as scalars: error offsets are indices into this array.
    let pattern: [Unicode.Scalar]
    /// The next scalar to read.
    var index = 0
    /// Flags in effect at `index`.
    var flags = RegexFlags()
    /// The groups enclosing `current`, outermost (the whole pattern) first.
    private var enclosing: [Frame] = []
    /// The innermost group being parsed.
    private var current = Frame(kind: .top, offset: 0, outerFlags: RegexFlags())
    /// Capturing groups opened so far, for numbering them.
    private var captureCount = 0
    /// Names used by `(?P<name>…)` so far; RE2 refuses duplicates.
    private var groupNames: Set<String> = []

    /// Parses `pattern` into a tree.
    static func parse(_ pattern: String) throws(RegexSyntaxError) -> RegexNode {
        var parser = RegexParser(pattern: Array(pattern.unicodeScalars))
        do {
            return try parser.parseAll()
        } catch {
            // The groups parsed so far may form a deep tree: take the parser's references and
            // free it without deep recursion.
            var parsed: [RegexNode] = []
            for frame in parser.enclosing + [parser.current] { parsed += frame.branches + frame.items }
            parser.enclosing = []
            parser.current = Frame(kind: .top, offset: 0, outerFlags: RegexFlags())
            RegexNode.dismantle(consume parsed)
            throw error
        }
    }

    private init(pattern: [Unicode.Scalar]) {
        self.pattern = pattern
    }

    /// The main loop: one pass over the pattern, dispatching on each metacharacter.
    private mutating func parseAll() throws(RegexSyntaxError) -> RegexNode {
        while index < pattern.count {
            let start = index
            switch pattern[index] {
            case "(": try openGroup()
            case ")": try closeGroup()
            case "|":
                current.branches.append(.sequence(current.items))
                current.items = []
                current.last = .nothing
                index += 1
            case "*": index += 1; try repeatLast(min: 0, max: nil, operatorStart: start)
            case "+": index += 1; try repeatLast(min: 1, max: nil, operatorStart: start)
            case "?": index += 1; try repeatLast(min: 0, max: 1, operatorStart: start)
            case "{":
                if let (min, max) = try countedRepeat() {
                    try repeatLast(min: min, max: max, operatorStart: start)
                } else {
                    index += 1
                    appendLiteral("{")
                }
            case "[": append(.charClass(try bracketClass()))
            case ".": index += 1; append(.anyScalar(matchesNewline: flags.dotMatchesNewline))
            case "^": index += 1; append(.assertion(flags.multiLine ? .beginLine : .beginText))
            case "$": index += 1; append(.assertion(flags.multiLine ? .endLine : .endText))
            case "\\": try escapeOutsideClass()
            case let scalar: index += 1; appendLiteral(scalar.value)
            }
        }
        if !enclosing.isEmpty {
            throw RegexSyntaxError(message: "missing ) to close the group opened here", offset: current.offset)
        }
        return .choice(current.branches + [.sequence(current.items)])
    }

    // MARK: Items

    /// Adds an item that a following repeat operator may apply to.
    mutating func append(_ node: RegexNode) {
        current.items.append(node)
        current.last = .atom
    }

    /// Adds a literal scalar; under `(?i)` it becomes the class of its case variants.
    mutating func appendLiteral(_ value: UInt32) {
        if flags.caseInsensitive {
            let variants = CaseFolding.orbit(of: value)
            if variants.count > 1 {
                append(.charClass(CharacterClass(variants.map { $0...$0 })))
                return
            }
        }
        append(.scalar(value))
    }

    /// `appendLiteral` for a scalar written in the parser itself (such as a literal `{`).
    private mutating func appendLiteral(_ scalar: Unicode.Scalar) {
        appendLiteral(scalar.value)
    }

    /// Wraps the last item in a repetition. `index` is just past the operator; a trailing `?`
    /// (lazy) is consumed here and a trailing `+` (possessive, Java/PCRE) is refused.
    private mutating func repeatLast(min: Int, max: Int?, operatorStart: Int) throws(RegexSyntaxError) {
        var lazy = false
        if index < pattern.count && pattern[index] == "?" {
            lazy = true
            index += 1
        } else if index < pattern.count && pattern[index] == "+" {
            let spelled = text(from: operatorStart, to: index + 1)
            throw RegexSyntaxError(
                message: "possessive repeats like \(spelled) are not supported (patterns use RE2 syntax)",
                offset: operatorStart)
        }
        let spelled = text(from: operatorStart, to: index)
        switch current.last {
        case .nothing:
            throw RegexSyntaxError(
                message: "nothing to repeat: \(spelled) must follow a character, class or group", offset: operatorStart)
        case .repetition:
            throw RegexSyntaxError(
                message: "\(spelled) cannot directly follow another repeat; wrap the first in (?: ) to repeat it again",
                offset: operatorStart)
        case .atom:
            let body = current.items.removeLast()
            current.items.append(.repetition(body, min: min, max: max, greedy: lazy == flags.ungreedy, offset: operatorStart))
            current.last = .repetition
        }
    }

    /// Parses `{n}`, `{n,}` or `{n,m}` at `index`, moving past it. Returns nil (and leaves `index`
    /// alone) when the brace does not start a well-formed count, in which case RE2 treats `{`
    /// as a literal.
    private mutating func countedRepeat() throws(RegexSyntaxError) -> (Int, Int?)? {
        let start = index
        var position = index + 1
        func number() -> Int? {
            var value: Int?
            while position < pattern.count, ("0"..."9").contains(pattern[position]) {
                // Capped so a long digit run cannot overflow; anything above 1000 is refused anyway.
                value = Swift.min((value ?? 0) * 10 + Int(pattern[position].value - 0x30), 1_000_000)
                position += 1
            }
            return value
        }
        guard let min = number() else { return nil }
        var max: Int? = min
        if position < pattern.count && pattern[position] == "," {
            position += 1
            max = number()
        }
        guard position < pattern.count && pattern[position] == "}" else { return nil }
        index = position + 1
        if min > Self.maxRepeatCount || (max ?? 0) > Self.maxRepeatCount {
            throw RegexSyntaxError(message: "repeat counts above 1000 are not allowed, as in RE2", offset: start)
        }
        if let max, max < min {
            throw RegexSyntaxError(
                message: "invalid repeat \(text(from: start, to: index)): the maximum is smaller than the minimum",
                offset: start)
        }
        return (min, max)
    }

    // MARK: Groups

    /// Handles `(` in all its forms: capture, named capture, `(?:`, `(?flags)`, `(?flags:`, and
    /// the Perl forms RE2 refuses (lookaround, atomic groups, named backreferences).
    private mutating func openGroup() throws(RegexSyntaxError) {
        let start = index
        index += 1
        var kind = Frame.Kind.plain
        var innerFlags = flags
        if peek() == "?" {
            index += 1
            switch (peek(), peek(1)) {
            case ("<"?, "="?), ("<"?, "!"?):
                throw unsupported("lookbehind \(text(from: start, to: index + 2))...) is", at: start)
            case ("P"?, "<"?), ("<"?, _):
                index += peek() == "P" ? 2 : 1
                kind = .capture(index: captureCount + 1, name: try groupName(start: start))
                captureCount += 1
            case ("="?, _), ("!"?, _):
                throw unsupported("lookahead \(text(from: start, to: index + 1))...) is", at: start)
            case ("P"?, "="?):
                throw unsupported("backreferences like (?P=name) are", at: start)
            case (">"?, _):
                throw unsupported("atomic groups (?>...) are", at: start)
            case ("#"?, _):
                throw unsupported("comments (?#...) are", at: start)
            default:
                innerFlags = try flagGroup(start: start)
                if pattern[index - 1] == ")" {
                    // (?flags) changes the rest of the enclosing group and is not itself an item.
                    flags = innerFlags
                    current.last = .nothing
                    return
                }
            }
        } else {
            captureCount += 1
            kind = .capture(index: captureCount, name: nil)
        }
        if enclosing.count + 1 > Self.maxNesting {
            throw RegexSyntaxError(
                message: "groups are nested too deeply (more than \(Self.maxNesting) levels)", offset: start)
        }
        enclosing.append(current)
        current = Frame(kind: kind, offset: start, outerFlags: flags)
        flags = innerFlags
    }

    /// Reads a group name up to `>` (index just past the `<`), checking it is a new word.
    private mutating func groupName(start: Int) throws(RegexSyntaxError) -> String {
        var name = ""
        while index < pattern.count && pattern[index] != ">" {
            name.unicodeScalars.append(pattern[index])
            index += 1
        }
        guard index < pattern.count else {
            throw RegexSyntaxError(message: "missing > after the group name", offset: start)
        }
        index += 1
        let isWord = name.unicodeScalars.allSatisfy { $0.isASCII && ($0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0)) }
        guard !name.isEmpty && isWord else {
            throw RegexSyntaxError(message: "invalid group name \"\(name)\": use letters, digits and _", offset: start)
        }
        guard groupNames.insert(name).inserted else {
            throw RegexSyntaxError(message: "duplicate group name \"\(name)\"", offset: start)
        }
        return name
    }

    /// Reads `imsU` flags with an optional `-` section up to `:` or `)` (index just past `(?`),
    /// returning the resulting flags and leaving index past the terminator.
    private mutating func flagGroup(start: Int) throws(RegexSyntaxError) -> RegexFlags {
        var result = flags
        var negated = false
        var sawFlag = false
        while index < pattern.count {
            let scalar = pattern[index]
            index += 1
            switch scalar {
            case "i": result.caseInsensitive = !negated; sawFlag = true
            case "m": result.multiLine = !negated; sawFlag = true
            case "s": result.dotMatchesNewline = !negated; sawFlag = true
            case "U": result.ungreedy = !negated; sawFlag = true
            case "-" where !negated: negated = true; sawFlag = false
            case ":", ")":
                // (?:...) needs no flags; (?) and a dangling (?i-) do.
                guard sawFlag || (scalar == ":" && !negated) else {
                    throw RegexSyntaxError(message: "missing flags in \(text(from: start, to: index))", offset: start)
                }
                return result
            default:
                throw RegexSyntaxError(
                    message: "unknown group flag \(scalar) in \(text(from: start, to: index)) (RE2 knows i, m, s and U)",
                    offset: index - 1)
            }
        }
        throw RegexSyntaxError(message: "missing ) to close the group opened here", offset: start)
    }

    /// Handles `)`: finishes the innermost group and adds it to its parent.
    private mutating func closeGroup() throws(RegexSyntaxError) {
        guard let parent = enclosing.popLast() else {
            throw RegexSyntaxError(message: "unexpected ) with no group to close", offset: index)
        }
        index += 1
        let finished = current
        var node = RegexNode.choice(finished.branches + [.sequence(finished.items)])
        if case .capture(let number, let name) = finished.kind { node = .capture(node, index: number, name: name) }
        current = parent
        flags = finished.outerFlags
        append(node)
    }

    // MARK: Helpers

    /// The scalar `ahead` places after `index`, or nil past the end.
    func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        index + ahead < pattern.count ? pattern[index + ahead] : nil
    }

    /// The pattern text between two offsets, for quoting in messages.
    func text(from start: Int, to end: Int) -> String {
        var text = ""
        text.unicodeScalars.append(contentsOf: pattern[start..<Swift.min(end, pattern.count)])
        return text
    }

    /// The error for a Perl feature RE2 leaves out; `what` ends in "is"/"are".
    func unsupported(_ what: String, at offset: Int) -> RegexSyntaxError {
        RegexSyntaxError(message: "\(what) not supported (patterns use RE2 syntax)", offset: offset)
    }
}

// MARK: - Escapes and bracket classes

extension RegexParser {
    /// Handles `\` outside brackets: assertions, `\Q...\E`, class escapes and escaped scalars.
    mutating func escapeOutsideClass() throws(RegexSyntaxError) {
        switch peek(1) {
        case "A"?: index += 2; append(.assertion(.beginText))
        case "z"?: index += 2; append(.assertion(.endText))
        case "b"?: index += 2; append(.assertion(.wordBoundary))
        case "B"?: index += 2; append(.assertion(.notWordBoundary))
        case "Q"?:
            // Everything up to \E (or the end) is literal; each scalar is its own item so that
            // `\Qab\E*` repeats only the b, as in RE2.
            index += 2
            while let scalar = peek(), !(scalar == "\\" && peek(1) == "E") {
                appendLiteral(scalar.value)
                index += 1
            }
            if peek() != nil { index += 2 }
        default:
            if let set = try classEscape() {
                append(.charClass(set.finished(inverted: false, foldingCase: flags.caseInsensitive)))
            } else {
                appendLiteral(try escapedScalar())
            }
        }
    }

    /// Parses `\d \D \s \S \w \W \pL \p{Name} \p{^Name} \PL` at `index` (on the backslash) into
    /// an unfolded class, or returns nil without moving if the escape is something else.
    mutating func classEscape() throws(RegexSyntaxError) -> CharacterClass? {
        let start = index
        guard let letter = peek(1) else { return nil }
        if let perl = CharacterClass.perl(letter) {
            index += 2
            return perl
        }
        guard letter == "p" || letter == "P" else { return nil }
        index += 2
        var name: String
        if peek() == "{" {
            guard let close = pattern[index...].firstIndex(of: "}") else {
                throw RegexSyntaxError(message: "missing } after \(text(from: start, to: index + 1))", offset: start)
            }
            name = text(from: index + 1, to: close)
            index = close + 1
        } else {
            guard let single = peek() else {
                throw RegexSyntaxError(message: "missing class name after \\\(letter)", offset: start)
            }
            name = String(single)
            index += 1
        }
        var negated = letter == "P"
        if name.hasPrefix("^") {
            negated.toggle()
            name.removeFirst()
        }
        guard let set = CharacterClass.unicode(named: name) else {
            throw RegexSyntaxError(
                message: "unknown Unicode class \(text(from: start, to: index)) (try L, Lu, Ll, N, Nd, P, Han, Latin, Greek or Cyrillic)",
                offset: start)
        }
        return negated ? set.complemented() : set
    }

    /// Parses an escape standing for one scalar (`\n`, `\x41`, `\x{1F600}`, `\012`, `\.`) at
    /// `index` (on the backslash), refusing backreferences and escapes RE2 does not know.
    mutating func escapedScalar() throws(RegexSyntaxError) -> UInt32 {
        let start = index
        guard let letter = peek(1) else {
            throw RegexSyntaxError(message: "the pattern ends with a lone \\ (write \\\\ for a backslash)", offset: start)
        }
        index += 2
        switch letter {
        case "a": return 0x07
        case "f": return 0x0C
        case "t": return 0x09
        case "n": return 0x0A
        case "r": return 0x0D
        case "v": return 0x0B
        case "x": return try hexEscape(start: start)
        // RE2 reads \0 and \1–\7 followed by another octal digit as octal (up to three digits);
        // a lone \1–\9 would be a backreference.
        case "0"..."7" where letter == "0" || ("0"..."7").contains(peek() ?? "x"):
            var value = letter.value - 0x30
            for _ in 0..<2 {
                guard let digit = peek(), ("0"..."7").contains(digit) else { break }
                value = value * 8 + digit.value - 0x30
                index += 1
            }
            return value
        case "1"..."9":
            throw unsupported("backreferences like \\\(letter) are", at: start)
        case "Z":
            throw RegexSyntaxError(message: "\\Z is not supported; use \\z for the end of the text", offset: start)
        case "C":
            throw unsupported("\\C (a single byte) is", at: start)
        case "b", "B", "A", "z":
            // Outside brackets these are assertions, handled before we get here.
            throw RegexSyntaxError(message: "\\\(letter) cannot be used inside a character class", offset: start)
        default:
            // Any escaped ASCII punctuation stands for itself; escaped letters are reserved.
            let isAlphanumeric = letter.properties.isAlphabetic || ("0"..."9").contains(letter)
            if letter.isASCII && !isAlphanumeric { return letter.value }
            throw RegexSyntaxError(message: "unknown escape \\\(letter)", offset: start)
        }
    }

    /// Parses the digits of `\x41` or `\x{1F600}` (index just past the `x`).
    private mutating func hexEscape(start: Int) throws(RegexSyntaxError) -> UInt32 {
        func hexValue(_ scalar: Unicode.Scalar?) -> UInt32? {
            guard let scalar, scalar.isASCII, let digit = UInt32(String(scalar), radix: 16) else { return nil }
            return digit
        }
        var value: UInt32 = 0
        if peek() == "{" {
            index += 1
            var digits = 0
            while let digit = hexValue(peek()) {
                value = value * 16 + digit
                digits += 1
                index += 1
                if value > CharacterClass.maxScalar {
                    throw RegexSyntaxError(message: "\(text(from: start, to: index)) is beyond the largest Unicode scalar \\x{10FFFF}", offset: start)
                }
            }
            guard digits > 0 && peek() == "}" else {
                throw RegexSyntaxError(message: "invalid escape \(text(from: start, to: index + 1)): write \\x41 or \\x{1F600}", offset: start)
            }
            index += 1
            return value
        }
        guard let high = hexValue(peek()), let low = hexValue(peek(1)) else {
            throw RegexSyntaxError(message: "invalid escape \(text(from: start, to: index + 2)): write \\x41 or \\x{1F600}", offset: start)
        }
        index += 2
        return high * 16 + low
    }

    /// Parses a bracket class `[...]` at `index`, sealed with the current case folding.
    mutating func bracketClass() throws(RegexSyntaxError) -> CharacterClass {
        let start = index
        index += 1
        let inverted = peek() == "^"
        if inverted { index += 1 }
        var set = CharacterClass()
        var first = true
        while true {
            guard let scalar = peek() else {
                throw RegexSyntaxError(message: "missing ] to close the character class opened here", offset: start)
            }
            // A ] right after [ or [^ is a literal, as in RE2.
            if scalar == "]" && !first {
                index += 1
                break
            }
            first = false
            if scalar == "[" && peek(1) == ":", let posix = try posixClass() {
                set.formUnion(posix)
                continue
            }
            let itemStart = index
            if scalar == "\\", let escape = try classEscape() {
                set.formUnion(escape)
                continue
            }
            let low = try classScalar()
            // A - just before ] is a literal, so [a-] holds a and -.
            guard peek() == "-", let after = peek(1), after != "]" else {
                set.insert(low...low)
                continue
            }
            index += 1
            if after == "\\", try classEscape() != nil {
                throw RegexSyntaxError(
                    message: "invalid character range \(text(from: itemStart, to: index)): a range must end with a single character",
                    offset: itemStart)
            }
            let high = try classScalar()
            guard low <= high else {
                throw RegexSyntaxError(
                    message: "invalid character range \(text(from: itemStart, to: index)): the first character must not come after the second",
                    offset: itemStart)
            }
            set.insert(low...high)
        }
        return set.finished(inverted: inverted, foldingCase: flags.caseInsensitive)
    }

    /// One scalar inside brackets, plain or escaped.
    private mutating func classScalar() throws(RegexSyntaxError) -> UInt32 {
        guard let scalar = peek() else { return 0 }
        if scalar == "\\" { return try escapedScalar() }
        index += 1
        return scalar.value
    }

    /// Parses `[:alpha:]` or `[:^alpha:]` at `index` inside brackets; returns nil (not moving)
    /// when no `:]` follows the name, in which case the `[` is an ordinary member.
    private mutating func posixClass() throws(RegexSyntaxError) -> CharacterClass? {
        var end = index + 2
        while end < pattern.count && (pattern[end] == "^" || (pattern[end].isASCII && pattern[end].properties.isAlphabetic)) {
            end += 1
        }
        guard end + 1 < pattern.count, pattern[end] == ":", pattern[end + 1] == "]" else { return nil }
        var name = text(from: index + 2, to: end)
        let negated = name.hasPrefix("^")
        if negated { name.removeFirst() }
        guard let set = CharacterClass.posix(named: name) else {
            throw RegexSyntaxError(message: "unknown POSIX class \(text(from: index, to: end + 2))", offset: index)
        }
        index = end + 2
        return negated ? set.complemented() : set
    }
}

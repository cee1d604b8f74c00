/// A zero-width test at a position between two scalars.
enum RegexAssertion: UInt8, Hashable, Sendable {
    /// `\A`, or `^` without `(?m)`: the start of the text.
    case beginText
    /// `\z`, or `$` without `(?m)`: the end of the text. (RE2's `$` does not match before a final
    /// newline, unlike Perl's.)
    case endText
    /// `^` under `(?m)`: the start of the text or just after a `\n`.
    case beginLine
    /// `$` under `(?m)`: the end of the text or just before a `\n`.
    case endLine
    /// `\b`: an ASCII word character on exactly one side.
    case wordBoundary
    /// `\B`: not a word boundary.
    case notWordBoundary
}

/// The parsed form of a pattern.
///
/// The parser has already resolved flags: `(?i)` literals arrive as classes of their case
/// variants, `.` knows whether it matches `\n`, and `^`/`$` know whether they are line anchors.
/// So the compiler needs no flag state, and two spellings of one pattern give equal trees.
indirect enum RegexNode: Equatable, Sendable {
    /// Matches the empty string (an empty pattern, branch or group).
    case empty
    /// One exact scalar value.
    case scalar(UInt32)
    /// One scalar from a set (a bracket class, `\d`, `\pL`, or a case-folded literal).
    case charClass(CharacterClass)
    /// `.`: any scalar, except `\n` unless `(?s)` is on.
    case anyScalar(matchesNewline: Bool)
    /// A zero-width assertion.
    case assertion(RegexAssertion)
    /// The parts in order.
    case concatenation([RegexNode])
    /// Any one of the branches.
    case alternation([RegexNode])
    /// `body` at least `min` and at most `max` (nil: unbounded) times. `greedy` is kept for
    /// fidelity only: a yes/no match does not depend on it. `offset` is where the operator
    /// starts in the pattern, for size errors.
    case repetition(RegexNode, min: Int, max: Int?, greedy: Bool, offset: Int)
    /// A capturing group `( )`, numbered from 1 and possibly named. Matching ignores captures;
    /// they are kept so the tree mirrors the pattern.
    case capture(RegexNode, index: Int, name: String?)

    /// A concatenation, flattened and with empty parts dropped, so trees stay shallow and the
    /// compiler never sees one-element or nested sequences.
    static func sequence(_ parts: [RegexNode]) -> RegexNode {
        var flat: [RegexNode] = []
        for part in parts {
            switch part {
            case .empty: continue
            case .concatenation(let inner): flat += inner
            default: flat.append(part)
            }
        }
        switch flat.count {
        case 0: return .empty
        case 1: return flat[0]
        default: return .concatenation(flat)
        }
    }

    /// An alternation, flattened, with neighbouring single-scalar branches merged into one class:
    /// `gold|g|s` costs one VM thread for `g|s` instead of two. Only neighbours are merged so the
    /// branch order (and with it RE2's leftmost-first preference) is unchanged.
    static func choice(_ branches: [RegexNode]) -> RegexNode {
        var flat: [RegexNode] = []
        for branch in branches {
            let parts: [RegexNode]
            if case .alternation(let inner) = branch { parts = inner } else { parts = [branch] }
            for part in parts {
                if let last = flat.last, let merged = mergedSingleScalars(last, part) {
                    flat[flat.count - 1] = merged
                } else {
                    flat.append(part)
                }
            }
        }
        return flat.count == 1 ? flat[0] : .alternation(flat)
    }

    /// The union of two single-scalar nodes as one class, or nil if either is something else
    /// (or a class that cannot be unioned, such as an inverted category class).
    private static func mergedSingleScalars(_ a: RegexNode, _ b: RegexNode) -> RegexNode? {
        func asClass(_ node: RegexNode) -> CharacterClass? {
            switch node {
            case .scalar(let value): return CharacterClass([value...value])
            case .charClass(let set) where !set.isInverted && !set.foldsCategories: return set
            default: return nil
            }
        }
        guard var union = asClass(a), let other = asClass(b) else { return nil }
        union.formUnion(other)
        return .charClass(union.finished(inverted: false, foldingCase: false))
    }

    /// Whether every match must start at the beginning of the text, so the matcher need not try
    /// later starting positions (`^WIN-[0-9]{3}$`). Walks the leading parts of the tree with a
    /// worklist rather than recursion, since the tree may be 1000 groups deep.
    var isAnchoredAtTextStart: Bool {
        var pending = [self]
        while let node = pending.popLast() {
            switch node {
            case .assertion(.beginText): continue
            case .concatenation(let parts): pending.append(parts[0])
            case .alternation(let branches): pending += branches
            case .capture(let body, _, _): pending.append(body)
            case .repetition(let body, let min, _, _, _) where min > 0: pending.append(body)
            default: return false
            }
        }
        return true
    }

    /// The tree with a leading `.*` removed wherever it may start a match.
    ///
    /// For an unanchored yes/no search, `.*X` matches somewhere exactly when `X` does (the `.*`
    /// may match the empty string right before `X`). Dropping it matters for speed: a pattern
    /// like `.*(gold|silver).*` otherwise starts with "any scalar", which defeats the matcher's
    /// skip-ahead to the scalars a match can start with. Only the first `depth` levels are
    /// rewritten, which keeps the recursion shallow; deeper `.*`s are kept (correct, just slower).
    func droppingLeadingDotStar(depth: Int = 16) -> RegexNode {
        guard depth > 0 else { return self }
        switch self {
        case .repetition(.anyScalar, 0, nil, _, _):
            return .empty
        case .concatenation(let parts):
            return .sequence([parts[0].droppingLeadingDotStar(depth: depth - 1)] + parts.dropFirst())
        case .alternation(let branches):
            return .alternation(branches.map { $0.droppingLeadingDotStar(depth: depth - 1) })
        case .capture(let body, let index, let name):
            return .capture(body.droppingLeadingDotStar(depth: depth - 1), index: index, name: name)
        default:
            return self
        }
    }
}

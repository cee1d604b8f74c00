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
    /// branch order (and with it RE2's leftmost-first preference) is unchanged, and each run is
    /// sealed once, so a long `a|b|c|…` stays linear.
    static func choice(_ branches: [RegexNode]) -> RegexNode {
        var flat: [RegexNode] = []
        // The current run of mergeable branches, as written and as classes.
        var run: [(node: RegexNode, set: CharacterClass)] = []
        func flushRun() {
            if run.count == 1 {
                flat.append(run[0].node)
            } else if run.count > 1 {
                var union = CharacterClass()
                for entry in run { union.formUnion(entry.set) }
                flat.append(.charClass(union.finished(inverted: false, foldingCase: false)))
            }
            run = []
        }
        for branch in branches {
            let parts: [RegexNode]
            if case .alternation(let inner) = branch { parts = inner } else { parts = [branch] }
            for part in parts {
                switch part {
                case .scalar(let value):
                    run.append((part, CharacterClass([value...value])))
                case .charClass(let set) where !set.isInverted && !set.foldsCategories:
                    run.append((part, set))
                default:
                    flushRun()
                    flat.append(part)
                }
            }
        }
        flushRun()
        return flat.count == 1 ? flat[0] : .alternation(flat)
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

    /// Releases a tree without deep recursion.
    ///
    /// Letting a 1000-group-deep tree go out of scope frees it recursively inside the runtime,
    /// several stack frames per level (about 1 MB at the nesting limit). Here each node's
    /// children are first moved to a worklist, so when a node is freed its children are still
    /// referenced and nothing below it is freed in the same call. The caller must hand over its
    /// only reference (`consume`), or the tree stays alive and this does nothing useful.
    static func dismantle(_ root: consuming RegexNode) {
        dismantle([root])
    }

    /// `dismantle` for several trees at once.
    static func dismantle(_ roots: consuming [RegexNode]) {
        var pending = roots
        while let node = pending.popLast() {
            switch node {
            case .concatenation(let parts), .alternation(let parts): pending += parts
            case .repetition(let body, _, _, _, _), .capture(let body, _, _): pending.append(body)
            default: break
            }
        }
    }
}

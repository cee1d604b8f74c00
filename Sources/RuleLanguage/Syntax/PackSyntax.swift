/// The syntax tree of one pack file: its header and declarations in source order.
/// Meaning (which names exist, what an action does) is given by the checker and engine.
public struct PackSyntax: Sendable {
    public var file: SourceFile
    /// `pack NAME "title"`; nil when the header is missing (already reported).
    public var name: Name?
    public var title: String?
    public var timezone: StringLiteral?
    /// `allow negative balance`: refunds may take a balance below zero.
    public var allowsNegativeBalance: SourceRange?
    public var parameters: [Definition] = []
    public var definitions: [Definition] = []
    public var accounts: [AccountSyntax] = []
    public var variables: [Definition] = []
    public var tiers: TierLadderSyntax?
    public var rules: [RuleSyntax] = []

    public init(file: SourceFile) {
        self.file = file
    }
}

/// A name with where it was written.
public struct Name: Sendable, Equatable {
    public var text: String
    public var range: SourceRange

    public init(_ text: String, _ range: SourceRange) {
        self.text = text
        self.range = range
    }
}

/// A string literal written where only a literal may appear (`timezone "+08:00"`, `reason "…"`).
public struct StringLiteral: Sendable {
    public var value: String
    public var range: SourceRange
}

/// `param NAME = EXPR`, `let NAME = EXPR` or `var NAME = EXPR`.
public struct Definition: Sendable {
    public var name: Name
    public var value: Expr
    public var range: SourceRange
}

/// `account NAME ["title"]`: an extra balance next to `points` (e.g. `growth`).
public struct AccountSyntax: Sendable {
    public var name: Name
    public var title: String?
}

/// `tiers a < b < c` with qualification conditions and the upgrade/downgrade policy.
public struct TierLadderSyntax: Sendable {
    public var names: [Name]
    public var conditions: [(tier: Name, condition: Expr)] = []
    public var upgrade: Policy?
    public var downgrade: Policy?
    public var review: Name?
    public var range: SourceRange

    public enum Policy: Sendable {
        case immediately(SourceRange)
        /// `upgrade after purchase`: immediately, but only after events of that type.
        case after(Name)
        case atReview(SourceRange)
        case never(SourceRange)
    }
}

/// `rule NAME on HOOK [when CONDITION]` and its clauses.
public struct RuleSyntax: Sendable {
    public var name: Name
    public var hook: Hook
    /// Further hooks of `on purchase, interaction`.
    public var moreHooks: [Hook] = []
    public var condition: Expr?
    public var clauses: [Clause] = []
    public var range: SourceRange

    /// Every hook the rule listens to.
    public var hooks: [Hook] { [hook] + moreHooks }

    public enum Hook: Sendable {
        /// `on purchase`, `on join`, any event type including custom ones.
        case event(Name)
        /// `on daily`, `on monthly`, `on quarterly`, `on yearly`, `on birthday`.
        case schedule(Name)
        /// `on inactive DURATION`: once when a member has made no purchase for that long.
        case inactive(Expr, SourceRange)
        /// `on tier_change`.
        case tierChange(SourceRange)

        public var name: Name {
            switch self {
            case .event(let name), .schedule(let name): name
            case .inactive(_, let range): Name("inactive", range)
            case .tierChange(let range): Name("tier_change", range)
            }
        }
    }
}

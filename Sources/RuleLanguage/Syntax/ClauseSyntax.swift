/// One line inside a rule: an action, a limit, or a rule-wide setting.
public struct Clause: Sendable {
    public var kind: Kind
    public var range: SourceRange

    public enum Kind: Sendable {
        /// `let NAME = EXPR`, visible to the rule's later clauses.
        case definition(Definition)
        /// `award EXPR ACCOUNT [to MEMBER] [expiring …] [reason "…"]`.
        case award(Transfer)
        /// `deduct EXPR ACCOUNT [from MEMBER] [reason "…"]`.
        case deduct(Transfer)
        /// `redeem EXPR points worth EXPR [each [up to EXPR]] [reason "…"]`.
        case redeem(Redemption)
        /// `grant EXPR [times EXPR] [worth EXPR] [expiring …] [to MEMBER] [reason "…"]`.
        case grant(Grant)
        /// `set tier EXPR` (up or down) or `raise tier to EXPR` (only up), optionally expiring.
        case tier(TierChange)
        /// `set NAME = EXPR` on one of the pack's `var`s.
        case assignment(name: Name, value: Expr)
        /// `stop`: later rules of the pack skip this event.
        case stop
        /// `once per day` / `once per EXPR` / `once`.
        case once(Period)
        /// `cap EXPR ACCOUNT per PERIOD`.
        case cap(amount: Expr, account: Name, period: Period)
        /// `reason EXPR`: the default reason of the rule's decisions (usually a string in
        /// quotes; any string expression, so a reason can name a param's value).
        case reason(Expr)
    }

    /// A calendar period (`day`, `week`, `month`, `quarter`, `year`, `event`, `ever`) or a key expression.
    public enum Period: Sendable {
        case calendar(Name)
        case key(Expr)
    }

    /// When an award lapses.
    public enum Expiry: Sendable {
        /// `expiring in EXPR`: a duration after the event.
        case after(Expr)
        /// `expiring on EXPR`: a timestamp (`date("2026-12-31")`).
        case on(Expr)
        /// `never expiring`.
        case never(SourceRange)
    }

    public struct Transfer: Sendable {
        public var amount: Expr
        public var account: Name
        public var member: Expr?
        public var expiry: Expiry?
        public var reason: Expr?
    }

    public struct Redemption: Sendable {
        public var points: Expr
        public var account: Name
        public var worth: Expr
        /// True for `worth X each` (value per point), false for a total value.
        public var isPerPoint: Bool
        public var cap: Expr?
        public var reason: Expr?
    }

    public struct Grant: Sendable {
        public var benefit: Expr
        public var count: Expr?
        public var worth: Expr?
        public var expiry: Expiry?
        public var member: Expr?
        public var reason: Expr?
    }

    public struct TierChange: Sendable {
        public var tier: Expr
        /// `raise tier to`: never lowers.
        public var onlyUp: Bool
        public var expiry: Expiry?
        public var reason: Expr?
    }
}

import RuleLanguage

/// A loaded, checked and compiled rule pack: everything the engine needs to run it, with
/// every name already resolved to an index.
public final class CompiledPack: @unchecked Sendable {
    public let name: String
    public let title: String?
    public let file: SourceFile
    /// A hash of the pack's text, so reloads and stamped decisions name a version.
    public let version: String
    let index: Int
    let zone: TimeZoneRule
    let allowsNegativeBalance: Bool
    /// Account names; `points` is always index 0.
    let accounts: [String]
    let variableNames: [String]
    let variableDefaults: [Value]
    public let parameters: [(name: String, value: Value)]
    let ladder: CompiledLadder?
    /// Rules by hook, each list in file order.
    let rules: [Hook: [CompiledRule]]
    /// One compiled rule per rule of the file, in file order (rule indices point here); a
    /// rule on several hooks appears here once and in `rules` under each hook.
    let allRules: [CompiledRule]
    /// Slots an activation for this pack needs.
    let slotCount: Int
    /// The activation reused for every evaluation of this pack's expressions.
    let activation: Activation

    init(name: String, title: String?, file: SourceFile, index: Int, zone: TimeZoneRule, allowsNegativeBalance: Bool,
         accounts: [String], variableNames: [String], variableDefaults: [Value], parameters: [(String, Value)],
         ladder: CompiledLadder?, allRules: [CompiledRule], slotCount: Int) {
        self.name = name
        self.title = title
        self.file = file
        self.version = Fingerprint.of(file.bytes)
        self.index = index
        self.zone = zone
        self.allowsNegativeBalance = allowsNegativeBalance
        self.accounts = accounts
        self.variableNames = variableNames
        self.variableDefaults = variableDefaults
        self.parameters = parameters
        self.ladder = ladder
        var firstOfEach: [CompiledRule] = []
        for rule in allRules where firstOfEach.last?.index != rule.index { firstOfEach.append(rule) }
        self.allRules = firstOfEach
        self.rules = Dictionary(grouping: allRules, by: \.hook)
        self.slotCount = slotCount
        self.activation = Activation(slotCount: slotCount)
    }

    /// The hooks a pack can subscribe to.
    enum Hook: Hashable, Sendable {
        case event(String)
        case schedule(Schedule)
        case inactive
        case tierChange
    }

    enum Schedule: String, Sendable, CaseIterable {
        case daily, monthly, quarterly, yearly, birthday

        var period: CalendarPeriod? {
            switch self {
            case .daily: .day
            case .monthly: .month
            case .quarterly: .quarter
            case .yearly: .year
            case .birthday: nil
            }
        }
    }
}

/// One rule, compiled. A class, so running rules does not copy (and retain) its fields.
final class CompiledRule: Sendable {
    let index: Int
    /// `pack.rule`.
    let qualifiedName: String
    let name: String
    /// `rules/bench.rules:23:1`.
    let location: String
    /// The pack file, to place run-time errors.
    let file: SourceFile
    let hook: CompiledPack.Hook
    let condition: Program?
    let actions: [CompiledAction]
    let once: OncePolicy?
    let caps: [CompiledCap]
    let stops: Bool
    /// For `on inactive DURATION`.
    let inactivity: TimeSpan?

    init(index: Int, qualifiedName: String, name: String, location: String, file: SourceFile, hook: CompiledPack.Hook,
         condition: Program?, actions: [CompiledAction], once: OncePolicy?, caps: [CompiledCap], stops: Bool, inactivity: TimeSpan?) {
        self.index = index
        self.qualifiedName = qualifiedName
        self.name = name
        self.location = location
        self.file = file
        self.hook = hook
        self.condition = condition
        self.actions = actions
        self.once = once
        self.caps = caps
        self.stops = stops
        self.inactivity = inactivity
    }
}

enum OncePolicy: Sendable {
    case ever
    case calendar(CalendarPeriod)
    case key(Program)
}

struct CompiledCap: Sendable {
    let amount: Program
    let account: Int
    let period: CalendarPeriod?
}

/// When an award or benefit lapses.
enum CompiledExpiry: Sendable {
    case never
    case after(Program)
    case on(Program)
}

/// A decision's reason: fixed text, or an expression evaluated when the decision is made.
enum CompiledReason: Sendable {
    case none
    case text(String)
    case computed(Program)
}

/// One action of a rule, with its expressions compiled and its account resolved.
enum CompiledAction: Sendable {
    case award(amount: Program, account: Int, member: Program?, expiry: CompiledExpiry, reason: CompiledReason, location: String)
    case deduct(amount: Program, account: Int, member: Program?, reason: CompiledReason, location: String)
    case redeem(points: Program, account: Int, worth: Program, isPerPoint: Bool, cap: Program?, reason: CompiledReason, location: String)
    case grant(benefit: Program, count: Program?, worth: Program?, expiry: CompiledExpiry, member: Program?, reason: CompiledReason, location: String)
    case tier(tier: Program, onlyUp: Bool, expiry: CompiledExpiry, reason: CompiledReason, location: String)
    case assign(variable: Int, value: Program, location: String)
}

/// The tier ladder: names lowest first, a qualification condition per tier above the
/// first, and the upgrade/downgrade policy.
struct CompiledLadder: Sendable {
    let names: [String]
    /// `conditions[i]` qualifies for tier `i`; nil for the first tier (everyone qualifies).
    let conditions: [Program?]
    let upgradesImmediately: Bool
    /// With `upgrade after purchase`: the event type after which the event's member is
    /// upgraded; nil means after any event, for every member it changed.
    let upgradesAfter: String?
    let upgradesAtReview: Bool
    let downgradesAtReview: Bool
    let review: CalendarPeriod?
}

/// A short content hash (FNV-1a, 64 bits) naming a pack version.
enum Fingerprint {
    static func of(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let text = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}

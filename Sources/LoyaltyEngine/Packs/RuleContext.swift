import RuleLanguage

/// What the compiled rules read while they run: the member being evaluated, the time, and
/// what this event has awarded so far. The engine updates it before each evaluation; the
/// member object's accessors, compiled once per pack, read it. One engine, one thread.
final class RuleContext: @unchecked Sendable {
    let directory: MemberDirectory
    let metrics: MetricRegistry
    /// The member the rules are running for.
    var member: Int32 = 0
    /// The time of the event or schedule being processed (event time, never the wall clock).
    var time = Instant.minimum
    /// Points awarded in the current event, by (member, pack, rule).
    var awarded: [(member: Int32, pack: Int, rule: Int, points: Int64)] = []
    /// In a partitioned run: ids of other partitions' members that `is_member` had to assume
    /// known in the current event; an effect forwarded to one of them applies only if it is.
    var assumedMembers: Set<String> = []
    var partition: Partition?
    /// Points redeemed in the current event, by (member, pack, account).
    var redeemed: [(member: Int32, pack: Int, account: Int, points: Int64)] = []

    init(directory: MemberDirectory, metrics: MetricRegistry) {
        self.directory = directory
        self.metrics = metrics
    }

    func awardedPoints(member: Int32, pack: Int, rule: Int) -> Int64 {
        var total: Int64 = 0
        for entry in awarded where entry.member == member && entry.pack == pack && entry.rule == rule {
            total += entry.points
        }
        return total
    }

    func redeemedPoints(member: Int32, pack: Int, account: Int) -> Int64 {
        var total: Int64 = 0
        for entry in redeemed where entry.member == member && entry.pack == pack && entry.account == account {
            total += entry.points
        }
        return total
    }

    /// Total and count of a member's purchases or interactions in a registered window.
    func totals(_ log: ActivityKind, window: Int, tag: String? = nil) -> (ExactDecimal, Int64) {
        let definition = metrics.windows[window]
        let time = self.time
        return directory[member][activity: log].totals(window: window, at: time, tag: tag) { definition.isInside($0, at: $1) }
    }
}

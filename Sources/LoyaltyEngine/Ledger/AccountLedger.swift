import RuleLanguage

/// One member's balance in one account of one pack: lots oldest first, plus a debt for
/// clawbacks that found no points left (only where the pack allows a negative balance).
///
/// Invariant: `balance == (remaining of all lots) + debt`, and `debt <= 0`.
///
/// While an event is applied the ledger keeps a journal of the lots it changed, so a failed
/// event can be undone without copying the lots (see `Transaction`); used-up lots are
/// dropped only when the event commits.
struct AccountLedger: Sendable {
    private(set) var lots: [PointLot] = []
    /// Lots before this index are used up; they are dropped in batches.
    private var head = 0
    private(set) var balance: Int64 = 0
    private(set) var debt: Int64 = 0
    /// All points ever awarded, net of clawbacks (`member.lifetime("points")`).
    private(set) var lifetime: Int64 = 0
    /// `lots.count` when the current event began, or -1 outside an event.
    private var journalBase = -1
    /// Earlier values of `remaining` of lots that existed before the event.
    private var journal: [(index: Int, remaining: Int64)] = []

    init(lots: [PointLot] = [], debt: Int64 = 0, lifetime: Int64 = 0) {
        self.lots = lots
        self.debt = debt
        self.lifetime = lifetime
        self.balance = lots.reduce(debt) { $0 + $1.remaining }
    }

    /// The lots with points left, oldest first.
    var liveLots: [PointLot] { lots[head...].filter { $0.remaining != 0 } }

    /// The most points an account may hold, and a deduction into debt may take: 10^18, far
    /// beyond any real program, so that balances, debts and their sums stay well inside
    /// `Int64` (9.2 × 10^18). A rule going past it fails its event instead of overflowing.
    static let maximumPoints: Int64 = 1_000_000_000_000_000_000

    /// Whether awarding `points` keeps the balance within `maximumPoints`.
    func canAward(_ points: Int64) -> Bool {
        points <= Self.maximumPoints - max(balance, 0)
    }

    /// Whether taking `points` (into debt, where allowed) keeps the balance above `-maximumPoints`.
    func canTake(_ points: Int64) -> Bool {
        points <= Self.maximumPoints && balance - points >= -Self.maximumPoints
    }

    mutating func award(_ lot: PointLot) {
        lots.append(lot)
        balance += lot.remaining
        // A statistic, not part of the balance: saturates rather than trap.
        let (sum, overflow) = lifetime.addingReportingOverflow(lot.remaining)
        lifetime = overflow ? .max : sum
    }

    /// Lapses the lot with this id; returns the points that lapsed, nil if none were left.
    mutating func expire(lotID: UInt64) -> (points: Int64, lot: PointLot)? {
        guard let index = index(of: lotID), lots[index].remaining > 0 else { return nil }
        let lot = lots[index]
        setRemaining(index, 0)
        balance -= lot.remaining
        compactIfIdle()
        return (lot.remaining, lot)
    }

    /// Spends points oldest lot first (redemption, deduction). With `allowingDebt`, what
    /// the lots cannot cover becomes debt; otherwise only what is there is taken.
    /// Returns the points actually taken.
    mutating func consumeOldest(_ points: Int64, allowingDebt: Bool) -> Int64 {
        var left = points
        var index = head
        while left > 0, index < lots.count {
            let take = min(left, max(0, lots[index].remaining))
            if take > 0 { setRemaining(index, lots[index].remaining - take) }
            left -= take
            index += 1
        }
        var taken = points - left
        if left > 0, allowingDebt {
            debt -= left
            taken = points
        }
        balance -= taken
        compactIfIdle()
        return taken
    }

    /// Spends points oldest lot first without going below zero (redemption), returning what
    /// each lot gave and when it would have lapsed, so a refund can give points back as they were.
    mutating func spendOldest(_ points: Int64) -> [(points: Int64, expiresAt: Instant?)] {
        var spent: [(points: Int64, expiresAt: Instant?)] = []
        var left = points
        var index = head
        while left > 0, index < lots.count {
            let take = min(left, max(0, lots[index].remaining))
            if take > 0 {
                setRemaining(index, lots[index].remaining - take)
                spent.append((take, lots[index].expiresAt))
            }
            left -= take
            index += 1
        }
        balance -= points - left
        compactIfIdle()
        return spent
    }

    /// Claws back points from the newest lots first (refunds); the rest becomes debt if allowed.
    mutating func clawBackNewest(_ points: Int64, allowingDebt: Bool) -> Int64 {
        var left = points
        var index = lots.count - 1
        while left > 0, index >= head {
            let take = min(left, max(0, lots[index].remaining))
            if take > 0 { setRemaining(index, lots[index].remaining - take) }
            left -= take
            index -= 1
        }
        var taken = points - left
        if left > 0, allowingDebt {
            debt -= left
            taken = points
        }
        balance -= taken
        lifetime -= taken
        compactIfIdle()
        return taken
    }

    // MARK: - Events

    /// Starts journaling for an event.
    mutating func beginEvent() {
        journalBase = lots.count
        journal.removeAll(keepingCapacity: true)
    }

    /// Ends the event: forgets the journal and drops used-up lots.
    mutating func commitEvent() {
        journalBase = -1
        journal.removeAll()
        compact()
    }

    /// The lots as they were when the event began (new lots removed, changes undone).
    func lotsBeforeEvent() -> [PointLot] {
        guard journalBase >= 0 else { return lots }
        var restored = Array(lots.prefix(journalBase))
        for entry in journal.reversed() { restored[entry.index].remaining = entry.remaining }
        return restored
    }

    /// A copy without the lots, for a transaction's snapshot (so the live lots are not shared).
    func withoutLots() -> AccountLedger {
        var copy = self
        copy.lots = []
        copy.journal = []
        copy.journalBase = -1
        return copy
    }

    /// Puts lots back into a snapshot copy.
    mutating func restoreLots(_ restored: [PointLot]) {
        lots = restored
    }

    private mutating func setRemaining(_ index: Int, _ remaining: Int64) {
        if index < journalBase { journal.append((index, lots[index].remaining)) }
        lots[index].remaining = remaining
    }

    private func index(of lotID: UInt64) -> Int? {
        var low = head
        var high = lots.count
        while low < high {
            let mid = (low + high) / 2
            if lots[mid].id < lotID { low = mid + 1 } else { high = mid }
        }
        return low < lots.count && lots[low].id == lotID ? low : nil
    }

    /// Compacts now unless an event is journaling (then at commit).
    private mutating func compactIfIdle() {
        if journalBase < 0 { compact() }
    }

    /// Advances past used-up lots and drops them in batches; trailing empty lots go too.
    private mutating func compact() {
        while let last = lots.last, last.remaining == 0, lots.count > head { lots.removeLast() }
        while head < lots.count, lots[head].remaining == 0 { head += 1 }
        if head == lots.count {
            lots.removeAll(keepingCapacity: true)
            head = 0
        } else if head > 32, head * 2 > lots.count {
            lots.removeFirst(head)
            head = 0
        }
    }
}

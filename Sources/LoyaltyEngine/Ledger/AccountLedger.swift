import RuleLanguage

/// One member's balance in one account of one pack: lots oldest first, plus a debt for
/// clawbacks that found no points left (only where the pack allows a negative balance).
///
/// Invariant: `balance == lots.remaining.sum() + debt`, and `debt <= 0`.
struct AccountLedger: Sendable {
    private(set) var lots: [PointLot] = []
    /// Lots before this index are used up; they are dropped in batches.
    private var head = 0
    private(set) var balance: Int64 = 0
    private(set) var debt: Int64 = 0
    /// All points ever awarded, net of clawbacks (`member.lifetime_points`).
    private(set) var lifetime: Int64 = 0

    var liveLots: ArraySlice<PointLot> { lots[head...].filter { $0.remaining != 0 }[...] }

    mutating func award(_ lot: PointLot) {
        lots.append(lot)
        balance += lot.remaining
        lifetime += lot.remaining
    }

    /// Lapses the lot with this id; returns the points that lapsed (0 if it was used up).
    mutating func expire(lotID: UInt64) -> (points: Int64, lot: PointLot)? {
        guard let index = index(of: lotID), lots[index].remaining > 0 else { return nil }
        let lot = lots[index]
        lots[index].remaining = 0
        balance -= lot.remaining
        compact()
        return (lot.remaining, lot)
    }

    /// Spends points oldest lot first (redemption, deduction). With `allowingDebt`, what
    /// the lots cannot cover becomes debt; otherwise only what is there is taken.
    /// Returns the points actually taken.
    mutating func consumeOldest(_ points: Int64, allowingDebt: Bool) -> Int64 {
        var left = points
        var index = head
        while left > 0, index < lots.count {
            let take = min(left, lots[index].remaining)
            lots[index].remaining -= take
            left -= take
            index += 1
        }
        var taken = points - left
        if left > 0, allowingDebt {
            debt -= left
            taken = points
        }
        balance -= taken
        compact()
        return taken
    }

    /// Claws back points from the newest lots first (refunds); the rest becomes debt if allowed.
    mutating func clawBackNewest(_ points: Int64, allowingDebt: Bool) -> Int64 {
        var left = points
        var index = lots.count - 1
        while left > 0, index >= head {
            let take = min(left, lots[index].remaining)
            lots[index].remaining -= take
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
        while let last = lots.last, last.remaining == 0, lots.count > head { lots.removeLast() }
        return taken
    }

    /// Sets the balance to zero (a "reset" plan): every lot and the debt are cleared.
    mutating func clear() -> Int64 {
        let cleared = balance
        lots.removeAll()
        head = 0
        debt = 0
        balance = 0
        return cleared
    }

    /// Restores a ledger read from a state file.
    init(lots: [PointLot] = [], debt: Int64 = 0, lifetime: Int64 = 0) {
        self.lots = lots
        self.debt = debt
        self.lifetime = lifetime
        self.balance = lots.reduce(debt) { $0 + $1.remaining }
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

    /// Advances past used-up lots and occasionally drops them.
    private mutating func compact() {
        while head < lots.count, lots[head].remaining == 0 { head += 1 }
        if head > 32, head * 2 > lots.count {
            lots.removeFirst(head)
            head = 0
        }
        if head == lots.count {
            lots.removeAll(keepingCapacity: true)
            head = 0
        }
    }
}

import RuleLanguage

/// A member's purchases or interactions over time, with running totals for each window
/// the packs ask about (`member.spend(days(365))`, `member.purchases("month")`), kept
/// incrementally: a query slides the window's start forward instead of rescanning history.
struct ActivityLog: Sendable {
    struct Entry: Sendable {
        var at: Instant
        /// Arrival order; with `at` it identifies the entry (a refund finds its purchase).
        var sequence: UInt64
        /// Net amount (purchase minus refunds) or 1 for an interaction.
        var amount: ExactDecimal
        /// Interaction action, for `member.interactions(window, "checkin")`.
        var tag: String?
    }

    /// A running total over the entries not yet left behind by the window's start.
    struct WindowTotal: Sendable {
        var front = 0
        var total = ExactDecimal(0)
        var count: Int64 = 0
        /// The latest query time; the window only slides forward.
        var lastQuery = Instant.minimum
    }

    private(set) var entries: [Entry] = []
    private var windows: [WindowTotal]
    /// While an event is applied: entries from this sequence on are the event's own, and
    /// `journal` holds earlier amounts the event changed (so it can be undone without a copy).
    private var journalSequence: UInt64?
    private var journal: [(at: Instant, sequence: UInt64, amount: ExactDecimal)] = []

    init(windowCount: Int) {
        windows = Array(repeating: WindowTotal(), count: windowCount)
    }

    var isEmpty: Bool { entries.isEmpty }
    var last: Entry? { entries.last }

    /// Adds an entry; entries stay sorted by (at, sequence) even when events arrive late.
    mutating func append(_ entry: Entry) {
        var position = entries.count
        while position > 0, (entries[position - 1].at, entries[position - 1].sequence) > (entry.at, entry.sequence) {
            position -= 1
        }
        entries.insert(entry, at: position)
        for index in windows.indices {
            if position < windows[index].front {
                // Inserted behind the window's start: it shifts the start, it is not in the total.
                windows[index].front += 1
            } else {
                windows[index].total = (try? windows[index].total.adding(entry.amount)) ?? windows[index].total
                windows[index].count += 1
            }
        }
    }

    /// Subtracts a refunded amount from the entry it belongs to.
    mutating func reduce(at: Instant, sequence: UInt64, by amount: ExactDecimal) {
        guard let position = position(at: at, sequence: sequence) else { return }
        if let journalSequence, sequence < journalSequence { journal.append((at, sequence, entries[position].amount)) }
        entries[position].amount = (try? entries[position].amount.subtracting(amount)) ?? entries[position].amount
        for index in windows.indices where position >= windows[index].front {
            windows[index].total = (try? windows[index].total.subtracting(amount)) ?? windows[index].total
        }
    }

    /// Total and count of entries inside window `index` at time `time`; `isInside(entryAt, time)`
    /// must be monotone: once an entry falls out at some time, it stays out at later times.
    mutating func totals(window index: Int, at time: Instant, tag: String? = nil,
                         isInside: (Instant, Instant) -> Bool) -> (total: ExactDecimal, count: Int64) {
        if tag != nil || time < windows[index].lastQuery {
            return scan(at: time, tag: tag, isInside: isInside)
        }
        windows[index].lastQuery = time
        while windows[index].front < entries.count, !isInside(entries[windows[index].front].at, time) {
            let entry = entries[windows[index].front]
            windows[index].total = (try? windows[index].total.subtracting(entry.amount)) ?? windows[index].total
            windows[index].count -= 1
            windows[index].front += 1
        }
        return (windows[index].total, windows[index].count)
    }

    /// Exact totals by a scan: for late queries, tagged counts and unregistered windows.
    func scan(at time: Instant, tag: String?, isInside: (Instant, Instant) -> Bool) -> (total: ExactDecimal, count: Int64) {
        var total = ExactDecimal(0)
        var count: Int64 = 0
        for entry in entries.reversed() {
            guard isInside(entry.at, time) else {
                if entry.at <= time { break }
                continue
            }
            if let tag, entry.tag != tag { continue }
            total = (try? total.adding(entry.amount)) ?? total
            count += 1
        }
        return (total, count)
    }

    /// Drops entries every window has left behind and that are older than `horizon`.
    mutating func compact(before horizon: Instant) {
        let leftBehind = windows.map(\.front).min() ?? entries.count
        var drop = 0
        while drop < leftBehind, entries[drop].at < horizon { drop += 1 }
        guard drop > 64, drop * 2 > entries.count else { return }
        entries.removeFirst(drop)
        for index in windows.indices { windows[index].front -= drop }
    }

    // MARK: - Events

    /// Starts journaling; entries with `sequence >= firstSequence` will belong to the event.
    mutating func beginEvent(firstSequence: UInt64) {
        journalSequence = firstSequence
        journal.removeAll(keepingCapacity: true)
    }

    mutating func commitEvent() {
        journalSequence = nil
        journal.removeAll()
    }

    /// The entries as they were when the event began.
    func entriesBeforeEvent() -> [Entry] {
        guard let journalSequence else { return entries }
        var restored = entries.filter { $0.sequence < journalSequence }
        for change in journal.reversed() {
            if let position = restored.firstIndex(where: { $0.sequence == change.sequence }) {
                restored[position].amount = change.amount
            }
        }
        return restored
    }

    /// A copy without the entries, for a transaction's snapshot (keeps the window totals).
    func withoutEntries() -> ActivityLog {
        var copy = self
        copy.entries = []
        copy.journal = []
        copy.journalSequence = nil
        return copy
    }

    mutating func restoreEntries(_ restored: [Entry]) {
        entries = restored
    }

    private func position(at: Instant, sequence: UInt64) -> Int? {
        var low = 0
        var high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if (entries[mid].at, entries[mid].sequence) < (at, sequence) { low = mid + 1 } else { high = mid }
        }
        guard low < entries.count, entries[low].sequence == sequence else { return nil }
        return low
    }
}

// MARK: - State file

extension ActivityLog {
    /// The running total of each metric window, for the state file (`State/`).
    var windowTotals: [WindowTotal] { windows }

    /// A log read from a state file, with its running totals exactly as they were saved.
    init(entries: [Entry], windowTotals: [WindowTotal]) {
        self.init(windowCount: 0)
        self.entries = entries
        self.windows = windowTotals
    }
}

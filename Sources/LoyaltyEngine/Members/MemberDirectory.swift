import RuleLanguage

/// All members, by arrival order, with an index by id. Arrival order is deterministic for
/// a given stream, so iterating it (scheduled hooks) gives stable output.
final class MemberDirectory: @unchecked Sendable {
    private(set) var members: [MemberState] = []
    private var indexByID: [String: Int32] = [:]
    /// Members by birthday month and day, for `on birthday`.
    private(set) var birthdays: [Int: [Int32]] = [:]

    var count: Int { members.count }

    func index(of id: String) -> Int32? {
        indexByID[id]
    }

    /// The member's index, creating the member if it is new.
    func findOrCreate(_ id: String, makeState: (String) -> MemberState) -> Int32 {
        if let index = indexByID[id] { return index }
        let index = Int32(members.count)
        members.append(makeState(id))
        indexByID[id] = index
        return index
    }

    subscript(index: Int32) -> MemberState {
        get { members[Int(index)] }
        _modify { yield &members[Int(index)] }
    }

    /// Sets (or with nil clears) a birthday, keeping the by-day index in step.
    func setBirthday(_ date: CivilDate?, for index: Int32) {
        if let old = members[Int(index)].birthday {
            birthdays[old.month * 100 + old.day]?.removeAll { $0 == index }
        }
        members[Int(index)].birthday = date
        if let date { birthdays[date.month * 100 + date.day, default: []].append(index) }
    }

    /// Removes members created after `count` (a rolled-back event created them).
    func truncate(to count: Int) {
        while members.count > count {
            let removed = members.removeLast()
            indexByID[removed.id] = nil
            if let date = removed.birthday {
                birthdays[date.month * 100 + date.day]?.removeAll { $0 == Int32(members.count) }
            }
        }
    }

    /// Replaces a member's state (rollback, state loading).
    func restore(_ state: MemberState, at index: Int32) {
        members[Int(index)] = state
    }

    var allIndices: Range<Int32> { 0..<Int32(members.count) }
}

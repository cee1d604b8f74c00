import RuleLanguage

/// Read-only views of an engine's members and packs for reports (`loyalty simulate`):
/// where each member ended up, without encoding a whole state snapshot.
extension Engine {
    /// The id of the member at `position` (`0..<memberCount`, in the order members were first seen).
    public func memberID(at position: Int) -> String {
        directory[Int32(position)].id
    }

    /// The member's tier in `packs[pack]`, as an index into that pack's `tierNames`.
    public func tierIndex(ofMemberAt position: Int, pack: Int) -> Int {
        directory[Int32(position)].packs[pack].tier
    }
}

extension CompiledPack {
    /// The tier ladder, lowest first; empty when the pack has no `tiers` declaration.
    public var tierNames: [String] { ladder?.names ?? [] }

    /// The pack's `timezone` (UTC when it declares none).
    public var timeZone: TimeZoneRule { zone }
}

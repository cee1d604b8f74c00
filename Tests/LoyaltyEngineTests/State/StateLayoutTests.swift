@testable import LoyaltyEngine
import RuleLanguage
import Testing

/// A tripwire: the state file must hold every stored field of these types (or the engine
/// restored from it would silently differ). When one of these sizes changes, a field was
/// added or changed: update `StateCodec` (and `docs/State.md`), then the size here.
@Suite struct StateLayoutTests {
    @Test(arguments: [
        ("MemberState", MemoryLayout<MemberState>.size, 192),
        ("PackMemberState", MemoryLayout<PackMemberState>.size, 64),
        ("AccountLedger", MemoryLayout<AccountLedger>.size, 56),
        ("PointLot", MemoryLayout<PointLot>.size, 64),
        ("ActivityLog", MemoryLayout<ActivityLog>.size, 40),
        ("ActivityLog.Entry", MemoryLayout<ActivityLog.Entry>.size, 64),
        ("ActivityLog.WindowTotal", MemoryLayout<ActivityLog.WindowTotal>.size, 52),
        ("PurchaseRecord", MemoryLayout<PurchaseRecord>.size, 96),
        ("PurchaseRecord.Movement", MemoryLayout<PurchaseRecord.Movement>.size, 37),
        ("CalendarSchedule", MemoryLayout<CalendarSchedule>.size, 29),
        ("MemberTimer", MemoryLayout<MemberTimer>.size, 36),
    ])
    func storedTypesAreCoveredByTheStateFile(type: String, size: Int, expected: Int) {
        #expect(size == expected, "\(type) changed size (\(expected) → \(size) bytes): make sure the state file stores the new field (State/StateCodec*.swift), then update this test")
    }
}

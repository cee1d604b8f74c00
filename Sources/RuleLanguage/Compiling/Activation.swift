/// The mutable state of one evaluation: variable slots (bound by the caller or by macros),
/// the per-event cache of `let` values, and the step budget.
///
/// Slots live in raw memory, not in an array property, so the compiled closures read them
/// without bounds checks or exclusivity bookkeeping — this is the innermost loop.
public final class Activation {
    public let slotCount: Int
    let slots: UnsafeMutablePointer<Value>
    /// `stamps[i] == stamp` means `slots[i]` holds this evaluation's cached `let` value.
    let stamps: UnsafeMutablePointer<UInt64>
    var stamp: UInt64 = 1
    /// Macro iterations so far, and the limit after which evaluation fails.
    var steps = 0
    public var stepLimit: Int

    public init(slotCount: Int, stepLimit: Int = EvaluationLimits.defaultStepLimit) {
        self.slotCount = max(slotCount, 1)
        self.stepLimit = stepLimit
        slots = .allocate(capacity: self.slotCount)
        slots.initialize(repeating: .null, count: self.slotCount)
        stamps = .allocate(capacity: self.slotCount)
        stamps.initialize(repeating: 0, count: self.slotCount)
    }

    deinit {
        slots.deinitialize(count: slotCount)
        slots.deallocate()
        stamps.deallocate()
    }

    /// Binds a caller-declared variable.
    public func bind(_ value: Value, to slot: Int) {
        precondition(slot >= 0 && slot < slotCount, "slot \(slot) out of range")
        slots[slot] = value
    }

    public func value(at slot: Int) -> Value {
        slots[slot]
    }

    /// Runs `body` once per element, in order, with the element in `slot` (a macro's
    /// variable); `body` returns a value to stop there with it, or nil to go on.
    ///
    /// The slot borrows each element: a bitwise copy, without a retain, which `elements`
    /// keeps alive meanwhile; on the way out the slot is cleared the same way (no release).
    /// Retaining and releasing each element was most of an item loop's cost. Reads of the
    /// slot copy the element as usual, so nothing can outlive `elements` unretained.
    @inline(__always)
    func forEach(_ elements: [Value], inSlot slot: Int, _ body: (_ position: Int) -> Value?) -> Value? {
        slots[slot] = .null
        let slotBytes = UnsafeMutableRawPointer(slots + slot)
        defer { slotBytes.initializeMemory(as: Value.self, repeating: .null, count: 1) }
        return elements.withUnsafeBufferPointer { buffer in
            for position in buffer.indices {
                slotBytes.copyMemory(from: buffer.baseAddress! + position, byteCount: MemoryLayout<Value>.size)
                if let result = body(position) { return result }
            }
            return nil
        }
    }

    /// Starts a new evaluation context (a new event): cached `let`s are recomputed and the
    /// step budget is refilled.
    public func beginEvaluation() {
        stamp &+= 1
        steps = 0
    }
}

/// Per-event evaluation limits, so that no rule can hang the stream.
public enum EvaluationLimits {
    /// Macro iterations (`all`, `map`, `filter`, …) per event, over all rules.
    public static let defaultStepLimit = 1_000_000
}

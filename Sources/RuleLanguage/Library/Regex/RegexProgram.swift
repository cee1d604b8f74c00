/// What a `RegexInstruction` does. The first four consume one scalar; the rest are steps the
/// matcher follows without consuming input.
enum RegexOpcode: UInt8, Sendable {
    /// Consume exactly the scalar `arg0`.
    case scalar
    /// Consume any scalar (`(?s).`).
    case anyScalar
    /// Consume any scalar but `\n` (`.`).
    case anyExceptNewline
    /// Consume a member of `classes[arg0]`.
    case charClass
    /// Continue at both `arg0` and `arg1` (alternation and repetition).
    case split
    /// Continue at `arg0`.
    case jump
    /// Continue at the next instruction if the `RegexAssertion` with raw value `arg0` holds here.
    case assertion
    /// The pattern has matched.
    case match
}

/// One step of a compiled pattern.
///
/// Every consuming instruction carries a 128-bit map of the ASCII scalars it accepts, so the VM
/// tests ASCII input (the common case for SKUs, tiers and codes) with one shift and mask,
/// whatever the opcode, and only looks at `opcode` for non-ASCII input.
struct RegexInstruction: Sendable {
    /// What the instruction does.
    var opcode: RegexOpcode
    /// Scalar value, class index, jump target or assertion, depending on `opcode`.
    var arg0: Int32 = 0
    /// Second target of a `split`.
    var arg1: Int32 = 0
    /// Accepted ASCII scalars 0–63, one bit each.
    var asciiLow: UInt64 = 0
    /// Accepted ASCII scalars 64–127, one bit each.
    var asciiHigh: UInt64 = 0

    /// Whether the instruction consumes a scalar (and so can sit on a thread list).
    var consumes: Bool { opcode.rawValue <= RegexOpcode.charClass.rawValue }
}

/// A compiled pattern: a Thompson NFA as a flat instruction array, plus facts the matcher uses
/// to skip work. Immutable after compilation, so one program serves any number of threads.
struct RegexProgram: Sendable {
    /// The instructions; execution starts at index 0 and `match` ends it.
    var instructions: [RegexInstruction]
    /// Classes referred to by `charClass` instructions (deduplicated, so `\p{Han}{500}` stores
    /// one class).
    var classes: [CharacterClass]
    /// Whether every match starts at the start of the text (`^…` without `(?m)`, or `\A…`), so
    /// no attempt is started at later positions.
    var isAnchoredAtStart: Bool
    /// The scalars a match can begin with, when that is a useful restriction (`bits.isUseful`); lets
    /// the matcher skip straight to candidate positions while no attempt is in progress.
    /// Not optional so the matcher can copy its bitmaps without unwrapping on every call.
    var firstScalars = FirstScalarFilter()
}

/// The set of scalars some match can start with: the union of the consuming instructions
/// reachable from the start without consuming input.
struct FirstScalarFilter: Sendable {
    /// The plain-value part, copied into the matcher on every call without reference counting.
    struct Bits: Sendable {
        /// False when every position is a candidate anyway, so filtering would only cost time.
        var isUseful = false
        /// Accepted ASCII scalars 0–63.
        var asciiLow: UInt64 = 0
        /// Accepted ASCII scalars 64–127.
        var asciiHigh: UInt64 = 0
    }

    /// The bitmaps and whether to use them.
    var bits = Bits()
    /// The starting instructions that may accept a non-ASCII scalar; empty means none can, so
    /// all non-ASCII text is skipped without a lookup.
    var nonASCIIInstructions: [Int32] = []

    /// Computes the filter for `program`; it is not useful when the pattern can match without
    /// consuming anything (every position is a candidate) or starts with `.`.
    /// Assertions are treated as passing, which only makes the set larger, never wrong.
    static func make(for program: RegexProgram) -> FirstScalarFilter {
        let code = program.instructions
        var filter = FirstScalarFilter()
        var seen = [Bool](repeating: false, count: code.count)
        var pending: [Int32] = [0]
        seen[0] = true
        while let pc = pending.popLast() {
            let instruction = code[Int(pc)]
            var next: [Int32] = []
            switch instruction.opcode {
            case .match, .anyScalar, .anyExceptNewline: return FirstScalarFilter()
            case .scalar, .charClass:
                filter.bits.asciiLow |= instruction.asciiLow
                filter.bits.asciiHigh |= instruction.asciiHigh
                let nonASCII = instruction.opcode == .scalar
                    ? instruction.arg0 >= 0x80 : program.classes[Int(instruction.arg0)].hasNonASCIIMembers
                if nonASCII { filter.nonASCIIInstructions.append(pc) }
            case .split: next = [instruction.arg0, instruction.arg1]
            case .jump: next = [instruction.arg0]
            case .assertion: next = [pc + 1]
            }
            for target in next where !seen[Int(target)] {
                seen[Int(target)] = true
                pending.append(target)
            }
        }
        filter.bits.isUseful = true
        return filter
    }
}

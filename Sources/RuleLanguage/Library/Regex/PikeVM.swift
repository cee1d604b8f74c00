/// Runs a `RegexProgram` over UTF-8 text in one pass: a Pike VM reduced to the yes/no question.
///
/// All NFA states live at the current position are kept in a thread list; each input scalar
/// advances the whole list at once, so the time is O(program size × text length) whatever the
/// pattern, with no backtracking and no recursion. Without captures to track, two threads at the
/// same instruction are interchangeable, so each instruction is on the list at most once and the
/// first thread to reach `match` answers the question.
///
/// Working memory (two thread lists, a visited mark per instruction, a stack for following
/// splits) is one block per call, on the stack when small; nothing is allocated per step.
struct PikeVM {
    /// "No scalar": before the start or past the end of the text. Above every scalar value.
    private static let none: UInt32 = .max

    /// The program's instructions.
    private let code: UnsafePointer<RegexInstruction>
    /// The program's classes, for non-ASCII input.
    private let classes: UnsafeBufferPointer<CharacterClass>
    /// Per instruction, the generation in which it was last reached; compared to `generation`
    /// instead of clearing a visited set at every position.
    private let marks: UnsafeMutablePointer<Int32>
    /// Work list for `followSteps`, one slot per instruction.
    private let stack: UnsafeMutablePointer<Int32>
    /// The current mark value; bumped for each position.
    private var generation: Int32 = 1
    /// The number of instructions (and of slots in each scratch array).
    private let count: Int
    /// `RegexProgram.isAnchoredAtStart`.
    private let anchored: Bool
    /// The program's first-scalar bitmaps, copied so the loop reads them from registers.
    private let filter: FirstScalarFilter.Bits
    /// `FirstScalarFilter.nonASCIIInstructions`.
    private let filterNonASCII: UnsafeBufferPointer<Int32>

    /// Whether `program` matches somewhere in `text`.
    static func matches(_ program: RegexProgram, in text: String) -> Bool {
        var text = text
        // withUTF8 is free for native strings and copies others once, so the loop below always
        // decodes straight from contiguous bytes. The program's arrays are read through pointers
        // (never copied into the VM) so a call does no reference counting.
        return text.withUTF8 { bytes in
            program.instructions.withUnsafeBufferPointer { code in
                program.classes.withUnsafeBufferPointer { classes in
                    program.firstScalars.nonASCIIInstructions.withUnsafeBufferPointer { filterNonASCII in
                        let size = code.count
                        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: 4 * size) { scratch in
                            let base = scratch.baseAddress!
                            let marks = base + 2 * size
                            marks.initialize(repeating: 0, count: size)
                            var vm = PikeVM(
                                code: code.baseAddress!, classes: classes, marks: marks, stack: base + 3 * size,
                                count: size, anchored: program.isAnchoredAtStart,
                                filter: program.firstScalars.bits, filterNonASCII: filterNonASCII)
                            return vm.run(bytes, current: base, next: base + size)
                        }
                    }
                }
            }
        }
    }

    private init(
        code: UnsafePointer<RegexInstruction>, classes: UnsafeBufferPointer<CharacterClass>,
        marks: UnsafeMutablePointer<Int32>, stack: UnsafeMutablePointer<Int32>, count: Int,
        anchored: Bool, filter: FirstScalarFilter.Bits, filterNonASCII: UnsafeBufferPointer<Int32>
    ) {
        self.code = code
        self.classes = classes
        self.marks = marks
        self.stack = stack
        self.count = count
        self.anchored = anchored
        self.filter = filter
        self.filterNonASCII = filterNonASCII
    }

    /// Whether the consuming `instruction` accepts the scalar `value`: one bit test for ASCII.
    @inline(__always)
    private func accepts(_ instruction: RegexInstruction, _ value: UInt32) -> Bool {
        if value < 64 { return instruction.asciiLow >> UInt64(value) & 1 != 0 }
        if value < 128 { return instruction.asciiHigh >> UInt64(value &- 64) & 1 != 0 }
        switch instruction.opcode {
        case .scalar: return UInt32(bitPattern: instruction.arg0) == value
        case .anyScalar, .anyExceptNewline: return true
        case .charClass: return classes[Int(instruction.arg0)].contains(value)
        default: return false
        }
    }

    /// The scalar starting at byte `offset` of valid UTF-8 and its length in bytes.
    @inline(__always)
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (UInt32, Int) {
        guard offset < bytes.count else { return (none, 0) }
        let lead = UInt32(bytes[offset])
        if lead < 0x80 { return (lead, 1) }
        let second = UInt32(bytes[offset + 1]) & 0x3F
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | second, 2) }
        let third = UInt32(bytes[offset + 2]) & 0x3F
        if lead < 0xF0 { return ((lead & 0x0F) << 12 | second << 6 | third, 3) }
        let fourth = UInt32(bytes[offset + 3]) & 0x3F
        return ((lead & 0x07) << 18 | second << 12 | third << 6 | fourth, 4)
    }

    /// The main loop. `current` holds the threads at the current position, `next` collects those
    /// for the following one; they swap after every scalar.
    private mutating func run(
        _ bytes: UnsafeBufferPointer<UInt8>, current: UnsafeMutablePointer<Int32>, next: UnsafeMutablePointer<Int32>
    ) -> Bool {
        var current = current, next = next
        var currentCount = 0
        var offset = 0
        var previous = Self.none
        var (scalar, length) = Self.decode(bytes, at: 0)
        while true {
            if currentCount == 0 {
                if anchored && offset > 0 { return false }
                if filter.isUseful {
                    // No attempt in progress: skip to the next scalar a match can start with.
                    while scalar != Self.none && !mayStartMatch(scalar) {
                        previous = scalar
                        offset &+= length
                        (scalar, length) = Self.decode(bytes, at: offset)
                    }
                    if scalar == Self.none { return false }
                }
                // Marks left by dead ends at an earlier position must not hide states here.
                advanceGeneration()
            }
            // Start a new attempt here, unless the filter shows it would die on this scalar
            // (with a useful filter, every match consumes a first scalar from the filter's set).
            if (!anchored || offset == 0) && (!filter.isUseful || (scalar != Self.none && mayStartMatch(scalar))) {
                if addThread(0, to: current, &currentCount, previous: previous, scalar: scalar) { return true }
            }
            if scalar == Self.none { return false }

            let nextOffset = offset + length
            let (following, followingLength) = Self.decode(bytes, at: nextOffset)
            advanceGeneration()
            var nextCount = 0
            for index in 0..<currentCount {
                let pc = current[index]
                let accepted = accepts(code[Int(pc)], scalar)
                if accepted && addThread(pc &+ 1, to: next, &nextCount, previous: scalar, scalar: following) {
                    return true
                }
            }
            swap(&current, &next)
            currentCount = nextCount
            previous = scalar
            (scalar, length) = (following, followingLength)
            offset = nextOffset
        }
    }

    /// Whether a match can start with `value`, per the program's `FirstScalarFilter`.
    @inline(__always)
    private func mayStartMatch(_ value: UInt32) -> Bool {
        if value < 64 { return filter.asciiLow >> UInt64(value) & 1 != 0 }
        if value < 128 { return filter.asciiHigh >> UInt64(value &- 64) & 1 != 0 }
        return filterNonASCII.contains { accepts(code[Int($0)], value) }
    }

    /// Starts a new generation of marks, clearing them before the counter would overflow (after
    /// two billion positions, so in practice never).
    @inline(__always)
    private mutating func advanceGeneration() {
        generation &+= 1
        if generation == .max {
            marks.update(repeating: 0, count: count)
            generation = 1
        }
    }

    /// Adds the thread at `pc` and everything reachable from it without consuming input to
    /// `list`, in a position between `previous` and `scalar`. Returns true if `match` is reached.
    @inline(__always)
    private func addThread(
        _ pc: Int32, to list: UnsafeMutablePointer<Int32>, _ listCount: inout Int, previous: UInt32, scalar: UInt32
    ) -> Bool {
        // Fast path: a consuming instruction (as after most literals) needs no stack.
        if code[Int(pc)].consumes {
            if marks[Int(pc)] != generation {
                marks[Int(pc)] = generation
                list[listCount] = pc
                listCount &+= 1
            }
            return false
        }
        return followSteps(from: pc, to: list, &listCount, previous: previous, scalar: scalar)
    }

    /// The general case of `addThread`: walks splits, jumps and assertions with an explicit stack.
    /// Marking on push means each instruction is pushed at most once, so `count` slots suffice.
    private func followSteps(
        from start: Int32, to list: UnsafeMutablePointer<Int32>, _ listCount: inout Int, previous: UInt32, scalar: UInt32
    ) -> Bool {
        guard marks[Int(start)] != generation else { return false }
        marks[Int(start)] = generation
        stack[0] = start
        var depth = 1
        while depth > 0 {
            depth &-= 1
            let pc = stack[depth]
            let instruction = code[Int(pc)]
            switch instruction.opcode {
            case .match: return true
            case .jump: push(instruction.arg0, &depth)
            case .split:
                push(instruction.arg1, &depth)
                push(instruction.arg0, &depth)
            case .assertion:
                if Self.holds(instruction.arg0, previous: previous, scalar: scalar) { push(pc &+ 1, &depth) }
            case .scalar, .anyScalar, .anyExceptNewline, .charClass:
                list[listCount] = pc
                listCount &+= 1
            }
        }
        return false
    }

    /// Pushes `pc` for `followSteps` unless this generation has reached it already.
    @inline(__always)
    private func push(_ pc: Int32, _ depth: inout Int) {
        guard marks[Int(pc)] != generation else { return }
        marks[Int(pc)] = generation
        stack[depth] = pc
        depth &+= 1
    }

    /// Whether the assertion with raw value `raw` holds between `previous` and `scalar`.
    private static func holds(_ raw: Int32, previous: UInt32, scalar: UInt32) -> Bool {
        switch RegexAssertion(rawValue: UInt8(raw)) {
        case .beginText: return previous == none
        case .endText: return scalar == none
        case .beginLine: return previous == none || previous == 0x0A
        case .endLine: return scalar == none || scalar == 0x0A
        case .wordBoundary: return isWordScalar(previous) != isWordScalar(scalar)
        case .notWordBoundary: return isWordScalar(previous) == isWordScalar(scalar)
        case nil: return false
        }
    }

    /// RE2's `\b` uses ASCII word characters: [0-9A-Za-z_].
    private static func isWordScalar(_ value: UInt32) -> Bool {
        switch value {
        case 0x30...0x39, 0x41...0x5A, 0x5F, 0x61...0x7A: return true
        default: return false
        }
    }
}

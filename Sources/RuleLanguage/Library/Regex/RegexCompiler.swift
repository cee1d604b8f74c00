/// Turns a `RegexNode` tree into a `RegexProgram` by Thompson's construction.
///
/// Counted repeats are expanded (`x{2,4}` becomes `xx(x(x)?)?`), which keeps matching linear
/// but can make programs huge, so emission stops as soon as the program passes
/// `maxInstructions`: `((a{1000}){1000}){1000}` fails after writing 20,000 instructions instead of
/// trying to allocate a billion.
///
/// The tree is walked with an explicit stack of frames rather than by recursion, so the depth of
/// a pattern (up to the parser's 1000 nested groups) costs heap, not call stack: each frame
/// records how far through its node emission has got, and is revisited after each child.
struct RegexCompiler {
    /// The largest program accepted, counting the final `match`.
    static let maxInstructions = 20_000

    /// A node being emitted.
    private struct Frame {
        let node: RegexNode
        /// Children (branches, parts or repeat copies) already started.
        var stage = 0
        /// The split awaiting its second target (alternation, `*`) or the loop start (`+`).
        var pending: Int32 = 0
        /// Jumps or splits to point at the end of the node once it is complete.
        var exits: [Int32] = []
    }

    /// The program so far.
    private var instructions: [RegexInstruction] = []
    /// Classes referred to by `charClass` instructions.
    private var classes: [CharacterClass] = []
    /// Index of each distinct class in `classes`, so repeated classes are stored once.
    private var classIndex: [CharacterClass: Int32] = [:]
    /// Nodes being emitted, outermost first; the last is visited next.
    private var stack: [Frame] = []

    /// Compiles `tree` for unanchored yes/no matching.
    static func compile(_ tree: RegexNode) throws(RegexSyntaxError) -> RegexProgram {
        let anchored = tree.isAnchoredAtTextStart
        var compiler = RegexCompiler()
        try compiler.emitProgram(anchored ? tree : tree.droppingLeadingDotStar())
        compiler.threadJumps()
        var program = RegexProgram(
            instructions: compiler.instructions, classes: compiler.classes, isAnchoredAtStart: anchored)
        program.firstScalars = FirstScalarFilter.make(for: program)
        return program
    }

    /// Appends `instruction`, returning its index.
    @discardableResult
    private mutating func append(_ instruction: RegexInstruction) -> Int32 {
        instructions.append(instruction)
        return Int32(instructions.count - 1)
    }

    /// The index the next appended instruction will get.
    private var next: Int32 { Int32(instructions.count) }

    /// Emits `root` followed by `match`, or throws once the program would exceed the limit.
    private mutating func emitProgram(_ root: RegexNode) throws(RegexSyntaxError) {
        stack = [Frame(node: root)]
        while var frame = stack.popLast() {
            // Each step appends at most two instructions, so checking here bounds memory.
            if instructions.count >= Self.maxInstructions {
                stack.append(frame)
                throw tooLarge()
            }
            switch frame.node {
            case .empty:
                break
            case .scalar(let value):
                emitScalar(value)
            case .charClass(let set):
                emitClass(set)
            case .anyScalar(let matchesNewline):
                append(RegexInstruction(
                    opcode: matchesNewline ? .anyScalar : .anyExceptNewline,
                    asciiLow: matchesNewline ? ~0 : ~(1 << 10), asciiHigh: ~0))
            case .assertion(let assertion):
                append(RegexInstruction(opcode: .assertion, arg0: Int32(assertion.rawValue)))
            case .capture(let body, _, _):
                if frame.stage == 0 { descend(into: body, from: &frame) }
            case .concatenation(let parts):
                if frame.stage < parts.count { descend(into: parts[frame.stage], from: &frame) }
            case .alternation(let branches):
                // split L1, L2; L1: first; jump end; L2: split …; last; end:
                let done = frame.stage
                if done > 0 && done < branches.count {
                    frame.exits.append(append(RegexInstruction(opcode: .jump)))
                    instructions[Int(frame.pending)].arg1 = next
                }
                if done < branches.count {
                    if done < branches.count - 1 { frame.pending = append(RegexInstruction(opcode: .split, arg0: next + 1)) }
                    descend(into: branches[done], from: &frame)
                } else {
                    for jump in frame.exits { instructions[Int(jump)].arg0 = next }
                }
            case .repetition(let body, let min, let max, _, _):
                emitRepetitionStep(body, min: min, max: max, frame: &frame)
            }
        }
        if instructions.count >= Self.maxInstructions { throw tooLarge() }
        append(RegexInstruction(opcode: .match))
    }

    /// Pushes `frame` back (one more child started) and then the child, so the child is emitted
    /// next and `frame` is revisited after it.
    private mutating func descend(into child: RegexNode, from frame: inout Frame) {
        frame.stage += 1
        stack.append(frame)
        stack.append(Frame(node: child))
    }

    /// One visit of a repetition frame: finishes the copy of `body` just emitted, then starts the
    /// next. Copies are laid out as `x{n,m}` → n plain copies, then m−n copies each behind a split
    /// to the end, `(x(x)?)?`; `x*` → `loop: split body, end; body; jump loop`; `x{n,}` → n−1
    /// plain copies, then `loop: body; split loop, end`. Split priorities (greedy or lazy) are not
    /// encoded: a yes/no match explores every thread, so preference cannot change the answer.
    private mutating func emitRepetitionStep(_ body: RegexNode, min: Int, max: Int?, frame: inout Frame) {
        let copies = max ?? Swift.max(min, 1)
        let done = frame.stage
        if done > 0 && max == nil {
            if min == 0 {
                append(RegexInstruction(opcode: .jump, arg0: frame.pending))
                instructions[Int(frame.pending)].arg1 = next
            } else if done == min {
                append(RegexInstruction(opcode: .split, arg0: frame.pending, arg1: next + 1))
            }
        }
        guard done < copies else {
            for split in frame.exits { instructions[Int(split)].arg1 = next }
            return
        }
        if max == nil {
            if min == 0 {
                frame.pending = append(RegexInstruction(opcode: .split, arg0: next + 1))
            } else if done == min - 1 {
                frame.pending = next
            }
        } else if done >= min {
            frame.exits.append(append(RegexInstruction(opcode: .split, arg0: next + 1)))
        }
        descend(into: body, from: &frame)
    }

    /// The size error, placed at the repeat that made the program too large: the outermost one
    /// that had finished a copy of its body and was making more (its body fits; its count does
    /// not). In `((a{1000}){1000}){1000}` that is the middle `{1000}`. Offset 0 if none was.
    private func tooLarge() -> RegexSyntaxError {
        var offset = 0
        for frame in stack {
            if case .repetition(_, _, _, _, let at) = frame.node, frame.stage >= 2 {
                offset = at
                break
            }
        }
        return RegexSyntaxError(
            message: "the pattern is too large (it would need more than \(Self.maxInstructions) steps); use smaller repeat counts",
            offset: offset)
    }

    /// Emits a consuming instruction for a class, interning the class.
    private mutating func emitClass(_ set: CharacterClass) {
        if let single = set.singleScalar {
            emitScalar(single)
            return
        }
        let index = classIndex[set] ?? {
            classes.append(set)
            classIndex[set] = Int32(classes.count - 1)
            return Int32(classes.count - 1)
        }()
        let (low, high) = set.asciiBitmap
        append(RegexInstruction(opcode: .charClass, arg0: index, asciiLow: low, asciiHigh: high))
    }

    /// Emits a consuming instruction for one exact scalar.
    private mutating func emitScalar(_ value: UInt32) {
        var instruction = RegexInstruction(opcode: .scalar, arg0: Int32(bitPattern: value))
        if value < 64 { instruction.asciiLow = 1 << UInt64(value) } else if value < 128 { instruction.asciiHigh = 1 << UInt64(value - 64) }
        append(instruction)
    }

    /// Points jumps and splits past chains of jumps, so the matcher follows fewer steps.
    /// A jump to a jump always points forward (only alternation exits jump to jumps; loops jump
    /// back to splits), so resolving from the end makes every chain one hop long.
    private mutating func threadJumps() {
        func resolve(_ target: Int32) -> Int32 {
            let instruction = instructions[Int(target)]
            return instruction.opcode == .jump ? instruction.arg0 : target
        }
        for pc in instructions.indices.reversed() {
            switch instructions[pc].opcode {
            case .jump: instructions[pc].arg0 = resolve(instructions[pc].arg0)
            case .split:
                instructions[pc].arg0 = resolve(instructions[pc].arg0)
                instructions[pc].arg1 = resolve(instructions[pc].arg1)
            default: break
            }
        }
    }
}

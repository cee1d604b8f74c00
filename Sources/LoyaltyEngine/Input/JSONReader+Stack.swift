extension JSONReader {
    /// A growable stack in manually managed memory, for the reader's work in progress.
    ///
    /// A Swift `Array` would do, but when a container closes its elements are moved out
    /// through `base` (then dropped with `forgetElements(from:)`), which an array allows only
    /// by copying and releasing each one. The stack lives in a per-thread `Workspace` and is
    /// reused line after line, so the reader allocates only the values it returns.
    struct Stack<Element> {
        private(set) var base: UnsafeMutablePointer<Element>
        private(set) var count = 0
        private var capacity: Int

        init(capacity: Int) {
            self.capacity = max(capacity, 4)
            base = .allocate(capacity: self.capacity)
        }

        @inline(__always)
        mutating func push(_ element: consuming Element) {
            if count == capacity { grow() }
            (base + count).initialize(to: element)
            count += 1
        }

        /// The last element pushed. - Precondition: the stack is not empty.
        @inline(__always)
        var top: Element {
            get { base[count - 1] }
            _modify { yield &base[count - 1] }
        }

        @inline(__always)
        mutating func removeLast() -> Element {
            count -= 1
            return (base + count).move()
        }

        /// Pushes `count` elements copied from `source` (for the bytes of escaped strings).
        mutating func append(_ source: UnsafePointer<Element>, count added: Int) {
            while capacity - count < added { grow() }
            (base + count).initialize(from: source, count: added)
            count += added
        }

        /// Ends the ownership of `count - start` elements at `start...` without deinitializing
        /// them: the caller has just moved them elsewhere.
        @inline(__always)
        mutating func forgetElements(from start: Int) {
            count = start
        }

        /// Deinitializes every element (after an error left work in progress) but keeps the memory.
        mutating func removeAll() {
            // Usually already empty; skip the runtime call that deinitializing zero values costs.
            guard count > 0 else { return }
            base.deinitialize(count: count)
            count = 0
        }

        /// Frees the memory; the stack must not be used afterwards.
        mutating func deallocate() {
            removeAll()
            base.deallocate()
        }

        @inline(never)
        private mutating func grow() {
            let newCapacity = capacity * 2
            let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
            newBase.moveInitialize(from: base, count: count)
            base.deallocate()
            base = newBase
            capacity = newCapacity
        }
    }
}

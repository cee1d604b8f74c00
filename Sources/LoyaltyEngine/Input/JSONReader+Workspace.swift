import RuleLanguage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension JSONReader {
    /// Memory the reader reuses from line to line: its stacks and the string cache.
    ///
    /// One per thread (`current`), so `JSONReader.parse` stays a plain static function that
    /// any thread may call, yet a million lines cost no allocations beyond the values they
    /// produce. Only pointers and counts, so a parse copies it in and out without reference
    /// counting or exclusivity checks. A line of 1 MiB can grow the value stack to a few MiB;
    /// that is kept for the thread's lifetime, like any buffer sized for the largest line seen.
    struct Workspace {
        /// Finished values not yet placed in their container; an object's keys and values alternate.
        var values = Stack<Value>(capacity: 256)
        /// Open arrays and objects, innermost last.
        var frames = Stack<Frame>(capacity: 64)
        /// Hashes of the keys of open objects (`Fingerprint.hash`), to find repeated keys cheaply.
        var keys = Stack<UInt64>(capacity: 64)
        /// Decoded content of a string with escapes.
        var escaped = Stack<UInt8>(capacity: 256)
        var cache = StringCache()

        /// Drops whatever an error left half-built, keeping the memory.
        mutating func reset() {
            values.removeAll()
            frames.removeAll()
            keys.removeAll()
            escaped.removeAll()
        }

        mutating func deallocate() {
            values.deallocate()
            frames.deallocate()
            keys.deallocate()
            escaped.deallocate()
            cache.deallocate()
        }

        /// This thread's workspace, made on first use and freed when the thread exits.
        static var current: UnsafeMutablePointer<Workspace> {
            if let raw = pthread_getspecific(workspaceKey) { return raw.assumingMemoryBound(to: Workspace.self) }
            let workspace = UnsafeMutablePointer<Workspace>.allocate(capacity: 1)
            workspace.initialize(to: Workspace())
            pthread_setspecific(workspaceKey, workspace)
            return workspace
        }
    }

    /// An array or object still open: where its elements begin on the stacks.
    struct Frame {
        /// First element (array) or first key (object) on the value stack.
        var valueStart: Int
        /// First key hash on the key stack (objects only).
        var keyStart: Int
        var isObject: Bool
    }
}

/// The thread-local slot holding each thread's `JSONReader.Workspace`; its destructor frees
/// the workspace when the thread ends.
private let workspaceKey: pthread_key_t = {
    var key = pthread_key_t()
    let status = pthread_key_create(&key) { raw in
        // The parameter is optional on Glibc and not on Darwin; this spelling accepts both.
        guard let raw = raw as UnsafeMutableRawPointer? else { return }
        let workspace = raw.assumingMemoryBound(to: JSONReader.Workspace.self)
        workspace.pointee.deallocate()
        workspace.deinitialize(count: 1)
        workspace.deallocate()
    }
    precondition(status == 0, "pthread_key_create failed (\(status)): out of thread-local keys")
    return key
}()

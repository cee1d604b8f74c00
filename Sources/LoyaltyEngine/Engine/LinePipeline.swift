import Foundation
import RuleLanguage

/// Reads, parses and decodes input lines on a second thread, handing batches to the
/// engine's thread: JSON parsing is about a fifth of the work and runs in parallel with the
/// rules on a two-core machine. Batches keep input order; a bounded queue keeps memory flat.
/// Public so `loyalty simulate` can parse a stream once and feed each event to two engines.
public final class LinePipeline: @unchecked Sendable {
    /// One input line, ready for the engine.
    public enum Item {
        case event(Event, line: Int, raw: [UInt8]?)
        case rejected(InputError, line: Int, raw: [UInt8]?)
    }

    private let condition = NSCondition()
    private var queue: [[Item]] = []
    /// Batches the engine is done with, freed on the reader thread: tearing down an event's
    /// values is a sizeable share of the work, and the reader has time to spare.
    private var spent: [[Item]] = []
    private var finished = false
    /// A graceful stop was asked for: the batches already queued are still handed out, no new
    /// ones are taken, and `next()` no longer waits for input.
    private var stopping = false
    private let capacity = 8
    private let batchSize = 256

    public init() {}

    /// Starts the reader thread over `input`; `keepsRawLines` copies each line's bytes so a
    /// later reject can be written verbatim.
    public func start(input: Int32, limits: JSONLimits, keepsRawLines: Bool) {
        let thread = Thread { [self] in
            read(input: input, limits: limits, keepsRawLines: keepsRawLines)
        }
        thread.stackSize = 1 << 22
        thread.start()
    }

    /// The next batch, or nil at the end of the input; `beforeWaiting` runs when none is ready
    /// yet (the caller flushes its output, so a live stream's decisions are not held back).
    public func next(beforeWaiting: () -> Void = {}) -> [Item]? {
        condition.lock()
        defer { condition.unlock() }
        if queue.isEmpty && !finished && !stopping {
            condition.unlock()
            beforeWaiting()
            condition.lock()
        }
        while queue.isEmpty && !finished && !stopping { condition.wait() }
        guard !queue.isEmpty else { return nil }
        let batch = queue.removeFirst()
        condition.signal()
        return batch
    }

    /// Stops the stream between two batches (SIGTERM): what was already queued is still
    /// processed, then `next()` returns nil even if the input goes on.
    public func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    /// Hands a processed batch back to be freed on the reader thread.
    public func recycle(_ batch: consuming [Item]) {
        condition.lock()
        spent.append(batch)
        condition.unlock()
    }

    private func push(_ batch: [Item]) {
        condition.lock()
        while queue.count >= capacity && !stopping { condition.wait() }
        if stopping {
            condition.unlock()
            return
        }
        queue.append(batch)
        var released: [[Item]] = []
        swap(&released, &spent)
        condition.signal()
        condition.unlock()
        released.removeAll()  // frees the events here, outside the lock
    }

    private func read(input: Int32, limits: JSONLimits, keepsRawLines: Bool) {
        let reader = LineReader(fileDescriptor: input, maximumLineBytes: limits.maximumLineBytes)
        var batch: [Item] = []
        batch.reserveCapacity(batchSize)
        // Hand over what a read delivered before the next read, which may wait on a live
        // stream: a trickle of events is applied as it arrives, a file in large batches.
        reader.beforeReading = { [self] in
            guard !batch.isEmpty else { return }
            push(batch)
            batch = []
            batch.reserveCapacity(batchSize)
        }
        reader.forEachLine { number, line in
            switch line {
            case .bytes(let bytes):
                if let item = Self.parse(bytes, number: number, limits: limits, keepsRawLines: keepsRawLines) { batch.append(item) }
            case .tooLong(let length):
                batch.append(.rejected(InputError(.lineTooLong, "the line is \(length) bytes long, more than the limit of \(limits.maximumLineBytes)"),
                                       line: number, raw: nil))
            }
            if batch.count >= batchSize {
                push(batch)
                batch = []
                batch.reserveCapacity(batchSize)
            }
        }
        if !batch.isEmpty { push(batch) }
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Parses and decodes one line; nil for a blank line.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, number: Int, limits: JSONLimits, keepsRawLines: Bool) -> Item? {
        var blank = true
        for byte in bytes where byte != 0x20 && byte != 0x09 && byte != 0x0D {
            blank = false
            break
        }
        if blank { return nil }
        switch JSONReader.parse(bytes, limits: limits) {
        case .failure(let error):
            let code: InputError.Code = switch error.code {
            case .invalidJSON: .invalidJSON
            case .invalidUTF8: .invalidUTF8
            case .tooDeep: .tooDeep
            case .lineTooLong: .lineTooLong
            }
            return .rejected(InputError(code, error.message), line: number, raw: Array(bytes))
        case .success(let value):
            switch EventDecoder.decode(value) {
            case .failure(let error): return .rejected(error, line: number, raw: Array(bytes))
            case .success(let event): return .event(event, line: number, raw: keepsRawLines ? Array(bytes) : nil)
            }
        }
    }
}

import Foundation
import RuleLanguage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The run loop of `loyalty run`: lines from a file descriptor → JSON → events → engine →
/// decision lines. A bad line gives one JSON error line on stderr (and is kept verbatim in
/// the rejects file); nothing else is affected.
public final class StreamProcessor {
    /// The engine applying events; a live reload swaps it between two events.
    public private(set) var engine: Engine
    /// Asked between events for a replacement engine (live reload); nil keeps the current one.
    public var reloadCheck: (() -> Engine?)?
    let output: OutputBuffer
    let errors: OutputBuffer
    let rejects: OutputBuffer?
    let limits: JSONLimits
    /// Called after each line (checkpoints).
    public var afterLine: ((_ lineNumber: Int) -> Void)?
    /// Called every `progressInterval` lines (live status, reloads between events).
    public var onProgress: ((_ lineNumber: Int) -> Void)?
    public var progressInterval = 1024
    /// Partitioned runs: where effects on other partitions' members are written, and the
    /// effects forwarded to this partition, applied when the input reaches their position.
    public var forwardOutput: OutputBuffer?
    /// After a state was loaded, a rerun first meets the events the state already holds:
    /// those duplicates are counted (`replayed`) instead of reported one line each, until
    /// the first event that is applied.
    public var isReplayingStatePrefix = false
    private var incoming: [ForwardedEffect] = []
    private let stopLock = NSLock()
    private var stopRequested = false
    private var currentPipeline: LinePipeline?
    private var nextIncoming = 0

    /// Effects forwarded to this partition's members (from other partitions' `--forward-to`).
    public func receive(_ effects: [ForwardedEffect]) {
        let mine = effects.filter { engine.options.partition?.owns($0.member) ?? true }
        incoming = mine.sorted { ($0.sequence, $0.id) < ($1.sequence, $1.id) }
        nextIncoming = 0
    }

    public init(engine: Engine, output: OutputBuffer, errors: OutputBuffer, rejects: OutputBuffer?, limits: JSONLimits = .default) {
        self.engine = engine
        self.output = output
        self.errors = errors
        self.rejects = rejects
        self.limits = limits
    }

    /// Reads the whole input (parsing on a second thread); returns the number of lines read.
    @discardableResult
    public func run(input: Int32) -> Int {
        let pipeline = LinePipeline()
        stopLock.lock()
        currentPipeline = pipeline
        if stopRequested { pipeline.stop() }
        stopLock.unlock()
        pipeline.start(input: input, limits: limits, keepsRawLines: rejects != nil)
        var lines = 0
        while let batch = pipeline.next(beforeWaiting: { [output, errors] in output.flush(); errors.flush() }) {
            for item in batch {
                // Between two events: a reload asked for meanwhile takes effect before this one.
                if let reloadCheck, let replacement = reloadCheck() { engine = replacement }
                switch item {
                case .event(let event, let line, let raw):
                    lines = line
                    engine.statistics.eventsRead += 1
                    apply(event, lineNumber: line, raw: raw)
                case .rejected(let error, let line, let raw):
                    lines = line
                    engine.statistics.eventsRead += 1
                    report(error, lineNumber: line, raw: raw)
                }
                afterLine?(lines)
                if let onProgress, lines % progressInterval == 0 { onProgress(lines) }
            }
            pipeline.recycle(batch)
        }
        // Forwarded effects past the last line belong to the rest of the stream, which a
        // stopped run has not read.
        if !wasStopped { applyIncoming(before: Int.max) }
        output.flush()
        rejects?.flush()
        forwardOutput?.flush()
        errors.flush()
        return lines
    }

    /// Asks a running `run` to stop gracefully (from a signal handler's queue, any thread):
    /// the lines already read are processed, then `run` returns as at the end of the input.
    public func requestStop() {
        stopLock.lock()
        stopRequested = true
        let pipeline = currentPipeline
        stopLock.unlock()
        pipeline?.stop()
    }

    /// Whether `requestStop` was called.
    public var wasStopped: Bool {
        stopLock.lock()
        defer { stopLock.unlock() }
        return stopRequested
    }

    /// Applies the forwarded effects that come before stream position `sequence`.
    private func applyIncoming(before sequence: Int) {
        while nextIncoming < incoming.count, incoming[nextIncoming].sequence < sequence {
            let effect = incoming[nextIncoming]
            nextIncoming += 1
            switch engine.apply(effect) {
            case .success: writeDecisions()
            case .failure(let error): report(error, lineNumber: 0, raw: nil)
            }
        }
    }

    /// Processes one line's bytes on the calling thread (tests, small inputs).
    public func process(_ bytes: UnsafeBufferPointer<UInt8>, lineNumber: Int) {
        guard let item = LinePipeline.parse(bytes, number: lineNumber, limits: limits, keepsRawLines: rejects != nil) else { return }
        engine.statistics.eventsRead += 1
        switch item {
        case .event(let event, let line, let raw): apply(event, lineNumber: line, raw: raw)
        case .rejected(let error, let line, let raw): report(error, lineNumber: line, raw: raw)
        }
    }

    private func apply(_ event: Event, lineNumber: Int, raw: [UInt8]?) {
        var sequence = lineNumber
        if case .map(let map) = event.value, case .int(let seq)? = map.value(forKey: .string("seq")) { sequence = Int(seq) }
        if let partition = engine.options.partition {
            applyIncoming(before: sequence)
            if event.kind == .custom("forwarded") {
                guard let effect = ForwardedEffect(event: event.value) else {
                    report(InputError(.wrongType, "a forwarded event needs effect, origin, seq, pack and rule"), lineNumber: lineNumber, raw: raw)
                    return
                }
                guard partition.owns(effect.member) else { return }
                switch engine.apply(effect) {
                case .success: writeDecisions()
                case .failure(let error): report(error, lineNumber: lineNumber, raw: raw)
                }
                return
            }
            if let member = event.member, !partition.owns(member) {
                engine.statistics.otherPartition += 1
                return
            }
        }
        engine.currentSequence = sequence
        if isReplayingStatePrefix, engine.wasRefusedBefore(event, at: sequence) {
            engine.statistics.replayed += 1
            return
        }
        switch engine.apply(event) {
        case .success:
            isReplayingStatePrefix = false
            writeDecisions()
            writeForwards()
        case .failure(let error): report(error, lineNumber: lineNumber, raw: raw)
        }
    }

    private func writeForwards() {
        guard !engine.forwards.isEmpty else { return }
        if let forwardOutput {
            for effect in engine.forwards {
                forwardOutput.appendRaw(effect.jsonLine)
                forwardOutput.append(UInt8(ascii: "\n"))
            }
        }
        engine.forwards.removeAll(keepingCapacity: true)
    }

    func writeDecisions() {
        guard !engine.decisions.isEmpty else { return }
        let writer = DecisionWriter(output: output)
        let stamp = engine.options.stamp
        for decision in engine.decisions {
            writer.write(decision, version: stamp ? engine.version(ofRule: decision.rule) : nil)
        }
        engine.decisions.removeAll(keepingCapacity: true)
    }

    /// One JSON line on stderr: `{"line":N,"code":"…","message":"…"}`; rejects keep the line.
    func report(_ error: InputError, lineNumber: Int, raw: [UInt8]?) {
        if isReplayingStatePrefix, error.code == .duplicate {
            engine.statistics.replayed += 1
            return
        }
        if error.isReject { engine.statistics.rejected[error.code, default: 0] += 1 }
        errors.append("{\"line\":")
        errors.appendInt(Int64(lineNumber))
        errors.append(",\"code\":\"")
        errors.appendRaw(error.code.rawValue)
        errors.append("\",\"message\":")
        errors.appendJSONString(error.message)
        errors.append("}\n")
        if error.isReject, let rejects, let raw {
            raw.withUnsafeBytes { rejects.append($0) }
            rejects.append(UInt8(ascii: "\n"))
        }
    }
}

extension Engine {
    /// The version (content hash) of the pack a `pack.rule` name belongs to.
    func version(ofRule rule: String) -> String? {
        packs.first { rule.hasPrefix($0.name + ".") }?.version
    }
}

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
    public let engine: Engine
    let output: OutputBuffer
    let errors: OutputBuffer
    let rejects: OutputBuffer?
    let limits: JSONLimits
    /// Called after each line (checkpoints).
    public var afterLine: ((_ lineNumber: Int) -> Void)?
    /// Called every `progressInterval` lines (live status, reloads between events).
    public var onProgress: ((_ lineNumber: Int) -> Void)?
    public var progressInterval = 1024

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
        pipeline.start(input: input, limits: limits, keepsRawLines: rejects != nil)
        var lines = 0
        while let batch = pipeline.next() {
            for item in batch {
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
        }
        output.flush()
        rejects?.flush()
        errors.flush()
        return lines
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
        switch engine.apply(event) {
        case .success: writeDecisions()
        case .failure(let error): report(error, lineNumber: lineNumber, raw: raw)
        }
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

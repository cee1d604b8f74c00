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
    /// Called after each line (checkpoints, progress, reloads).
    public var afterLine: ((_ lineNumber: Int) -> Void)?

    public init(engine: Engine, output: OutputBuffer, errors: OutputBuffer, rejects: OutputBuffer?, limits: JSONLimits = .default) {
        self.engine = engine
        self.output = output
        self.errors = errors
        self.rejects = rejects
        self.limits = limits
    }

    /// Reads the whole input; returns the number of lines read.
    @discardableResult
    public func run(input: Int32) -> Int {
        let reader = LineReader(fileDescriptor: input, maximumLineBytes: limits.maximumLineBytes)
        var lines = 0
        reader.forEachLine { number, line in
            lines = number
            switch line {
            case .bytes(let bytes):
                process(bytes, lineNumber: number)
            case .tooLong(let length):
                engine.statistics.eventsRead += 1
                report(InputError(.lineTooLong, "the line is \(length) bytes long, more than the limit of \(limits.maximumLineBytes)"),
                       lineNumber: number, line: nil)
            }
            afterLine?(number)
        }
        output.flush()
        rejects?.flush()
        errors.flush()
        return lines
    }

    /// Processes one line's bytes.
    public func process(_ bytes: UnsafeBufferPointer<UInt8>, lineNumber: Int) {
        if isBlank(bytes) { return }
        engine.statistics.eventsRead += 1
        let event: Event
        switch JSONReader.parse(bytes, limits: limits) {
        case .failure(let error):
            let code: InputError.Code = switch error.code {
            case .invalidJSON: .invalidJSON
            case .invalidUTF8: .invalidUTF8
            case .tooDeep: .tooDeep
            case .lineTooLong: .lineTooLong
            }
            report(InputError(code, error.message), lineNumber: lineNumber, line: bytes)
            return
        case .success(let value):
            switch EventDecoder.decode(value) {
            case .failure(let error):
                report(error, lineNumber: lineNumber, line: bytes)
                return
            case .success(let decoded):
                event = decoded
            }
        }
        switch engine.apply(event) {
        case .success:
            writeDecisions()
        case .failure(let error):
            report(error, lineNumber: lineNumber, line: bytes)
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
    func report(_ error: InputError, lineNumber: Int, line: UnsafeBufferPointer<UInt8>?) {
        if error.isReject { engine.statistics.rejected[error.code, default: 0] += 1 }
        errors.append("{\"line\":")
        errors.appendInt(Int64(lineNumber))
        errors.append(",\"code\":\"")
        errors.appendRaw(error.code.rawValue)
        errors.append("\",\"message\":")
        errors.appendJSONString(error.message)
        errors.append("}\n")
        if error.isReject, let rejects {
            if let line { rejects.append(UnsafeRawBufferPointer(line)) }
            rejects.append(UInt8(ascii: "\n"))
        }
    }

    private func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte != 0x20 && byte != 0x09 && byte != 0x0D { return false }
        return true
    }
}

extension Engine {
    /// The version (content hash) of the pack a `pack.rule` name belongs to.
    func version(ofRule rule: String) -> String? {
        packs.first { rule.hasPrefix($0.name + ".") }?.version
    }
}

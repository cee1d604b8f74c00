import LoyaltyEngine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--state FILE [--checkpoint N]` of `loyalty run` (SPEC §6 "State"): load the state before
/// the first event if the file exists, save it after every N input lines and at the end.
///
/// Crash safety rests on one ordering: before each save, the decisions (and rejected lines)
/// of every event in the state are flushed out of the process (and synced, when they go to a
/// file), and nothing is saved once output can no longer be delivered. So a run killed at any
/// moment has written at least the decisions of every event its state file records; started
/// again over the same stream, it skips those events as duplicates and repeats the decisions
/// of the rest, ending where an uninterrupted run ends.
final class RunStatePersistence {
    static let options = [
        OptionSpec("--state", value: "FILE", help: "load member state from FILE if it exists; save it there at the end (atomically)"),
        OptionSpec("--checkpoint", value: "N", help: "with --state: also save after every N input lines"),
    ]

    let path: String
    let checkpointLines: Int?
    /// Whether a saved state was loaded (the run resumes rather than starts).
    private(set) var didLoad = false
    private var checkpointFailed = false
    /// For the `{"state":…}` line on stderr at the end.
    private var loadSeconds = 0.0
    private var saves = 0
    private var lastSave: (bytes: Int, encodeSeconds: Double, writeSeconds: Double)?
    /// The run's processor, for its forward file.
    private weak var processor: StreamProcessor?

    /// Nil when the run has no `--state`.
    init?(_ arguments: ParsedArguments) throws(UsageError) {
        let checkpoint = arguments.value("--checkpoint")
        guard let path = arguments.value("--state") else {
            if checkpoint != nil { throw UsageError("--checkpoint needs --state FILE (where to save)") }
            return nil
        }
        self.path = path
        if let checkpoint {
            guard let lines = Int(checkpoint), lines > 0 else { throw UsageError("--checkpoint needs a positive number of lines, not '\(checkpoint)'") }
            checkpointLines = lines
        } else {
            checkpointLines = nil
        }
    }

    /// Loads the state file into the engine if it exists; false (with the reason on stderr)
    /// if it exists but cannot be trusted, in which case no event may be processed.
    func restore(into engine: Engine, streams: StandardStreams) -> Bool {
        let started = ContinuousClock.now
        defer { loadSeconds = Self.seconds(since: started) }
        do throws(StateError) {
            // Better to learn now than at the first checkpoint that the state cannot be saved.
            try StateStore.checkSaving(to: path)
            guard let snapshot = try StateStore.load(from: path) else { return true }
            for warning in try engine.restore(from: snapshot) { streams.printError("warning: state '\(path)': \(warning)") }
            didLoad = true
            return true
        } catch {
            if case .io(let operation, _, _) = error, operation.hasPrefix("save") {
                streams.printError("error: \(error.message)")
                streams.printError("no events were processed")
            } else {
                streams.printError("error: cannot load the state in '\(path)': \(error.message)")
                streams.printError("no events were processed: move the file away to start from an empty state, or restore a good copy")
            }
            return false
        }
    }

    /// Saves after every `--checkpoint` lines.
    func attach(to processor: StreamProcessor, output: OutputBuffer, rejects: OutputBuffer?, errors: OutputBuffer) {
        self.processor = processor
        guard let every = checkpointLines else { return }
        var last = 0
        processor.afterLine = { [unowned self, unowned processor] line in
            // By distance, not `line % every`: blank lines produce no call, so a multiple may be skipped.
            guard line - last >= every, !self.checkpointFailed else { return }
            last = line
            // The processor's current engine: a live reload may have replaced it.
            if !self.save(processor.engine, output: output, rejects: rejects, errors: errors) { self.checkpointFailed = true }
        }
    }

    /// Flushes (and syncs) the decisions, rejects and forwarded effects, then saves; false
    /// with the reason on stderr.
    @discardableResult
    func save(_ engine: Engine, output: OutputBuffer, rejects: OutputBuffer?, errors: OutputBuffer) -> Bool {
        // Forwarded effects (partitioned runs) are output too: the other partitions need them.
        let buffers = [output, rejects, processor?.forwardOutput].compactMap { $0 }
        for buffer in buffers {
            buffer.flush()
            Self.syncIfFile(buffer.fileDescriptor)
        }
        if buffers.contains(where: \.isBroken) {
            // Decisions that were not delivered must not be recorded as done.
            errors.appendRaw("error: the state was not saved to '\(path)': the decisions could not all be written\n")
            return false
        }
        do throws(StateError) {
            // The previous size, plus room to grow, spares the encoder growing its buffer.
            let report = try StateStore.save(engine.makeStateSnapshot(), to: path, capacity: lastSave.map { $0.bytes + $0.bytes / 8 })
            saves += 1
            lastSave = (report.bytes, report.encodeSeconds, report.writeSeconds)
            return true
        } catch {
            errors.appendRaw("error: the state was not saved: \(error.message)\n")
            return false
        }
    }

    /// The final save, then one JSON line on stderr about the state file (sizes and timings).
    func finish(_ engine: Engine, output: OutputBuffer, rejects: OutputBuffer?, errors: OutputBuffer) -> Bool {
        let saved = save(engine, output: output, rejects: rejects, errors: errors)
        errors.append("{\"state\":{\"file\":")
        errors.appendJSONString(path)
        errors.appendRaw(",\"saved\":\(saved),\"saves\":\(saves),\"bytes\":\(lastSave?.bytes ?? 0),\"load_seconds\":\(Self.format(loadSeconds))")
        errors.appendRaw(",\"last_save_encode_seconds\":\(Self.format(lastSave?.encodeSeconds ?? 0))")
        errors.appendRaw(",\"last_save_write_seconds\":\(Self.format(lastSave?.writeSeconds ?? 0))}}\n")
        return saved
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = (ContinuousClock.now - start).components
        return Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
    }

    /// Milliseconds precision, no exponent.
    private static func format(_ seconds: Double) -> String {
        let milliseconds = Int((seconds * 1000).rounded())
        let fraction = String(milliseconds % 1000)
        return "\(milliseconds / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// Decisions in a regular file reach the disk before a state that records their events.
    private static func syncIfFile(_ descriptor: Int32) {
        guard descriptor >= 0 else { return }
        var status = stat()
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG { _ = fsync(descriptor) }
    }
}

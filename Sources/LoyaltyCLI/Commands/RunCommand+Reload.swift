import Foundation
import LoyaltyEngine
import RuleLanguage
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Live reload for `loyalty run --watch` (and SIGHUP, with or without --watch): between two
/// events, the packs are loaded again; if they check cleanly the new rules take over with
/// every member's state carried across (by name, as a state file would), otherwise the
/// errors are reported and the running rules stay. Each reload is reported on stderr with the
/// packs' versions.
final class LiveReload: @unchecked Sendable {
    /// SIGHUPs received by the process (the handler can only touch a global). Each run
    /// remembers how many it has seen, so several runs in one process (the tests) each
    /// notice a hangup, and none takes another's file change.
    static let hangups = Atomic<Int>(0)
    /// Observability for tests: file changes noticed by any watcher, and reloads attempted.
    static let changesNoticed = Atomic<Int>(0)
    static let reloadsAttempted = Atomic<Int>(0)

    /// Set by this run's file watcher; read between events.
    private let changed = Atomic<Bool>(false)
    private var hangupsSeen: Int

    private let rules: [String]
    private let overrides: [String: String]
    private let options: Engine.Options
    private let errors: OutputBuffer
    private let usesColor: Bool
    private var fingerprints: [String: String] = [:]
    private var watcher: Thread?
    private let stopWatching = Atomic<Bool>(false)

    init(rules: [String], overrides: [String: String], options: Engine.Options, errors: OutputBuffer, usesColor: Bool) {
        self.rules = rules
        self.overrides = overrides
        self.options = options
        self.errors = errors
        self.usesColor = usesColor
        fingerprints = Self.fingerprints(of: rules)
        hangupsSeen = Self.hangups.load(ordering: .relaxed)
    }

    /// SIGHUP asks for a reload (async-signal-safe: one atomic store).
    static func installHangupHandler() {
        signal(SIGHUP) { _ in LiveReload.hangups.add(1, ordering: .relaxed) }
    }

    /// Polls the pack files twice a second; a changed file asks for a reload.
    func watch() {
        let thread = Thread { [self] in
            while !stopWatching.load(ordering: .relaxed) {
                usleep(500_000)
                let now = Self.fingerprints(of: rules)
                if now != fingerprints {
                    fingerprints = now
                    changed.store(true, ordering: .relaxed)
                    Self.changesNoticed.add(1, ordering: .relaxed)
                }
            }
        }
        thread.start()
        watcher = thread
    }

    func stop() {
        stopWatching.store(true, ordering: .relaxed)
    }

    /// Called between events: a new engine if a reload was asked for and succeeded.
    func check(_ current: Engine) -> Engine? {
        let fileChanged = changed.exchange(false, ordering: .relaxed)
        let hangups = Self.hangups.load(ordering: .relaxed)
        let hungUp = hangups != hangupsSeen
        hangupsSeen = hangups
        guard fileChanged || hungUp else { return nil }
        defer { Self.reloadsAttempted.add(1, ordering: .relaxed) }
        var options = options
        options.stamp = current.options.stamp
        let (loaded, load) = Engine.load(rules: rules, overrides: overrides, options: options)
        guard let engine = loaded else {
            let count = load.diagnostics.errorCount + load.errors.count
            report("{\"reload\":\"failed\",\"errors\":\(count),\"message\":\"the changed rules do not check; the running rules stay\"}")
            for error in load.errors { report("error: \(error)") }
            report(DiagnosticReport(load.diagnostics, usesColor: usesColor, limit: CheckCommand.displayLimit).text)
            return nil
        }
        let warnings: [String]
        do throws(StateError) {
            warnings = try engine.restore(from: current.makeStateSnapshot())
        } catch {
            report("{\"reload\":\"failed\",\"message\":\(JSONText.quoted("the member state could not be carried over: \(error.message)"))}")
            return nil
        }
        engine.statistics = current.statistics
        for warning in warnings { report("warning: reload: \(warning)") }
        report("{\"reload\":\"ok\",\"packs\":[" + Self.versions(engine).joined(separator: ",") + "]}")
        return engine
    }

    /// `{"name":"bench","version":"…"}` per pack, for the reload and start-up reports.
    static func versions(_ engine: Engine) -> [String] {
        engine.packs.map { "{\"name\":\(JSONText.quoted($0.name)),\"version\":\"\($0.version)\"}" }
    }

    private func report(_ text: String) {
        errors.appendRaw(text.hasSuffix("\n") ? text : text + "\n")
        errors.flush()
    }

    /// Size, modification time and a content hash per pack file, so that an editor saving the
    /// same text again (or touching the file) does not reload for nothing.
    private static func fingerprints(of paths: [String]) -> [String: String] {
        var result: [String: String] = [:]
        for path in PackLoader.files(in: paths).files {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in data {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
            result[path] = String(hash, radix: 16)
        }
        return result
    }
}

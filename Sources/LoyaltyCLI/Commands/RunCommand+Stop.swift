import Foundation
import LoyaltyEngine
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGTERM and SIGINT stop `loyalty run` gracefully: the lines already read are processed,
/// decisions are flushed, the state is saved and the summary printed, as at the end of the
/// input. (SIGKILL cannot be caught; a killed run is recovered by rerunning the stream,
/// docs/State.md.) Once the stream has stopped, a further signal ends the process as usual.
///
/// The handler only counts (async-signal-safe); a timer on another thread passes the request
/// on, because the run may be waiting for input and only a wake-up can end that wait. A real
/// handler, not SIG_IGN, so processes started meanwhile do not inherit an ignored signal.
final class GracefulStop: @unchecked Sendable {
    /// SIGTERM/SIGINT received by the process, and the last one's number.
    static let signalsReceived = Atomic<Int>(0)
    static let lastSignal = Atomic<Int32>(0)

    private let seenBefore: Int
    private let timer: DispatchSourceTimer
    private let stopped = Atomic<Bool>(false)

    init(_ processor: StreamProcessor) {
        seenBefore = Self.signalsReceived.load(ordering: .relaxed)
        for number in [SIGTERM, SIGINT] {
            signal(number) { number in
                GracefulStop.lastSignal.store(number, ordering: .relaxed)
                GracefulStop.signalsReceived.add(1, ordering: .relaxed)
            }
        }
        timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + .milliseconds(50), repeating: .milliseconds(50))
        timer.setEventHandler { [weak self, weak processor] in
            guard let self, Self.signalsReceived.load(ordering: .relaxed) > seenBefore,
                  !stopped.exchange(true, ordering: .relaxed) else { return }
            processor?.requestStop()
        }
        timer.resume()
    }

    /// The signal that stopped the run (`"SIGTERM"`, `"SIGINT"`), or nil.
    var signalName: String? {
        guard stopped.load(ordering: .relaxed) else { return nil }
        return Self.lastSignal.load(ordering: .relaxed) == SIGINT ? "SIGINT" : "SIGTERM"
    }

    /// Back to the default actions: the stream is over, a further signal ends the process.
    func uninstall() {
        timer.cancel()
        signal(SIGTERM, SIG_DFL)
        signal(SIGINT, SIG_DFL)
    }
}

import Foundation
import LoyaltyEngine

/// A one-line live status on stderr for a person watching a terminal: events, events/s,
/// rejected, members — redrawn at most a few times a second. Silent when stderr is not a
/// terminal, so piped runs and logs get only the final summary.
final class ProgressLine {
    private let errors: OutputBuffer
    private let started = Date()
    private var lastDrawn = Date.distantPast
    private var isVisible = false

    init(errors: OutputBuffer) {
        self.errors = errors
    }

    /// Redraws the status if enough time has passed since the last time.
    func update(_ statistics: RunStatistics, members: Int) {
        let now = Date()
        guard now.timeIntervalSince(lastDrawn) >= 0.25 else { return }
        lastDrawn = now
        let seconds = max(now.timeIntervalSince(started), 0.001)
        let rate = Int(Double(statistics.eventsRead) / seconds)
        errors.appendRaw("\r\u{1B}[2K\(Self.grouped(statistics.eventsRead)) events · \(Self.grouped(rate))/s · "
                         + "\(Self.grouped(statistics.rejectedTotal)) rejected · \(Self.grouped(members)) members")
        errors.flush()
        isVisible = true
    }

    /// Clears the status before the final summary.
    func finish() {
        guard isVisible else { return }
        errors.appendRaw("\r\u{1B}[2K")
        errors.flush()
    }

    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (position, character) in digits.enumerated() {
            if position > 0, (digits.count - position) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return out
    }
}

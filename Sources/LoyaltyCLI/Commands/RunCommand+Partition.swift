import Foundation
import LoyaltyEngine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--partition K/N`, `--forward-to FILE` and `--forwarded FILE` of `loyalty run` (SPEC §8,
/// docs/Partitioning.md): apply only the members hashing to partition K of N; write effects on
/// other partitions' members as `forwarded` lines; apply the effects other partitions
/// forwarded to this one at their position in the stream.
struct RunPartitioning {
    static let options = [
        OptionSpec("--partition", value: "K/N", help: "apply only the members of partition K of N (members by a fixed hash of their id)"),
        OptionSpec("--forward-to", value: "FILE", help: "with --partition: write effects on other partitions' members (a referrer's points) to FILE"),
        OptionSpec("--forwarded", value: "FILE", repeatable: true, help: "with --partition: apply the effects other partitions forwarded to this one"),
    ]

    var partition: Partition
    var forwardTo: String?
    var forwarded: [String]

    /// Nil when the run is not partitioned.
    init?(_ arguments: ParsedArguments) throws(UsageError) {
        guard let text = arguments.value("--partition") else {
            if arguments.value("--forward-to") != nil || !arguments.all("--forwarded").isEmpty {
                throw UsageError("--forward-to and --forwarded need --partition K/N")
            }
            return nil
        }
        guard let partition = Partition(text) else {
            throw UsageError("--partition needs K/N with 0 ≤ K < N, like --partition 0/4, not '\(text)'")
        }
        self.partition = partition
        forwardTo = arguments.value("--forward-to")
        forwarded = arguments.all("--forwarded")
    }

    /// Reads the forwarded effects and opens the forward file; a message on failure.
    /// When `resuming` from a state, the forward file is appended to: the effects of events
    /// before the checkpoint are already in it and will not be produced again.
    func attach(to processor: StreamProcessor, resuming: Bool) -> String? {
        var effects: [ForwardedEffect] = []
        for path in forwarded {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return "cannot read the forwarded effects in '\(path)'" }
            for (number, line) in text.split(separator: "\n").enumerated() {
                guard case .success(let value) = JSONReader.parse(String(line)), case .success(let event) = EventDecoder.decode(value),
                      let effect = ForwardedEffect(event: event.value) else {
                    return "'\(path)' line \(number + 1) is not a forwarded effect"
                }
                effects.append(effect)
            }
        }
        processor.receive(effects)
        if let forwardTo {
            let descriptor = open(forwardTo, O_WRONLY | O_CREAT | (resuming ? O_APPEND : O_TRUNC), 0o644)
            guard descriptor >= 0 else { return "cannot open '\(forwardTo)' for the forwarded effects: \(String(cString: strerror(errno)))" }
            processor.forwardOutput = OutputBuffer(fileDescriptor: descriptor)
        }
        return nil
    }
}

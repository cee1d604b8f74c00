#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Times an operation: the median of several rounds, each long enough (≥ 200 ms) that clock
/// resolution and one-off stalls do not matter. Time is the benchmark thread's CPU time, so
/// other work on a shared machine does not inflate the figures.
enum Stopwatch {
    /// Nanoseconds per call of `body`. `body` returns a checksum so the work cannot be
    /// optimised away.
    static func nanosecondsPerOperation(rounds: Int = 7, minimumRoundNanoseconds: Double = 200_000_000,
                                        _ body: () -> Int) -> Double {
        var checksum = 0
        func time(_ iterations: Int) -> Double {
            let start = threadCPUNanoseconds()
            for _ in 0..<iterations { checksum &+= body() }
            return threadCPUNanoseconds() - start
        }
        // Find an iteration count that fills a round.
        var iterations = 1
        while true {
            let elapsed = time(iterations)
            if elapsed >= minimumRoundNanoseconds { break }
            let scale = elapsed > 0 ? min(10, max(2, minimumRoundNanoseconds / elapsed * 1.2)) : 10
            iterations = Int(Double(iterations) * scale) + 1
        }
        var samples = (0..<rounds).map { _ in time(iterations) / Double(iterations) }
        Sink.consume(checksum)
        samples.sort()
        return samples[samples.count / 2]
    }

    /// CPU time consumed by the calling thread so far.
    static func threadCPUNanoseconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return Double(now.tv_sec) * 1e9 + Double(now.tv_nsec)
    }
}

/// Keeps benchmark results observable.
enum Sink {
    nonisolated(unsafe) static var value = 0

    @inline(never)
    static func consume(_ checksum: Int) { value &+= checksum }
}

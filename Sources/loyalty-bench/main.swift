import Foundation

/// `loyalty-bench expressions`: the rule language's speed, one line per benchmark.
/// Build with `-c release`; debug numbers mean nothing.
let command = CommandLine.arguments.dropFirst().first ?? "expressions"
guard command == "expressions" else {
    FileHandle.standardError.write(Data("usage: loyalty-bench expressions\n".utf8))
    exit(2)
}
for benchmark in ExpressionBenchmarks.all() {
    let nanoseconds = Stopwatch.nanosecondsPerOperation(benchmark.operation)
    let verdict = nanoseconds < benchmark.targetNanoseconds ? "PASS" : "MISS"
    let name = benchmark.name.padding(toLength: 56, withPad: " ", startingAt: 0)
    let measured = String(format: "%12.1f", nanoseconds)
    let target = String(format: "%9.0f", benchmark.targetNanoseconds)
    print("\(name) \(measured) ns/op   target < \(target) ns   \(verdict)")
}

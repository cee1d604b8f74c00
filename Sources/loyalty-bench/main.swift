import Foundation

/// `loyalty-bench expressions`: the rule language's speed, one line per benchmark.
/// Build with `-c release`; debug numbers mean nothing. An optional second argument keeps
/// only the benchmarks whose name contains it (for profiling one under callgrind).
let command = CommandLine.arguments.dropFirst().first ?? "expressions"
guard command == "expressions", CommandLine.arguments.count <= 3 else {
    FileHandle.standardError.write(Data("usage: loyalty-bench expressions [NAME-FILTER]\n".utf8))
    exit(2)
}
let filter = CommandLine.arguments.dropFirst(2).first
for benchmark in ExpressionBenchmarks.all() where filter.map({ benchmark.name.contains($0) }) ?? true {
    let nanoseconds = Stopwatch.nanosecondsPerOperation(benchmark.operation)
    let verdict = nanoseconds < benchmark.targetNanoseconds ? "PASS" : "MISS"
    let name = benchmark.name.padding(toLength: 56, withPad: " ", startingAt: 0)
    let measured = String(format: "%12.1f", nanoseconds)
    let target = String(format: "%9.0f", benchmark.targetNanoseconds)
    print("\(name) \(measured) ns/op   target < \(target) ns   \(verdict)")
}

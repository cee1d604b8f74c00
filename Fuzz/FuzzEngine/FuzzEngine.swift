import Foundation
import LoyaltyEngine
import RuleLanguage

/// The benchmark pack (rules/bench.rules, read once) with a fresh engine per input: a few
/// fixed valid events, then the input's lines (at most 8) as events, then a tick a year
/// later so expiries and schedules run over whatever the input left behind.
let pack: SourceFile = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../rules/bench.rules")
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { fatalError("cannot read \(url.path)") }
    return SourceFile(name: "bench.rules", text: text)
}()

let before = [
    #"{"id":"j1","type":"join","member":"m1","at":"2026-03-01T10:00:00+08:00","birthday":"1990-03-18"}"#,
    #"{"id":"p1","type":"purchase","member":"m1","at":"2026-03-18T10:00:00+08:00","amount":128.50,"items":[{"sku":"A","category":"food","qty":2,"price":64.25}]}"#,
    #"{"id":"p2","type":"purchase","member":"m2","at":"2026-03-19T10:00:00+08:00","amount":6000,"items":[{"sku":"W","category":"winter-apparel","qty":1,"price":6000}]}"#,
]
let after = #"{"id":"t-end","type":"tick","at":"2027-06-01T00:00:00+08:00"}"#

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEngine(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard let engine = Engine.compile([pack], options: Engine.Options(explain: true, stamp: true)).engine else {
        fatalError("rules/bench.rules does not compile")
    }
    let processor = StreamProcessor(engine: engine, output: OutputBuffer(fileDescriptor: -1), errors: OutputBuffer(fileDescriptor: -1), rejects: nil)
    var number = 0
    func feed(_ line: UnsafeBufferPointer<UInt8>) {
        number += 1
        processor.process(line, lineNumber: number)
    }
    for line in before { var line = line; line.withUTF8 { feed($0) } }
    let input = UnsafeBufferPointer(start: data, count: size)
    for line in input.split(separator: UInt8(ascii: "\n"), maxSplits: 7, omittingEmptySubsequences: false) {
        feed(UnsafeBufferPointer(rebasing: line))
    }
    var last = after
    last.withUTF8 { feed($0) }
    return 0
}

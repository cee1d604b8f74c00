import LoyaltyEngine
import RuleLanguage

/// One pack file: parse, check and compile it through `Engine.compile`, rendering every
/// diagnostic. A pack that compiles then gets a few fixed events, so its rules run once.
let events = [
    #"{"id":"j1","type":"join","member":"m1","at":"2026-03-01T10:00:00+08:00","birthday":"1990-03-18","referrer":"m0"}"#,
    #"{"id":"p1","type":"purchase","member":"m1","at":"2026-03-18T10:00:00+08:00","amount":128.50,"items":[{"sku":"A","category":"food","qty":2,"price":64.25}],"redeem_points":10,"coupons":["C1"]}"#,
    #"{"id":"i1","type":"interaction","member":"m1","at":"2026-03-19T10:00:00+08:00","action":"checkin"}"#,
    #"{"id":"r1","type":"refund","member":"m1","at":"2026-03-20T10:00:00+08:00","original":"p1","amount":50}"#,
    #"{"id":"t1","type":"tick","at":"2027-04-01T00:00:00+08:00"}"#,
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPack(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let (engine, load) = Engine.compile([SourceFile(name: "fuzz.rules", text: text)])
    let renderer = DiagnosticRenderer()
    for diagnostic in load.diagnostics.sorted { _ = renderer.render(diagnostic) }
    guard let engine else { return 0 }
    let processor = StreamProcessor(engine: engine, output: OutputBuffer(fileDescriptor: -1), errors: OutputBuffer(fileDescriptor: -1), rejects: nil)
    for (number, line) in events.enumerated() {
        var line = line
        line.withUTF8 { processor.process($0, lineNumber: number + 1) }
    }
    return 0
}

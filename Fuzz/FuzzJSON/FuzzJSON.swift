import LoyaltyEngine
import RuleLanguage

/// One input line: JSONReader, then EventDecoder on what it parsed; error messages and the
/// value's JSON form are built too, as the stream's error lines and `eval` would.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    switch JSONReader.parse(UnsafeBufferPointer(start: data, count: size)) {
    case .failure(let error):
        _ = error.message
    case .success(let value):
        _ = value.json
        switch EventDecoder.decode(value) {
        case .failure(let error): _ = error.message
        case .success(let event): _ = event.id
        }
    }
    return 0
}

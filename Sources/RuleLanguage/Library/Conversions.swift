/// `int`, `double`, `string`, `bool`, `timestamp`, `duration`, `dyn` and our `decimal`.
enum Conversions {
    static func register(in table: inout FunctionTable) {
        table.addUnary("int", [.global], [
            FunctionSignature([.int], .int), FunctionSignature([.decimal], .int), FunctionSignature([.double], .int),
            FunctionSignature([.string], .int), FunctionSignature([.timestamp], .int),
        ], toInt)
        table.addUnary("double", [.global], [
            FunctionSignature([.int], .double), FunctionSignature([.decimal], .double), FunctionSignature([.double], .double),
            FunctionSignature([.string], .double),
        ], toDouble)
        table.addUnary("decimal", [.global], [
            FunctionSignature([.int], .decimal), FunctionSignature([.decimal], .decimal), FunctionSignature([.double], .decimal),
            FunctionSignature([.string], .decimal),
        ], toDecimal)
        table.addUnary("string", [.global], [
            FunctionSignature([.int], .string), FunctionSignature([.decimal], .string), FunctionSignature([.double], .string),
            FunctionSignature([.string], .string), FunctionSignature([.bool], .string),
            FunctionSignature([.timestamp], .string), FunctionSignature([.duration], .string),
        ], toString)
        table.addUnary("bool", [.global], [FunctionSignature([.bool], .bool), FunctionSignature([.string], .bool)], toBool)
        table.addUnary("timestamp", [.global], [
            FunctionSignature([.string], .timestamp), FunctionSignature([.timestamp], .timestamp), FunctionSignature([.int], .timestamp),
        ], toTimestamp)
        table.addUnary("duration", [.global], [FunctionSignature([.string], .duration), FunctionSignature([.duration], .duration)], toDuration)
        // CEL's hint to the checker: the argument's static type is forgotten, so a value of a
        // known record type can be read dynamically (`dyn(event).note`).
        table.addUnary("dyn", [.global], [FunctionSignature([.dyn], .dyn)], resultType: { _ in .dyn }) { $0 }
    }

    static func toInt(_ value: Value) -> Value {
        switch value {
        case .int: return value
        case .decimal(let d):
            return d.truncated().map(Value.int) ?? .failure(.outOfRange("the decimal \(d) as a whole number"))
        case .double(let d):
            // Strictly inside Int64's range, as CEL requires.
            guard d.isFinite, d > -9_223_372_036_854_775_808.0, d < 9_223_372_036_854_775_808.0 else {
                return .failure(.outOfRange("the double \(JSONText.double(d)) as a whole number"))
            }
            return .int(Int64(d.rounded(.towardZero)))
        case .string(let s):
            return Int64(s).map(Value.int) ?? .failure(.conversion("'\(s)' is not a whole number"))
        case .timestamp(let t):
            return .int(t.seconds)
        default:
            return noOverload("int", value)
        }
    }

    static func toDouble(_ value: Value) -> Value {
        switch value {
        case .double: return value
        case .int(let i): return .double(Double(i))
        case .decimal(let d): return .double(d.doubleValue)
        case .string(let s):
            guard let d = parseDouble(s) else { return .failure(.conversion("'\(s)' is not a number")) }
            return .double(d)
        default: return noOverload("double", value)
        }
    }

    /// Accepts what CEL accepts: decimal and exponent forms, and NaN / ±Infinity spelled out.
    private static func parseDouble(_ s: String) -> Double? {
        switch s {
        case "NaN": return .nan
        case "Infinity", "+Infinity", "inf", "+inf": return .infinity
        case "-Infinity", "-inf": return -.infinity
        default:
            guard s.utf8.allSatisfy({ "0123456789.eE+-".utf8.contains($0) }) else { return nil }
            return Double(s)
        }
    }

    static func toDecimal(_ value: Value) -> Value {
        switch value {
        case .decimal: return value
        case .int(let i): return .decimal(ExactDecimal(i))
        case .double(let d):
            return ExactDecimal(exactly: d).map(Value.decimal) ?? .failure(.outOfRange("the double \(JSONText.double(d)) as a decimal"))
        case .string(let s):
            return ExactDecimal(s).map(Value.decimal) ?? .failure(.conversion("'\(s)' is not a decimal number"))
        default: return noOverload("decimal", value)
        }
    }

    static func toString(_ value: Value) -> Value {
        switch value {
        case .string: return value
        case .int(let i): return .string(String(i))
        case .decimal(let d): return .string(d.description)
        case .double(let d): return .string(JSONText.double(d))
        case .bool(let b): return .string(b ? "true" : "false")
        case .timestamp(let t): return .string(t.rfc3339)
        case .duration(let d): return .string(d.celString)
        default: return noOverload("string", value)
        }
    }

    static func toBool(_ value: Value) -> Value {
        switch value {
        case .bool: return value
        case .string(let s):
            switch s {
            case "1", "t", "true", "TRUE", "True": return .bool(true)
            case "0", "f", "false", "FALSE", "False": return .bool(false)
            default: return .failure(.conversion("'\(s)' is not a bool"))
            }
        default: return noOverload("bool", value)
        }
    }

    static func toTimestamp(_ value: Value) -> Value {
        switch value {
        case .timestamp: return value
        case .string(let s):
            return Instant(rfc3339: s).map(Value.timestamp) ?? .failure(.outOfRange("the timestamp '\(s)'"))
        case .int(let seconds):
            return Instant(seconds: seconds).map(Value.timestamp) ?? .failure(.outOfRange("the timestamp \(seconds)"))
        default: return noOverload("timestamp", value)
        }
    }

    static func toDuration(_ value: Value) -> Value {
        switch value {
        case .duration: return value
        case .string(let s):
            return TimeSpan(celString: s).map(Value.duration) ?? .failure(.outOfRange("the duration '\(s)'"))
        default: return noOverload("duration", value)
        }
    }
}

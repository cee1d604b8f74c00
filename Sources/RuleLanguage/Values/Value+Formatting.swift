/// Text forms of values: CEL-like literals for messages, plain JSON for `loyalty eval`,
/// and the tagged form of the conformance suite (`{"int":"1"}`, `{"decimal":"1.50"}`).
extension Value: CustomDebugStringConvertible {
    /// A CEL-like literal: `'gold'`, `1.50`, `[1, 2]`, `{'a': 1}`, `timestamp('…')`.
    public var debugDescription: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return "double(\(JSONText.double(d)))"
        case .decimal(let d): return d.description
        case .string(let s): return "'" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
        case .timestamp(let t): return "timestamp('\(t.rfc3339)')"
        case .duration(let d): return "duration('\(d.celString)')"
        case .list(let elements): return "[" + elements.map(\.debugDescription).joined(separator: ", ") + "]"
        case .map(let map):
            return "{" + map.entries.map { "\($0.key.debugDescription): \($0.value.debugDescription)" }.joined(separator: ", ") + "}"
        case .error(let error): return "error(\(error.message))"
        }
    }

    /// Plain JSON: numbers exact, timestamps and durations as strings, map keys as strings.
    public var json: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return d.isFinite ? JSONText.double(d) : JSONText.quoted(JSONText.double(d))
        case .decimal(let d): return d.description
        case .string(let s): return JSONText.quoted(s)
        case .timestamp(let t): return JSONText.quoted(t.rfc3339)
        case .duration(let d): return JSONText.quoted(d.celString)
        case .list(let elements): return "[" + elements.map(\.json).joined(separator: ",") + "]"
        case .map(let map):
            return "{" + map.entries.map { entry in
                let key: String
                if case .string(let s) = entry.key { key = s } else { key = entry.key.debugDescription }
                return JSONText.quoted(key) + ":" + entry.value.json
            }.joined(separator: ",") + "}"
        case .error(let error): return "{\"error\":" + JSONText.quoted(error.message) + "}"
        }
    }

    /// The conformance suite's tagged form.
    public var tagged: String {
        func tag(_ name: String, _ text: String) -> String { "{\"\(name)\":" + JSONText.quoted(text) + "}" }
        switch self {
        case .null: return "{\"null\":null}"
        case .bool(let b): return "{\"bool\":\(b)}"
        case .int(let i): return tag("int", String(i))
        case .double(let d): return tag("double", JSONText.double(d))
        case .decimal(let d): return tag("decimal", d.description)
        case .string(let s): return tag("string", s)
        case .timestamp(let t): return tag("timestamp", t.rfc3339)
        case .duration(let d): return tag("duration", d.celString)
        case .list(let elements): return "{\"list\":[" + elements.map(\.tagged).joined(separator: ",") + "]}"
        case .map(let map):
            return "{\"map\":[" + map.entries.map { "[\($0.key.tagged),\($0.value.tagged)]" }.joined(separator: ",") + "]}"
        case .error(let error): return tag("error", error.message)
        }
    }
}

/// Minimal JSON text helpers for the language's own output.
public enum JSONText {
    /// A JSON string literal, escaping quotes, backslashes and control characters.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// The shortest text that reads back as the same double (`NaN`, `Infinity` spelled out).
    public static func double(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        return d.description
    }
}

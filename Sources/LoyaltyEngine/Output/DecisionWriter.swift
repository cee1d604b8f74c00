import RuleLanguage

/// Writes decisions as JSON lines with a fixed field order (SPEC §4): `event`, `member`,
/// `kind`, `rule`, then the kind's own fields; optional fields only when present; numbers
/// exact. With `version`, a `pack_version` field names the rules that decided.
public struct DecisionWriter {
    public let output: OutputBuffer

    public init(output: OutputBuffer) {
        self.output = output
    }

    public func write(_ decision: Decision, version: String? = nil) {
        let out = output
        out.append("{\"event\":")
        out.appendJSONString(decision.event)
        out.append(",\"member\":")
        out.appendJSONString(decision.member)
        out.append(",\"kind\":\"")
        out.appendRaw(decision.kind.rawValue)
        out.append("\",\"rule\":")
        out.appendJSONString(decision.rule)
        switch decision.kind {
        case .points, .expire:
            out.append(",\"delta\":")
            out.appendInt(decision.delta)
            out.append(",\"balance\":")
            out.appendInt(decision.balance)
            out.append(",\"account\":")
            out.appendJSONString(decision.account)
            if let expires = decision.expires {
                out.append(",\"expires\":\"")
                out.appendTimestamp(expires)
                out.append(UInt8(ascii: "\""))
            }
            if let lot = decision.lot {
                out.append(",\"lot\":")
                out.appendJSONString(lot)
            }
        case .tier:
            out.append(",\"from\":")
            out.appendJSONString(decision.from)
            out.append(",\"to\":")
            out.appendJSONString(decision.to)
        case .redeem:
            out.append(",\"points\":")
            out.appendInt(decision.points)
            out.append(",\"value\":")
            out.appendDecimal(decision.value ?? ExactDecimal(0))
            out.append(",\"balance\":")
            out.appendInt(decision.balance)
            out.append(",\"account\":")
            out.appendJSONString(decision.account)
        case .grant:
            out.append(",\"benefit\":")
            out.appendJSONString(decision.benefit)
            if decision.count != 1 {
                out.append(",\"count\":")
                out.appendInt(decision.count)
            }
            if let value = decision.value {
                out.append(",\"value\":")
                out.appendDecimal(value)
            }
            if let expires = decision.expires {
                out.append(",\"expires\":\"")
                out.appendTimestamp(expires)
                out.append(UInt8(ascii: "\""))
            }
        }
        if let reason = decision.reason {
            out.append(",\"reason\":")
            out.appendJSONString(reason)
        }
        if let version {
            out.append(",\"pack_version\":")
            out.appendJSONString(version)
        }
        if let explanation = decision.explanation {
            out.append(",\"source\":")
            out.appendJSONString(explanation.source)
            out.append(",\"values\":{")
            for (position, entry) in explanation.values.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                out.appendJSONString(entry.name)
                out.append(UInt8(ascii: ":"))
                out.appendRaw(entry.value.json)
            }
            out.append(UInt8(ascii: "}"))
        }
        out.append("}\n")
    }
}

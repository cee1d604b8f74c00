import RuleLanguage

/// Validates a parsed JSON object as an event (SPEC §3, PROGRAMS §8 "Validation") and
/// extracts what the engine needs. Amounts, prices and quantities must be exact numbers,
/// ≥ 0 and < 10^15; timestamps RFC 3339 with an offset.
public enum EventDecoder {
    /// The largest amount accepted (exclusive): 10^15 yuan.
    static let amountLimit = ExactDecimal(1_000_000_000_000_000)

    public static func decode(_ value: consuming Value) -> Result<Event, InputError> {
        // Consuming the value moves the map out, so setting `at` below does not copy it.
        guard case .map(var map) = consume value else {
            return .failure(InputError(.notAnEvent, "the line is not an event object"))
        }
        do throws(InputError) {
            let id = try string(map, "id", hint: 0)
            guard !id.isEmpty else { throw InputError(.wrongType, "'id' is empty") }
            let type = try string(map, "type", hint: 1)
            let kind = Event.Kind(type)
            let member = kind == .tick ? nil : try string(map, "member", hint: 2)
            if member?.isEmpty == true { throw InputError(.wrongType, "'member' is empty") }
            let atText = try string(map, "at", hint: kind == .tick ? 2 : 3)
            guard let at = Instant(rfc3339: atText) else {
                throw InputError(.badTimestamp, "'at' is not an RFC 3339 timestamp with an offset: \(quote(atText))")
            }
            map.replaceField("at", hint: kind == .tick ? 2 : 3, with: .timestamp(at))
            // An optional field sent as null is treated as absent, so has() says false.
            if map.entries.contains(where: { if case .null = $0.value { true } else { false } }) {
                for entry in map.entries where entry.value.isNull { map.remove(entry.key) }
            }
            var event = Event(id: id, kind: kind, member: member, at: at, value: .null)
            switch kind {
            case .purchase:
                event.amount = try amount(map, "amount", hint: 5)
                try checkItems(map)

                if let points = map.value(forField: "redeem_points", hint: 7) {
                    switch points {
                    case .int(let n) where n >= 0: break
                    case .decimal(let d) where !d.isNegative && d.truncated().map({ d.compare(to: $0) == 0 }) == true:
                        // 5.0 from a till that writes every number with a fraction: a whole number.
                        map.set(.int(d.truncated()!), forKey: .string("redeem_points"))
                    default:
                        throw InputError(.wrongType, "'redeem_points' must be a whole number of points, not \(points.debugDescription)")
                    }
                }
                if let coupons = map.value(forField: "coupons", hint: 7) {
                    guard case .list(let codes) = coupons, codes.allSatisfy({ if case .string = $0 { true } else { false } }) else {
                        throw InputError(.wrongType, "'coupons' must be a list of coupon codes")
                    }
                }
            case .refund:
                event.original = try string(map, "original", hint: 4)
                event.amount = try amount(map, "amount", hint: 5)
                try checkItems(map)
            case .recharge:
                event.amount = try amount(map, "amount", hint: 4)
            case .interaction:
                event.action = try string(map, "action", hint: 4)
                if let count = map.value(forField: "count", hint: 5) {
                    guard case .int(let n) = count, n >= 0 else {
                        throw InputError(.wrongType, "'count' must be a whole number ≥ 0, not \(count.debugDescription)")
                    }
                }
            case .join:
                if let referrer = map.value(forField: "referrer", hint: 5) {
                    guard case .string(let text) = referrer else { throw wrongType("referrer", "a member id", referrer) }
                    event.referrer = text
                }
                if let birthday = map.value(forField: "birthday", hint: 4) {
                    guard case .string(let text) = birthday, let date = CivilCalendar.parseDate(text) else {
                        throw InputError(.wrongType, "'birthday' must be a date written YYYY-MM-DD, not \(birthday.debugDescription)")
                    }
                    event.birthday = CivilDate(year: date.year, month: date.month, day: date.day)
                }
                if map.value(forField: "fee", hint: 7) != nil { _ = try amount(map, "fee", hint: 7) }
            case .tick, .custom:
                break
            }
            event.value = .map(map)
            return .success(event)
        } catch {
            return .failure(error)
        }
    }

    private static func string(_ map: ValueMap, _ field: String, hint: Int) throws(InputError) -> String {
        guard let value = map.value(forField: field, hint: hint) else {
            throw InputError(.missingField, "the event has no '\(field)'")
        }
        guard case .string(let text) = value else { throw wrongType(field, "a string", value) }
        return text
    }

    /// An exact money amount: an int or a decimal read from its digits, never a double.
    private static func amount(_ map: ValueMap, _ field: String, hint: Int) throws(InputError) -> ExactDecimal {
        guard let value = map.value(forField: field, hint: hint) else {
            throw InputError(.missingField, "the event has no '\(field)'")
        }
        return try money(value, field)
    }

    static func money(_ value: Value, _ field: String) throws(InputError) -> ExactDecimal {
        let number: ExactDecimal
        switch value {
        case .int(let i): number = ExactDecimal(i)
        case .decimal(let d): number = d
        case .double:
            throw InputError(.badAmount, "'\(field)' is out of range (amounts must be below 10^15)")
        default:
            throw InputError(.badAmount, "'\(field)' must be a number, not \(value.debugDescription)")
        }
        if number.isNegative { throw InputError(.badAmount, "'\(field)' is negative: \(number)") }
        if !(number < amountLimit) { throw InputError(.badAmount, "'\(field)' is too large: \(number) (amounts must be below 10^15)") }
        return number
    }

    /// Items, when present: objects with a string sku/category and valid qty and price.
    private static func checkItems(_ map: ValueMap) throws(InputError) {
        guard let items = map.value(forField: "items", hint: 6) else { return }
        guard case .list(let list) = items else { throw wrongType("items", "a list", items) }
        for position in list.indices {
            guard case .map(let fields) = list[position] else {
                throw InputError(.wrongType, "item \(position + 1) is not an object")
            }
            try itemText(fields, "sku", hint: 0, position)
            try itemText(fields, "category", hint: 1, position)
            try itemNumber(fields, "qty", hint: 2, position)
            try itemNumber(fields, "price", hint: 3, position)
        }
    }

    @inline(__always)
    private static func itemText(_ fields: ValueMap, _ field: String, hint: Int, _ position: Int) throws(InputError) {
        switch fields.value(forField: field, hint: hint) {
        case .string?: return
        case nil: throw InputError(.missingField, "item \(position + 1) has no '\(field)'")
        default: throw InputError(.wrongType, "item \(position + 1)'s '\(field)' must be a string")
        }
    }

    @inline(__always)
    private static func itemNumber(_ fields: ValueMap, _ field: String, hint: Int, _ position: Int) throws(InputError) {
        guard let number = fields.value(forField: field, hint: hint) else {
            throw InputError(.missingField, "item \(position + 1) has no '\(field)'")
        }
        switch number {
        case .int(let i) where i >= 0 && i < 1_000_000_000_000_000: return
        case .decimal(let d) where !d.isNegative && d < amountLimit: return
        default: _ = try money(number, "item \(position + 1) \(field)")
        }
    }

    private static func wrongType(_ field: String, _ expected: String, _ value: Value) -> InputError {
        InputError(.wrongType, "'\(field)' must be \(expected), not \(article(value)) \(value.typeName)")
    }

    private static func article(_ value: Value) -> String {
        ["int", "error"].contains(value.typeName) ? "an" : "a"
    }

    private static func quote(_ text: String) -> String {
        text.count > 40 ? "'\(text.prefix(40))…'" : "'\(text)'"
    }
}

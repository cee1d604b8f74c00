import Foundation

/// A time zone named in a rule or passed to a CEL timestamp getter: "UTC", a fixed offset
/// ("+08:00", "-02:30", "02:00" meaning +02:00, "-00:00"), or an IANA name ("Asia/Shanghai",
/// "America/St_Johns", legacy aliases such as "US/Central").
///
/// UTC and fixed offsets are handled entirely here, with integer arithmetic and no
/// allocation, because the engine asks "is it the 18th in +08:00?" for every event. Only IANA
/// names go to Foundation, whose `TimeZone(identifier:)` knows the tz database but does not
/// parse "+11:00" — which is why offsets are parsed by hand.
///
/// Two rules are equal when their names are equal (as written), so "+08:00" and "08:00"
/// are different rules that happen to agree on every instant.
public struct TimeZoneRule: Sendable, Hashable {
    /// The name exactly as given to `resolve(_:)`.
    public let name: String
    private let kind: Kind

    /// Fixed zones carry their offset inline; named zones share one resolved `TimeZone`.
    private enum Kind: Sendable {
        case fixed(Int)
        case named(NamedZone)
    }

    private init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }

    /// Coordinated Universal Time, named "UTC".
    public static let utc = TimeZoneRule(name: "UTC", kind: .fixed(0))

    /// Resolves a zone name, or returns `nil` for names that are neither "UTC", a valid
    /// offset, nor a tz database name.
    ///
    /// Offsets follow cel-go's rule that a name containing ':' is an offset: an optional
    /// sign, exactly two hour digits (00–23), ':', exactly two minute digits (00–59).
    /// Anything else must look like a zone identifier (ASCII letters, digits, '/', '_', '-',
    /// '+', starting with a letter) and be known to Foundation.
    public static func resolve(_ name: String) -> TimeZoneRule? {
        if name == "UTC" { return .utc }
        if let offset = parseOffset(name) {
            return TimeZoneRule(name: name, kind: .fixed(offset))
        }
        guard !name.utf8.contains(UInt8(ascii: ":")), looksLikeIdentifier(name),
              let zone = NamedZone.lookup(name)
        else { return nil }
        return TimeZoneRule(name: name, kind: .named(zone))
    }

    /// Seconds east of UTC for fixed zones (including UTC); `nil` for IANA zones, whose
    /// offset depends on the instant.
    public var fixedOffsetSeconds: Int? {
        switch kind {
        case .fixed(let offset): return offset
        case .named: return nil
        }
    }

    /// The offset in force at `instant`, in seconds east of UTC. For IANA zones this follows
    /// the tz database, including daylight saving time and, far in the past, local mean time
    /// with its odd seconds.
    public func offsetSeconds(at instant: Instant) -> Int {
        switch kind {
        case .fixed(let offset):
            return offset
        case .named(let zone):
            return zone.offset(atUnixSeconds: instant.seconds)
        }
    }

    /// The UTC seconds at which the local clock first reads `local` (local Unix seconds),
    /// for `CivilCalendar.startOfDay`. In a daylight-saving gap (the local time never
    /// occurs) this is the first instant after the gap; in a fold (it occurs twice) the
    /// earlier one. The result is not range-checked.
    func utcSeconds(forLocalSeconds local: Int64) -> Int64 {
        let zone: NamedZone
        switch kind {
        case .fixed(let offset): return local - Int64(offset)
        case .named(let named): zone = named
        }
        // Offsets in force a day either side cover the normal case and both sides of a
        // transition near `local`; the offset at the first guess covers a zone that moved
        // twice in that window.
        let before = local - Int64(zone.offset(atUnixSeconds: local - 86_400))
        let after = local - Int64(zone.offset(atUnixSeconds: local + 86_400))
        let refined = local - Int64(zone.offset(atUnixSeconds: before))
        var best: Int64?
        for candidate in [before, after, refined]
        where candidate + Int64(zone.offset(atUnixSeconds: candidate)) == local {
            best = min(best ?? candidate, candidate)
        }
        if let best { return best }

        // A gap: the local reading jumps past `local` somewhere between the two candidates.
        // Find the first instant whose local reading is at or after `local`.
        var low = min(before, after, refined)
        var high = max(before, after, refined)
        while low < high {
            let mid = low + (high - low) / 2
            if mid + Int64(zone.offset(atUnixSeconds: mid)) >= local {
                high = mid
            } else {
                low = mid + 1
            }
        }
        return low
    }

    public static func == (a: TimeZoneRule, b: TimeZoneRule) -> Bool {
        a.name == b.name
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
    }

    // MARK: Name parsing

    /// Parses "[+|-]hh:mm" by hand (no Foundation, no allocation): hh 00–23, mm 00–59.
    /// "-00:00" is accepted and means UTC.
    static func parseOffset(_ name: String) -> Int? {
        var name = name
        return name.withUTF8 { bytes -> Int? in
            var start = 0
            var sign = 1
            if bytes.count == 6, bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-") {
                sign = bytes[0] == UInt8(ascii: "-") ? -1 : 1
                start = 1
            }
            guard bytes.count - start == 5, bytes[start + 2] == UInt8(ascii: ":"),
                  let hours = TimeDigits.number(bytes, start, 2),
                  let minutes = TimeDigits.number(bytes, start + 3, 2),
                  hours <= 23, minutes <= 59
            else { return nil }
            return sign * (hours * 3600 + minutes * 60)
        }
    }

    /// Keeps obvious non-names (empty, spaces, punctuation) away from Foundation, which can
    /// be lenient in surprising ways.
    private static func looksLikeIdentifier(_ name: String) -> Bool {
        guard let first = name.utf8.first, isASCIILetter(first) else { return false }
        return name.utf8.allSatisfy { byte in
            isASCIILetter(byte) || (byte &- 48) <= 9 || byte == UInt8(ascii: "/")
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
        }
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- UInt8(ascii: "a") < 26
    }
}

/// A resolved IANA zone, boxed so `TimeZoneRule` stays small and every copy shares one
/// `TimeZone`. Immutable after creation, so sharing across threads is safe.
final class NamedZone: Sendable {
    let zone: TimeZone

    private init(zone: TimeZone) {
        self.zone = zone
    }

    /// Offset in force at a Unix second. Takes raw seconds rather than an `Instant` so
    /// `startOfDay` can probe just outside CEL's range.
    func offset(atUnixSeconds seconds: Int64) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds)))
    }

    // MARK: Cache

    /// Loading a zone reads the tz database from disk, and rules may name zones at run
    /// time (`ts.getDate(event.zone)`), so resolved zones are kept process-wide.
    /// Unknown names are remembered too, but the cache stops growing at `cacheLimit`
    /// entries so hostile input cannot exhaust memory.
    nonisolated(unsafe) private static var cache: [String: NamedZone?] = [:]
    private static let cacheLock = NSLock()
    private static let cacheLimit = 512

    static func lookup(_ name: String) -> NamedZone? {
        cacheLock.lock()
        let cached = cache[name]
        cacheLock.unlock()
        if let cached { return cached }

        let resolved = TimeZone(identifier: name).map(NamedZone.init(zone:))
        cacheLock.lock()
        if cache.count < cacheLimit { cache[name] = resolved }
        cacheLock.unlock()
        return resolved
    }
}

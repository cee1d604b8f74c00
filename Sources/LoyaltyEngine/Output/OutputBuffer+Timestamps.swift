import RuleLanguage

/// Timestamps as RFC 3339 in UTC.
///
/// Output timestamps cluster in time (a stream is roughly in order), so the date part is
/// kept from the previous call and only the time of day is formatted: the calendar
/// arithmetic behind the date costs more than everything else in a decision line.
extension OutputBuffer {
    /// Appends `instant` as RFC 3339 in UTC without quotes, e.g. `2026-03-01T09:30:00Z`,
    /// `2009-02-13T23:31:30.123Z`: the text of `Instant.rfc3339`.
    public func appendTimestamp(_ instant: Instant) {
        let (day, secondOfDay) = OutputBuffer.floorDivide(instant.seconds, by: 86_400)
        // Fractions are rare in output; they take the general writer.
        guard instant.nanoseconds == 0, timestampDate.prepare(day: day) else {
            scratch.removeAll(keepingCapacity: true)
            instant.write(to: &scratch)
            scratch.withUnsafeBytes { append($0) }
            return
        }
        withUnsafeSpace(TimestampDate.length + 9) { output in
            timestampDate.write(to: output)
            let time = output + TimestampDate.length
            let second = Int(secondOfDay)
            OutputBuffer.writeDigits(UInt64(second / 3600), count: 2, at: time)
            time[2] = UInt8(ascii: ":")
            OutputBuffer.writeDigits(UInt64(second / 60 % 60), count: 2, at: time + 3)
            time[5] = UInt8(ascii: ":")
            OutputBuffer.writeDigits(UInt64(second % 60), count: 2, at: time + 6)
            time[8] = UInt8(ascii: "Z")
            return TimestampDate.length + 9
        }
    }

    /// Quotient and remainder rounded toward negative infinity, so instants before 1970
    /// fall on the right day.
    static func floorDivide(_ value: Int64, by divisor: Int64) -> (Int64, Int64) {
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }
}

extension OutputBuffer {
    /// `YYYY-MM-DDT` of one UTC day, as `Instant.write(to:)` spells it.
    struct TimestampDate {
        /// Bytes in `YYYY-MM-DDT`.
        static let length = 11

        private var day = Int64.min
        private var text: (UInt64, UInt64) = (0, 0)

        /// Makes `day` (days since 1970-01-01) the current date; false if its text is not the
        /// usual 11 bytes (which `Instant`'s range rules out, but the general writer handles).
        mutating func prepare(day newDay: Int64) -> Bool {
            if newDay == day { return true }
            guard let midnight = Instant(seconds: newDay * 86_400) else { return false }
            var bytes: [UInt8] = []
            midnight.write(to: &bytes)
            guard bytes.count >= 16, bytes[TimestampDate.length - 1] == UInt8(ascii: "T") else { return false }
            text = bytes.withUnsafeBytes { raw in
                (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            }
            day = newDay
            return true
        }

        /// Writes the 11 bytes of the current date. Needs 16 bytes of room: the copy is two
        /// whole words, and the 5 bytes past the date are overwritten by the time that follows.
        func write(to output: UnsafeMutablePointer<UInt8>) {
            withUnsafeBytes(of: text) { bytes in
                UnsafeMutableRawPointer(output).copyMemory(from: bytes.baseAddress!, byteCount: 16)
            }
        }
    }
}

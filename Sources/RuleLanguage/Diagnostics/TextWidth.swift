/// Terminal cell widths, so an underline lines up under Chinese text: East Asian wide
/// and full-width characters take two cells, combining marks none.
public enum TextWidth {
    public static func cells(of character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        if character == "\t" { return 1 }
        return isWide(scalar.value) ? 2 : 1
    }

    public static func cells(of text: Substring) -> Int {
        text.reduce(0) { $0 + cells(of: $1) }
    }

    /// The ranges Unicode's EastAsianWidth marks W or F that appear in practice
    /// (CJK, Hangul, kana, full-width forms, emoji).
    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
             0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
             0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}

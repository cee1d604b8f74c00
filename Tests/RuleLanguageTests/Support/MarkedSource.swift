@testable import RuleLanguage

/// Source text with position markers (`1️⃣` … `9️⃣`) written where a diagnostic must point,
/// as in swift-syntax's `assertParse`: the markers are removed and their positions kept.
struct MarkedSource {
    /// The text without markers.
    let text: String
    /// Each marker's byte offset in `text`.
    let offsets: [String: Int]

    init(_ marked: String) {
        var scalars = String.UnicodeScalarView()
        var offsets: [String: Int] = [:]
        var utf8Count = 0
        let input = Array(marked.unicodeScalars)
        var index = 0
        while index < input.count {
            let scalar = input[index]
            if ("1"..."9").contains(scalar), index + 2 < input.count,
               input[index + 1] == "\u{FE0F}", input[index + 2] == "\u{20E3}" {
                offsets[String(scalar) + "\u{FE0F}\u{20E3}"] = utf8Count
                index += 3
                continue
            }
            scalars.append(scalar)
            utf8Count += String(scalar).utf8.count
            index += 1
        }
        self.text = String(scalars)
        self.offsets = offsets
    }

    /// The line and column a marker stands at, as diagnostics report them.
    func location(of marker: String = "1️⃣", in file: SourceFile) -> RuleLanguage.SourceLocation? {
        offsets[marker].map { file.location(of: $0) }
    }
}

/// One diagnostic as the marker tests compare it: `line:col: message`.
func summary(_ diagnostic: Diagnostic) -> String {
    "\(diagnostic.location): \(diagnostic.message.text)"
}

extension MarkedSource {
    /// `line:col: message` for each marker in order, pairing `1️⃣` with the first message.
    func expected(_ messages: [String], in file: SourceFile) -> [String] {
        messages.enumerated().map { position, message in
            let marker = "\(position + 1)\u{FE0F}\u{20E3}"
            let location = self.location(of: marker, in: file).map(\.description) ?? "<no \(marker) in source>"
            return "\(location): \(message)"
        }
    }
}

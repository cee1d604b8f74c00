/// Renders diagnostics the way a good compiler does:
///
/// ```
/// rules/supermarket.rules:9:42: error: 'item' has no field 'categroy'
///   |
/// 9 | let eligible = event.items.filter(i, !(i.categroy in excluded))
///   |                                          ^~~~~~~~
///   = help: did you mean 'category'?
/// ```
/// The first line follows editor and CI conventions; the underline is padded with the
/// line's own tabs and counts Chinese characters as two cells.
public struct DiagnosticRenderer: Sendable {
    public var usesColor: Bool

    public init(usesColor: Bool = false) {
        self.usesColor = usesColor
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        let file = diagnostic.file
        let start = Int(diagnostic.range.start)
        let location = file.location(of: start)
        let lineIndex = location.line - 1
        let lineText = file.lineText(lineIndex)
        let gutter = String(repeating: " ", count: String(location.line).count)

        var out = paint("\(file.name):\(location): ", bold: true)
        out += paint("\(diagnostic.severity.rawValue): ", color: color(for: diagnostic.severity), bold: true)
        out += paint(diagnostic.message.text, bold: true) + "\n"
        out += "\(gutter) |\n"
        out += "\(location.line) | \(lineText)\n"
        out += "\(gutter) | " + paint(underline(lineText, from: location.column, length: underlineLength(diagnostic, lineIndex: lineIndex)), color: color(for: diagnostic.severity), bold: true) + "\n"
        if let help = diagnostic.help {
            out += "\(gutter) = help: \(help)\n"
        }
        return out
    }

    /// The number of characters the range covers on its first line (at least one).
    private func underlineLength(_ diagnostic: Diagnostic, lineIndex: Int) -> Int {
        let file = diagnostic.file
        let lineEnd = lineIndex + 1 < file.lineStarts.count ? file.lineStarts[lineIndex + 1] - 1 : file.bytes.count
        let start = Int(diagnostic.range.start)
        let end = min(Int(diagnostic.range.end), lineEnd)
        guard end > start else { return 1 }
        return max(1, file.text(in: SourceRange(start: start, end: end)).count)
    }

    /// Spaces (or the line's own tabs) up to the column, then `^~~~` as wide as the text.
    private func underline(_ line: String, from column: Int, length: Int) -> String {
        var result = ""
        let characters = Array(line)
        for index in 0..<min(column - 1, characters.count) {
            let character = characters[index]
            result += character == "\t" ? "\t" : String(repeating: " ", count: TextWidth.cells(of: character))
        }
        var cells = 0
        let covered = characters.dropFirst(column - 1).prefix(length)
        cells = TextWidth.cells(of: Substring(String(covered)))
        cells = max(cells, 1)
        return result + "^" + String(repeating: "~", count: cells - 1)
    }

    private func color(for severity: Severity) -> String {
        switch severity {
        case .error: "31"
        case .warning: "33"
        case .note: "36"
        }
    }

    private func paint(_ text: String, color: String? = nil, bold: Bool = false) -> String {
        guard usesColor else { return text }
        var codes: [String] = []
        if bold { codes.append("1") }
        if let color { codes.append(color) }
        return "\u{1B}[\(codes.joined(separator: ";"))m\(text)\u{1B}[0m"
    }
}

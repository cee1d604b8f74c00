/// A named piece of rule text — a pack file, or an expression typed on the command line —
/// with a table of line starts so positions are computed only when a diagnostic needs them.
public final class SourceFile: Sendable {
    /// The path shown in diagnostics (`rules/supermarket.rules`, or `<expression>`).
    public let name: String
    public let text: String
    /// The text as UTF-8 bytes; all `SourceRange`s index into this.
    public let bytes: [UInt8]
    /// Byte offset at which each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]

    public init(name: String, text: String) {
        self.name = name
        self.text = text
        let bytes = Array(text.utf8)
        self.bytes = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        self.lineStarts = starts
    }

    /// The 0-based index of the line holding `offset`.
    public func lineIndex(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// Line and column of a byte offset; the column counts characters, not bytes,
    /// so a caret lands under the right glyph in lines holding Chinese text.
    public func location(of offset: Int) -> SourceLocation {
        let line = lineIndex(of: offset)
        let start = lineStarts[line]
        let clamped = min(max(offset, start), bytes.count)
        let prefix = String(decoding: bytes[start..<clamped], as: UTF8.self)
        return SourceLocation(line: line + 1, column: prefix.count + 1)
    }

    /// The text of a 0-based line, without its line break.
    public func lineText(_ index: Int) -> String {
        let start = lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    /// The source text covered by a range.
    public func text(in range: SourceRange) -> String {
        let start = max(0, min(Int(range.start), bytes.count))
        let end = max(start, min(Int(range.end), bytes.count))
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}

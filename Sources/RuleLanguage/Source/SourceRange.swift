/// A span of source text as UTF-8 byte offsets, half-open: `start..<end`.
///
/// Ranges are byte offsets so tokens stay small and slicing is O(1); line and
/// column are computed late, only when a diagnostic is rendered.
public struct SourceRange: Sendable, Hashable {
    public var start: Int32
    public var end: Int32

    public init(start: Int, end: Int) {
        self.start = Int32(truncatingIfNeeded: start)
        self.end = Int32(truncatingIfNeeded: end)
    }

    /// An empty range at `offset`, for "expected … here" diagnostics.
    public static func at(_ offset: Int) -> SourceRange {
        SourceRange(start: offset, end: offset)
    }

    /// The smallest range covering both.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(start: Int(min(start, other.start)), end: Int(max(end, other.end)))
    }

    public var length: Int { Int(end - start) }
}

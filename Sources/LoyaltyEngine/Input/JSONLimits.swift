/// Limits for one input line.
///
/// A stream from a till or a queue is not trusted: a corrupted or hostile line must cost a
/// bounded amount of memory and stack, and be reported rather than crash the run.
public struct JSONLimits: Sendable, Equatable {
    /// Most arrays and objects open at once. The reader never recurses, but values this deep
    /// are still refused: nothing in an event needs them, and later stages (printing,
    /// equality) do walk values recursively.
    public var maximumDepth: Int
    /// Longest line accepted, in bytes, not counting its line break.
    public var maximumLineBytes: Int

    public init(maximumDepth: Int = 64, maximumLineBytes: Int = 1 << 20) {
        self.maximumDepth = maximumDepth
        self.maximumLineBytes = maximumLineBytes
    }

    /// 64 levels and 1 MiB.
    public static let `default` = JSONLimits()
}

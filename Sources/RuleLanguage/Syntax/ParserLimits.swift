/// Size limits on rule text, enforced while parsing so that no input can exhaust the
/// stack: a deep tree is refused before it is built (releasing a very deep tree
/// recursively would itself overflow the stack).
public enum ParserLimits {
    /// Brackets, parentheses, calls and conditionals nested inside each other.
    /// CEL asks for at least 12 nested calls, 32 parentheses and 24 nested `?:`.
    public static let maximumNesting = 100
    /// Levels in one expression's tree, e.g. 200 terms joined by `+` or `||`
    /// (CEL asks for at least 32).
    public static let maximumHeight: Int32 = 200
    /// Bytes in one pack file or expression (1 MiB).
    public static let maximumSourceBytes = 1 << 20
}

/// A compiled expression: a closure over an `Activation` with every name already resolved
/// to a slot, a constant or an accessor.
public typealias CompiledExpr = @Sendable (Activation) -> Value

/// A compiled expression ready to run, with the number of slots its activation needs.
public struct Program: Sendable {
    public let evaluate: CompiledExpr
    /// Set when the whole expression folded to a constant at compile time.
    public let constant: Value?

    public init(evaluate: @escaping CompiledExpr, constant: Value?) {
        self.evaluate = evaluate
        self.constant = constant
    }

    public func callAsFunction(_ activation: Activation) -> Value {
        evaluate(activation)
    }
}

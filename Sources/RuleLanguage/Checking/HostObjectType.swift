/// An object supplied by the host (the engine's `member`): fields and methods with
/// static types and accessors that read the host's current state. The language knows
/// nothing about members; the engine describes them here.
public struct HostObjectType: Sendable {
    public struct Field: Sendable {
        public var type: RuleType
        public var evaluate: CompiledExpr
        public var help: String?

        public init(type: RuleType, help: String? = nil, evaluate: @escaping CompiledExpr) {
            self.type = type
            self.evaluate = evaluate
            self.help = help
        }
    }

    public struct Method: Sendable {
        public var parameters: [RuleType]
        public var result: RuleType
        public var evaluate: Body
        public var help: String?
        /// Given the arguments known at compile time (nil where not constant), a faster body.
        public var specialize: (@Sendable ([Value?]) -> Body?)?

        public init(parameters: [RuleType], result: RuleType, help: String? = nil,
                    specialize: (@Sendable ([Value?]) -> Body?)? = nil,
                    evaluate: @escaping @Sendable (Activation, [Value]) -> Value) {
            self.parameters = parameters
            self.result = result
            self.evaluate = Body(evaluate)
            self.help = help
            self.specialize = specialize
        }
    }

    /// A method's implementation, wrapped in a struct so it is stored and called at its
    /// natural abstraction (a bare closure in an Optional goes through reabstraction thunks).
    public struct Body: Sendable {
        public let call: @Sendable (Activation, [Value]) -> Value

        public init(_ call: @escaping @Sendable (Activation, [Value]) -> Value) {
            self.call = call
        }
    }

    public var name: String
    public var fields: [String: Field]
    public var methods: [String: Method]

    public init(name: String, fields: [String: Field] = [:], methods: [String: Method] = [:]) {
        self.name = name
        self.fields = fields
        self.methods = methods
    }
}

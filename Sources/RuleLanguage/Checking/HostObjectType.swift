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
        public var evaluate: @Sendable (Activation, [Value]) -> Value
        public var help: String?
        /// Given the arguments known at compile time (nil where not constant), a faster body.
        public var specialize: (@Sendable ([Value?]) -> (@Sendable (Activation, [Value]) -> Value)?)?

        public init(parameters: [RuleType], result: RuleType, help: String? = nil,
                    specialize: (@Sendable ([Value?]) -> (@Sendable (Activation, [Value]) -> Value)?)? = nil,
                    evaluate: @escaping @Sendable (Activation, [Value]) -> Value) {
            self.parameters = parameters
            self.result = result
            self.evaluate = evaluate
            self.help = help
            self.specialize = specialize
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

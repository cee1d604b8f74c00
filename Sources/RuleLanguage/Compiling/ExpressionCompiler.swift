/// The whole pipeline for one expression: parse, check, compile.
public enum ExpressionCompiler {
    public struct Result: Sendable {
        public var program: Program
        /// Slots an `Activation` needs to run it.
        public var slotCount: Int
        public var type: RuleType
        public var diagnostics: DiagnosticBag
        public var expr: Expr
    }

    /// Compiles `file` as one expression. With `checking` off (CEL's `disable_check`), type
    /// errors are not reported and surface at run time as error values instead.
    public static func compile(_ file: SourceFile, environment: Environment, checking: Bool = true) -> Result {
        let (expr, parseDiagnostics) = Parser.parseExpression(file)
        var diagnostics = parseDiagnostics
        var type = RuleType.dyn
        if checking, !parseDiagnostics.hasErrors {
            var checker = Checker(environment: environment, file: file)
            type = checker.check(expr)
            diagnostics.append(contentsOf: checker.diagnostics)
        }
        var compiler = Compiler(environment: environment)
        let program = compiler.compile(expr)
        return Result(program: program, slotCount: compiler.slotCount, type: type, diagnostics: diagnostics, expr: expr)
    }
}

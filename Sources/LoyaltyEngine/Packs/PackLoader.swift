import Foundation
import RuleLanguage

/// Finds, reads, parses, checks and compiles rule packs: files, or directories of
/// `*.rules` files in name order; packs load in that order.
public enum PackLoader {
    public struct Result {
        public var packs: [CompiledPack]
        public var diagnostics: DiagnosticBag
        public var files: [SourceFile]
        /// Problems with the paths themselves (missing file, unreadable).
        public var errors: [String]
    }

    /// The pack files a list of `--rules` paths names, in load order.
    public static func files(in paths: [String]) -> (files: [String], errors: [String]) {
        var files: [String] = []
        var errors: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                errors.append("\(path): no such file or directory")
                continue
            }
            if isDirectory.boolValue {
                let names = (try? manager.contentsOfDirectory(atPath: path)) ?? []
                let packs = names.filter { $0.hasSuffix(".rules") }.sorted()
                if packs.isEmpty { errors.append("\(path): the directory holds no .rules files") }
                files.append(contentsOf: packs.map { path.hasSuffix("/") ? path + $0 : path + "/" + $0 })
            } else {
                files.append(path)
            }
        }
        return (files, errors)
    }

    /// Loads packs for a run; `overrides` maps "pack.param" to an expression text.
    static func load(_ paths: [String], overrides: [String: String], context: RuleContext) -> Result {
        let (paths, pathErrors) = files(in: paths)
        var errors = pathErrors
        var sources: [SourceFile] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                errors.append("\(path): cannot be read")
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                errors.append("\(path): is not UTF-8 text")
                continue
            }
            sources.append(SourceFile(name: path, text: text))
        }
        return compile(sources, overrides: overrides, context: context, errors: errors)
    }

    static func compile(_ sources: [SourceFile], overrides: [String: String], context: RuleContext, errors: [String] = []) -> Result {
        var diagnostics = DiagnosticBag()
        var packs: [CompiledPack] = []
        var names: [String: SourceFile] = [:]
        var usedOverrides = Set<String>()
        for source in sources {
            let (syntax, parseDiagnostics) = Parser.parsePack(source)
            diagnostics.append(contentsOf: parseDiagnostics)
            guard let name = syntax.name else { continue }
            if names[name.text] != nil {
                diagnostics.error(.duplicatePack(name.text), in: source, at: name.range)
                continue
            }
            names[name.text] = source
            var packOverrides: [String: String] = [:]
            for (target, value) in overrides where target.hasPrefix(name.text + ".") {
                packOverrides[String(target.dropFirst(name.text.count + 1))] = value
                usedOverrides.insert(target)
            }
            var compiler = PackCompiler(syntax: syntax, index: packs.count, context: context, overrides: packOverrides)
            let pack = compiler.compile()
            diagnostics.append(contentsOf: compiler.diagnostics)
            if parseDiagnostics.hasErrors { continue }
            if let pack { packs.append(pack) }
            for name in packOverrides.keys where !syntax.parameters.contains(where: { $0.name.text == name }) {
                usedOverrides.remove("\(syntax.name!.text).\(name)")
            }
        }
        var allErrors = errors
        for target in overrides.keys.sorted() where !usedOverrides.contains(target) {
            allErrors.append("error: " + DiagnosticMessage.overrideUnknown(target).text)
        }
        return Result(packs: packs, diagnostics: diagnostics, files: sources, errors: allErrors)
    }
}

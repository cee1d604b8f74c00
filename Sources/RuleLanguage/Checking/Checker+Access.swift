/// Field selection, `has()` and indexing.
extension Checker {
    @discardableResult
    mutating func checkSelect(_ target: Expr, field: String, fieldRange: SourceRange, isPresenceTest: Bool) -> RuleType {
        if case .identifier(let name) = target.kind, !locals.contains(where: { $0.name == name }),
           let variable = environment.variables[name], case .hostObject = variable.binding,
           let host = environment.hostObjects[name] {
            if let hostField = host.fields[field] { return hostField.type }
            if !isPresenceTest {
                let help = Self.didYouMean(field, Array(host.fields.keys) + Array(host.methods.keys))
                    ?? (host.methods[field] != nil ? "'\(field)' is a function: write \(name).\(field)(...)" : nil)
                error(.unknownField(field, on: "'\(name)'"), at: fieldRange, help: help)
            }
            return .error
        }
        let targetType = checkNode(target)
        switch targetType {
        case .record(let record):
            if let (_, recordField) = record.field(named: field) { return recordField.type }
            let suggestion = Self.didYouMean(field, record.fields.map(\.name))
            if isPresenceTest {
                // has() may test for extra fields the till sends; only a likely typo is worth a word.
                if let suggestion { warning(.unknownField(field, on: record.displayName), at: fieldRange, help: suggestion) }
                return .dyn
            }
            if record.allowsExtraFields, let path = target.path, guardedPaths.contains(path + "." + field) {
                return .dyn  // an extra field the till may send, read where has() tested it
            }
            let help = suggestion ?? (record.allowsExtraFields ? "to read a field that is not always sent, test it with has(\(target.path ?? "…").\(field)) first, or index it: [\"\(field)\"]" : nil)
            error(.unknownField(field, on: record.displayName), at: fieldRange, help: help)
            return .error
        case .map(let key, let value):
            if !key.isUnknown, key != .string { error(.noFields(targetType, field: field), at: fieldRange) }
            return value
        case .dyn, .error:
            return .dyn
        default:
            error(.noFields(targetType, field: field), at: fieldRange)
            return .error
        }
    }

    mutating func checkIndex(_ target: Expr, _ index: Expr, range: SourceRange) -> RuleType {
        let targetType = checkNode(target)
        let indexType = checkNode(index)
        switch targetType {
        case .list(let element):
            if !indexType.isUnknown, indexType != .int {
                error(.operatorMismatch("[]", targetType, indexType), at: index.range, help: "list positions are whole numbers, starting at 0")
            }
            return element
        case .map(let key, let value):
            if !indexType.isUnknown, !key.isUnknown, !indexType.isAssignable(to: key) {
                error(.operatorMismatch("[]", targetType, indexType), at: index.range)
            }
            return value
        case .record(let record):
            if case .literal(.string(let name)) = index.kind, let (_, field) = record.field(named: name) {
                return field.type
            }
            return .dyn
        case .dyn, .error:
            return .dyn
        default:
            error(.notIndexable(targetType), at: target.range)
            return .error
        }
    }
}

/// A diagnostic's wording as a value: a stable `id` that tests, docs and
/// `loyalty explain` refer to, the sentence itself, and an optional standing help line.
///
/// Every message is made by one factory in `DiagnosticMessage+Catalogue.swift`; call sites
/// never build wording inline.
public struct DiagnosticMessage: Sendable, Hashable, CustomStringConvertible {
    public var id: String
    public var text: String
    public var help: String?

    public init(id: String, _ text: String, help: String? = nil) {
        self.id = id
        self.text = text
        self.help = help
    }

    public var description: String { text }
}

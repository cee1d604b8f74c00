/// Why an input line was not applied; `code` is stable and documented (SPEC §6), the
/// message is one plain sentence for the person reading the log.
public struct InputError: Error, Sendable, Equatable {
    public enum Code: String, Sendable, CaseIterable {
        case invalidJSON = "invalid-json"
        case invalidUTF8 = "invalid-utf8"
        case notAnEvent = "not-an-event"
        case missingField = "missing-field"
        case wrongType = "wrong-type"
        case badTimestamp = "bad-timestamp"
        case badAmount = "bad-amount"
        case duplicate = "duplicate"
        case unknownOriginal = "unknown-original"
        case lineTooLong = "line-too-long"
        case tooDeep = "too-deep"
        case ruleError = "rule-error"
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// Duplicates are reported but are not rejects: the line was already applied once.
    public var isReject: Bool { code != .duplicate }
}

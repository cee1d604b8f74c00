import LoyaltyEngine

/// `--max-line-bytes N` and `--max-clock-jump DAYS`: the input limits `run`, `simulate` and
/// sample `args` files share.
struct InputLimitOptions {
    static let specs = [
        OptionSpec("--max-line-bytes", value: "N", help: "reject lines longer than N bytes (default 1048576)"),
        OptionSpec("--max-clock-jump", value: "DAYS",
                   help: "reject events dated more than DAYS after the latest one (default: \(Engine.Options.defaultMaximumClockJumpDays) if a pack has calendar hooks or tier reviews, else none; 0: no limit)"),
    ]

    var json = JSONLimits.default
    /// nil: the engine's default (see `Engine.Options.maximumClockJumpDays`).
    var maximumClockJumpDays: Int?

    init(_ arguments: ParsedArguments) throws(UsageError) {
        if let text = arguments.value("--max-line-bytes") {
            guard let bytes = Int(text), bytes > 0 else { throw UsageError("--max-line-bytes needs a positive number, not '\(text)'") }
            json.maximumLineBytes = bytes
        }
        if let text = arguments.value("--max-clock-jump") {
            guard let days = Int(text), days >= 0 else {
                throw UsageError("--max-clock-jump needs a number of days (0 for no limit), not '\(text)'")
            }
            maximumClockJumpDays = days
        }
    }
}

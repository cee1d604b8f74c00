import LoyaltyEngine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a command reads and writes: the process's stdin/stdout/stderr, or in-memory
/// buffers so every command can be tested in-process.
public final class StandardStreams {
    /// The file descriptor events are read from.
    public let input: Int32
    public let output: OutputBuffer
    public let errors: OutputBuffer
    /// Colour and live progress only when a person is watching stderr.
    public let errorsIsTerminal: Bool

    public init(input: Int32, output: OutputBuffer, errors: OutputBuffer, errorsIsTerminal: Bool) {
        self.input = input
        self.output = output
        self.errors = errors
        self.errorsIsTerminal = errorsIsTerminal
    }

    /// The process's own streams.
    public static func process() -> StandardStreams {
        StandardStreams(input: 0, output: OutputBuffer(fileDescriptor: 1), errors: OutputBuffer(fileDescriptor: 2),
                        errorsIsTerminal: isatty(2) == 1)
    }

    /// In-memory streams for tests; `input` is a file descriptor the caller opened.
    public static func memory(input: Int32 = -1) -> StandardStreams {
        StandardStreams(input: input, output: OutputBuffer(fileDescriptor: -1), errors: OutputBuffer(fileDescriptor: -1),
                        errorsIsTerminal: false)
    }

    public func print(_ text: String) {
        output.appendRaw(text)
        output.append(UInt8(ascii: "\n"))
    }

    public func printError(_ text: String) {
        errors.appendRaw(text)
        if !text.hasSuffix("\n") { errors.append(UInt8(ascii: "\n")) }
    }

    public func flush() {
        output.flush()
        errors.flush()
    }
}

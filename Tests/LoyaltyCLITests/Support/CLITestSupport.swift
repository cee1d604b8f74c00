import Foundation
@testable import LoyaltyCLI
import LoyaltyEngine

/// Running commands in-process, finding the package's files, and making event streams.
/// (No `import Testing` here: its `ExitStatus` would hide the CLI's.)
enum CLITestSupport {
    static let packageRoot = URL(fileURLWithPath: PackageRoot.path)

    static let benchRules = packageRoot.appendingPathComponent("rules/bench.rules").path

    /// `../shared/tools/gen-stream` beside the package; a missing tool fails the test (it is
    /// part of the repository layout, so its absence is a broken checkout, not a reason to skip).
    static func genStream() throws -> URL {
        let tool = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/tools/gen-stream").standardizedFileURL
        guard FileManager.default.fileExists(atPath: tool.path) else {
            throw SetupError("gen-stream is missing: expected it at \(tool.path) (the package needs ../shared/tools beside it)")
        }
        return tool
    }

    /// Runs `python3 gen-stream ARGS` into `file`.
    static func generateStream(_ arguments: [String], into file: URL) throws {
        let tool = try genStream()
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", tool.path] + arguments
        process.standardOutput = try FileHandle(forWritingTo: file)
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw SetupError("python3 \(tool.path) \(arguments.joined(separator: " ")) failed with status \(process.terminationStatus)")
        }
    }

    static func makeTemporaryDirectory(_ name: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loyalty-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    struct Outcome {
        var status: ExitStatus
        var output: String
        var errors: String
    }

    /// Runs one command line in-process, stdin read from `input` (a file); `terminal` makes
    /// stderr look like a terminal (live progress, colour).
    static func run(_ arguments: [String], input: URL? = nil, terminal: Bool = false) -> Outcome {
        let descriptor = input.map { open($0.path, O_RDONLY) } ?? -1
        defer { if descriptor >= 0 { close(descriptor) } }
        let memory = StandardStreams.memory(input: descriptor)
        let streams = StandardStreams(input: descriptor, output: memory.output, errors: memory.errors, errorsIsTerminal: terminal)
        let status = LoyaltyCLI.main(arguments: arguments, streams: streams)
        return Outcome(status: status, output: String(decoding: streams.output.bytes, as: UTF8.self),
                       errors: String(decoding: streams.errors.bytes, as: UTF8.self))
    }
}

/// A test could not set up what it needs; the message says what is missing.
struct SetupError: Error, CustomStringConvertible, Sendable {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}

/// A small, fast, seedable generator (Steele, Lea and Flood's SplitMix64).
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

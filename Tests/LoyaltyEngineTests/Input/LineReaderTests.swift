import Foundation
import Testing
@testable import LoyaltyEngine

@Suite("LineReader")
struct LineReaderTests {
    /// Input and the lines expected from it, with a 4-byte line limit.
    static let cases: [(String, [Delivered])] = [
        ("", []),
        ("a\nb\nc\n", [.text("a"), .text("b"), .text("c")]),
        ("a\nb", [.text("a"), .text("b")]),  // no final newline
        ("a\r\nb\r\n", [.text("a"), .text("b")]),
        ("a\r\nb\r", [.text("a"), .text("b")]),
        ("a\r\r\n", [.text("a\r")]),  // only one "\r" is part of the line break
        ("x\ry\n", [.text("x\ry")]),
        ("\n", [.text("")]),
        ("\n\n", [.text(""), .text("")]),
        ("\r\n", [.text("")]),
        ("a\n\nb\n", [.text("a"), .text(""), .text("b")]),
        (" x \n", [.text(" x ")]),
        ("abcd\nabcde\nab\n", [.text("abcd"), .tooLong(5), .text("ab")]),
        ("abcd\r\n", [.text("abcd")]),  // the "\r" does not count
        ("abcde\r\nz", [.tooLong(5), .text("z")]),
        ("ab\nabcdefgh", [.text("ab"), .tooLong(8)]),
        ("abcdefg\r", [.tooLong(7)]),
        ("abcdefghijklmnopqrstuvwxyz\nok\n", [.tooLong(26), .text("ok")]),
        ("abcdefghijklmnopqrstuvwxyz\r\n\r\nok", [.tooLong(26), .text(""), .text("ok")]),
        ("é中\n", [.tooLong(5)]),
        ("é\n中\n", [.text("é"), .text("中")]),
    ]

    @Test(arguments: cases, [1, 2, 3, 7, 64, 1 << 20])
    func splitsLines(example: (input: String, expected: [Delivered]), chunkSize: Int) throws {
        let lines = try Self.readLines(Array(example.input.utf8), maximumLineBytes: 4, chunkSize: chunkSize)
        #expect(lines == example.expected)
    }

    @Test(arguments: [4096, 1 << 20])
    func aHugeLineIsSkippedAndTheNextOneRead(chunkSize: Int) throws {
        var input = Array("first\n".utf8)
        input += [UInt8](repeating: UInt8(ascii: "x"), count: 3_000_000)
        input += Array("\nnext\nlast".utf8)
        let lines = try Self.readLines(input, maximumLineBytes: 1 << 20, chunkSize: chunkSize)
        #expect(lines == [.text("first"), .tooLong(3_000_000), .text("next"), .text("last")])
    }

    @Test func longLinesAcrossManyTinyChunks() throws {
        // Lines longer than the chunk, the limit just met and just passed, 7-byte reads.
        let limit = 100
        let lines = (0..<50).map { String(repeating: Character(Unicode.Scalar(97 + $0 % 26)!), count: 90 + $0 % 20) }
        let lines2 = try Self.readLines(Array((lines.joined(separator: "\n") + "\n").utf8), maximumLineBytes: limit, chunkSize: 7)
        #expect(lines2 == lines.map { $0.utf8.count > limit ? .tooLong($0.utf8.count) : .text($0) })
    }

    @Test func readsFromAPipeWrittenInPieces() throws {
        var descriptors: [Int32] = [0, 0]
        try #require(pipe(&descriptors) == 0)
        let (readEnd, writeEnd) = (descriptors[0], descriptors[1])
        let expected = (1...2_000).map { "{\"line\":\($0)}" }
        let text = Array((expected.joined(separator: "\n") + "\n").utf8)
        // The writer trickles the text in odd-sized pieces so reads end mid-line.
        let writer = Thread {
            var offset = 0
            var piece = 1
            while offset < text.count {
                let size = min(piece, text.count - offset)
                let written = text[offset..<offset + size].withUnsafeBytes { write(writeEnd, $0.baseAddress, size) }
                if written > 0 { offset += written }
                piece = piece % 97 + 13
            }
            close(writeEnd)
        }
        writer.start()
        defer { close(readEnd) }
        var received: [String] = []
        LineReader(fileDescriptor: readEnd, chunkSize: 1 << 16).forEachLine { number, line in
            guard case .bytes(let bytes) = line else { Issue.record("line \(number) too long"); return }
            received.append(String(decoding: bytes, as: UTF8.self))
        }
        #expect(received == expected)
    }

    @Test func anErrorFromTheBodyStopsReading() throws {
        struct Stop: Error {}
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("line-reader-\(UUID().uuidString)")
        try Data("a\nb\nc\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let descriptor = open(url.path, O_RDONLY)
        defer { close(descriptor) }
        var seen: [Int] = []
        #expect(throws: Stop.self) {
            try LineReader(fileDescriptor: descriptor, chunkSize: 1).forEachLine { number, _ in
                seen.append(number)
                if number == 2 { throw Stop() }
            }
        }
        #expect(seen == [1, 2])
    }

    @Test func aFailedReadIsReported() {
        let reader = LineReader(fileDescriptor: -1)
        var lines = 0
        reader.forEachLine { _, _ in lines += 1 }
        #expect(lines == 0)
        #expect(reader.readError == EBADF)
    }
}

extension LineReaderTests {
    /// What `LineReader` delivered, in a comparable form.
    enum Delivered: Equatable, CustomStringConvertible {
        case text(String)
        case tooLong(Int)

        var description: String {
            switch self {
            case .text(let text): "text(\(text.debugDescription))"
            case .tooLong(let length): "tooLong(\(length))"
            }
        }
    }

    /// Writes `bytes` to a temporary file and reads it back with a `LineReader`.
    static func readLines(_ bytes: [UInt8], maximumLineBytes: Int = 1 << 20, chunkSize: Int) throws -> [Delivered] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("line-reader-\(UUID().uuidString)")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let descriptor = open(url.path, O_RDONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let reader = LineReader(fileDescriptor: descriptor, maximumLineBytes: maximumLineBytes, chunkSize: chunkSize)
        var lines: [Delivered] = []
        reader.forEachLine { number, line in
            #expect(number == lines.count + 1, "line numbers count every line")
            switch line {
            case .bytes(let bytes): lines.append(.text(String(decoding: bytes, as: UTF8.self)))
            case .tooLong(let length): lines.append(.tooLong(length))
            }
        }
        #expect(reader.readError == nil)
        return lines
    }
}

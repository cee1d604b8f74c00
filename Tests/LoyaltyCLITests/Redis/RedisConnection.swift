import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A minimal Redis client (RESP over a TCP socket) for the partitioning integration test:
/// enough for PING, XADD, XGROUP and XREADGROUP. No package: the project uses the toolchain only.
final class RedisConnection {
    enum Reply: Equatable {
        case simple(String)
        case error(String)
        case integer(Int)
        case bulk(String?)
        case array([Reply]?)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let socket: Int32
    private var buffer: [UInt8] = []
    private var position = 0

    init(port: UInt16) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socket)
            throw Failure(description: "cannot connect to redis on port \(port)")
        }
    }

    deinit { close(socket) }

    /// Sends one command and reads its reply.
    @discardableResult
    func command(_ words: [String]) throws -> Reply {
        try send([words])
        return try readReply()
    }

    /// Sends many commands pipelined, in batches: sending thousands before reading any reply
    /// would fill both socket buffers and deadlock.
    func pipeline(_ commands: [[String]]) throws -> [Reply] {
        var replies: [Reply] = []
        var start = 0
        while start < commands.count {
            let batch = Array(commands[start..<min(start + 200, commands.count)])
            try send(batch)
            for _ in batch { replies.append(try readReply()) }
            start += batch.count
        }
        return replies
    }

    private func send(_ commands: [[String]]) throws {
        var out: [UInt8] = []
        for words in commands {
            out += Array("*\(words.count)\r\n".utf8)
            for word in words {
                let bytes = Array(word.utf8)
                out += Array("$\(bytes.count)\r\n".utf8) + bytes + [13, 10]
            }
        }
        var sent = 0
        while sent < out.count {
            let n = out[sent...].withUnsafeBytes { write(socket, $0.baseAddress, $0.count) }
            guard n > 0 else { throw Failure(description: "redis connection closed while sending") }
            sent += n
        }
    }

    private func readLine() throws -> String {
        while true {
            if let end = buffer[position...].firstIndex(of: 13), end + 1 < buffer.count, buffer[end + 1] == 10 {
                let line = String(decoding: buffer[position..<end], as: UTF8.self)
                position = end + 2
                return line
            }
            try fill()
        }
    }

    private func readBytes(_ count: Int) throws -> [UInt8] {
        while buffer.count - position < count + 2 { try fill() }
        let bytes = Array(buffer[position..<position + count])
        position += count + 2
        return bytes
    }

    private func fill() throws {
        if position > 1 << 20 {
            buffer.removeFirst(position)
            position = 0
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let n = chunk.withUnsafeMutableBytes { read(socket, $0.baseAddress, $0.count) }
        guard n > 0 else { throw Failure(description: "redis connection closed while reading") }
        buffer += chunk[0..<n]
    }

    private func readReply() throws -> Reply {
        let line = try readLine()
        let rest = String(line.dropFirst())
        switch line.first {
        case "+": return .simple(rest)
        case "-": return .error(rest)
        case ":": return .integer(Int(rest) ?? 0)
        case "$":
            let length = Int(rest) ?? -1
            return length < 0 ? .bulk(nil) : .bulk(String(decoding: try readBytes(length), as: UTF8.self))
        case "*":
            let count = Int(rest) ?? -1
            guard count >= 0 else { return .array(nil) }
            return .array(try (0..<count).map { _ in try readReply() })
        default:
            throw Failure(description: "unexpected redis reply '\(line)'")
        }
    }
}

import RuleLanguage

extension JSONReader {
    /// The state of reading one line: the bytes, a position, and the workspace's buffers.
    ///
    /// A struct on the caller's stack holding a copy of the workspace for the duration, so
    /// the hot loop works on locals rather than through a pointer the optimizer must assume
    /// aliases everything. `parse` copies the workspace back afterwards (its buffers may have
    /// grown).
    struct Parser {
        let base: UnsafePointer<UInt8>
        let count: Int
        /// The next byte to read.
        var index = 0
        let maximumDepth: Int
        var workspace: Workspace

        init(base: UnsafePointer<UInt8>, count: Int, maximumDepth: Int, workspace: Workspace) {
            self.base = base
            self.count = count
            self.maximumDepth = maximumDepth
            self.workspace = workspace
        }

        // The workspace's buffers under short names (see `Workspace` for what each holds).

        var values: Stack<Value> {
            @inline(__always) get { workspace.values }
            @inline(__always) _modify { yield &workspace.values }
        }

        var frames: Stack<JSONReader.Frame> {
            @inline(__always) get { workspace.frames }
            @inline(__always) _modify { yield &workspace.frames }
        }

        var keys: Stack<UInt64> {
            @inline(__always) get { workspace.keys }
            @inline(__always) _modify { yield &workspace.keys }
        }

        var escaped: Stack<UInt8> {
            @inline(__always) get { workspace.escaped }
            @inline(__always) _modify { yield &workspace.escaped }
        }

        var cache: StringCache {
            @inline(__always) get { workspace.cache }
        }

        /// Skips JSON whitespace: exactly space, tab, line feed and carriage return.
        @inline(__always)
        mutating func skipWhitespace() {
            // Most lines are compact: one test lets every byte that can follow pass.
            if index < count && base[index] > Byte.space { return }
            skipWhitespaceSlowly()
        }

        @inline(never)
        private mutating func skipWhitespaceSlowly() {
            while index < count {
                let byte = base[index]
                guard byte == Byte.space || byte == Byte.lineFeed || byte == Byte.carriageReturn || byte == Byte.tab
                else { return }
                index += 1
            }
        }

        /// What is at `position`, for an error message.
        func found(at position: Int) -> JSONError.Found {
            guard position < count else { return .endOfLine }
            let byte = base[position]
            if byte < 0x80 { return .character(Unicode.Scalar(byte)) }
            guard let end = UTF8Check.sequenceEnd(base, count: count, at: position) else { return .byte(byte) }
            let text = String(decoding: UnsafeBufferPointer(start: base + position, count: end - position), as: UTF8.self)
            return text.unicodeScalars.first.map { .character($0) } ?? .byte(byte)
        }
    }

    /// ASCII bytes the grammar names.
    enum Byte {
        static let tab: UInt8 = 0x09
        static let lineFeed: UInt8 = 0x0A
        static let carriageReturn: UInt8 = 0x0D
        static let space: UInt8 = 0x20
        static let quote = UInt8(ascii: "\"")
        static let singleQuote = UInt8(ascii: "'")
        static let plus = UInt8(ascii: "+")
        static let comma = UInt8(ascii: ",")
        static let minus = UInt8(ascii: "-")
        static let dot = UInt8(ascii: ".")
        static let slash = UInt8(ascii: "/")
        static let zero = UInt8(ascii: "0")
        static let colon = UInt8(ascii: ":")
        static let openBracket = UInt8(ascii: "[")
        static let backslash = UInt8(ascii: "\\")
        static let closeBracket = UInt8(ascii: "]")
        static let openBrace = UInt8(ascii: "{")
        static let closeBrace = UInt8(ascii: "}")
    }
}

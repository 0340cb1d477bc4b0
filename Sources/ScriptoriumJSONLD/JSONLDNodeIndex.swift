/// The nodes of one JSON-LD file as `validate` compares them with the CSV: each object with a string `@id`, by the
/// record id at the end of that IRI, with the values of the few keys compared (`number`, `blockKind`, `marker`,
/// `text`) and whether it has `hasPart`. Objects inside `@context` are not nodes.
///
/// Read straight from the file's bytes, which `JSONSyntax` has already found to be strict JSON: a node keeps where
/// its object starts and where its values lie in the bytes, and a string is decoded only when it is compared. Parsing
/// the whole file into Foundation objects cost many times its size in memory, and building every node's JSON Pointer
/// cost more than the rest of the check; the pointers of the few nodes a message names are found by a second pass.
///
/// When two objects have the same id, the node is the first in the order the check always used: depth first, an
/// object before its contents, an object's keys in sorted order, an array's items in order.
struct JSONLDNodeIndex {
    /// Where a compared key's value lies: `start..<end` for a string (inside the quotes, escapes not decoded).
    struct Field {
        static let absent = Field(start: -1, end: -1)
        static let notString = Field(start: -2, end: -2)
        var start: Int
        var end: Int
    }

    struct Node {
        /// The offset of the object's `{`.
        var offset: Int
        var number = Field.absent, blockKind = Field.absent, marker = Field.absent, text = Field.absent
        var hasPart = false

        /// Stored in line, not in an array: a large file has hundreds of thousands of nodes.
        subscript(_ key: Key) -> Field {
            get {
                switch key {
                case .number: number
                case .blockKind: blockKind
                case .marker: marker
                case .text: text
                }
            }
            set {
                switch key {
                case .number: number = newValue
                case .blockKind: blockKind = newValue
                case .marker: marker = newValue
                case .text: text = newValue
                }
            }
        }
    }

    enum Key {
        case number, blockKind, marker, text
    }

    let bytes: [UInt8]
    private(set) var nodes: [String: Node] = [:]

    /// `bytes` must be strict JSON (`JSONSyntax.firstProblem` is nil).
    init(bytes: [UInt8]) {
        self.bytes = bytes
        var candidates: [String: [Int]] = [:] // the offsets of every object with an id that is already a node
        var found: [String: Node] = [:]
        Walker.walk(bytes, found: { node, idRange in
            let key = Self.recordID(JSONString.decode(bytes, idRange))
            if found[key] == nil {
                found[key] = node
            } else {
                candidates[key, default: [found[key]!.offset]].append(node.offset)
            }
        })
        guard !candidates.isEmpty else {
            nodes = found
            return
        }
        // Ids that repeat: the first in the check's order wins.
        var all: [Int: Node] = [:]
        Walker.walk(bytes, found: { node, _ in all[node.offset] = node })
        let paths = Walker.paths(bytes, of: Set(candidates.values.joined()))
        for (key, offsets) in candidates {
            let first = offsets.min { Self.precedes(paths[$0]!, paths[$1]!) }!
            found[key] = all[first]!
        }
        nodes = found
    }

    /// The value of `key` in `node`: nil when absent, `.some(nil)` when not a string.
    func value(_ node: Node, _ key: Key) -> String?? {
        let field = node[key]
        if field.start == Field.absent.start { return nil }
        if field.start == Field.notString.start { return .some(nil) }
        return .some(JSONString.decode(bytes, field.start..<field.end))
    }

    /// The JSON Pointer (RFC 6901) of each node starting at one of `offsets`.
    func pointers(_ offsets: Set<Int>) -> [Int: String] {
        Walker.paths(bytes, of: offsets).mapValues { steps in
            steps.map { step in
                switch step {
                case .key(let k): "/" + Self.escape(k)
                case .index(let n): "/\(n)"
                }
            }.joined()
        }
    }

    /// A key as a JSON Pointer reference token.
    static func escape(_ key: String) -> String {
        key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    /// The record id at the end of an `@id` IRI.
    static func recordID(_ id: String) -> String {
        String(id.split(whereSeparator: { $0 == "#" || $0 == "/" || $0 == ":" }).last ?? "")
    }

    enum Step {
        case key(String)
        case index(Int)
    }

    /// True when the node at `a` comes before the one at `b` in the check's order.
    private static func precedes(_ a: [Step], _ b: [Step]) -> Bool {
        for (x, y) in zip(a, b) {
            switch (x, y) {
            case (.key(let p), .key(let q)) where p != q: return p < q
            case (.index(let p), .index(let q)) where p != q: return p < q
            default: continue
            }
        }
        return a.count < b.count
    }

    /// A recursive descent over strict JSON, keeping the path of the value it is in.
    private struct Walker {
        typealias Path = [(key: Range<Int>?, index: Int)]
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0
        /// Each step: an object key (its byte range) or an array index.
        var path: Path = []
        /// Called with the offset of each object outside `@context`, and its path.
        let started: (Int, Path) -> Void
        /// Called with each node, after its contents, and its `@id`'s range.
        let found: (Node, Range<Int>) -> Void

        static func walk(_ bytes: [UInt8], started: (Int, Path) -> Void = { _, _ in },
                         found: (Node, Range<Int>) -> Void = { _, _ in }) {
            bytes.withUnsafeBufferPointer { buffer in
                withoutActuallyEscaping(started) { started in
                    withoutActuallyEscaping(found) { found in
                        var walker = Walker(bytes: buffer, started: started, found: found)
                        walker.space()
                        walker.value(inContext: false)
                    }
                }
            }
        }

        /// The path of each object starting at one of `offsets`, as steps.
        static func paths(_ bytes: [UInt8], of offsets: Set<Int>) -> [Int: [Step]] {
            if offsets.isEmpty { return [:] }
            var result: [Int: [Step]] = [:]
            walk(bytes, started: { offset, path in
                guard offsets.contains(offset) else { return }
                result[offset] = path.map { step in step.key.map { .key(JSONString.decode(bytes, $0)) } ?? .index(step.index) }
            })
            return result
        }

        mutating func space() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        }

        /// The range inside the quotes of the string at `i`, which it skips.
        mutating func string() -> Range<Int> {
            let start = i + 1
            i = start
            while bytes[i] != UInt8(ascii: "\"") { i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1 }
            i += 1
            return start..<(i - 1)
        }

        /// Skips a value; objects inside `@context` (`inContext`) are not reported.
        mutating func value(inContext: Bool) {
            switch bytes[i] {
            case UInt8(ascii: "{"): object(inContext: inContext)
            case UInt8(ascii: "["):
                i += 1
                space()
                var n = 0
                while bytes[i] != UInt8(ascii: "]") {
                    path.append((nil, n))
                    value(inContext: inContext)
                    path.removeLast()
                    n += 1
                    space()
                    if bytes[i] == UInt8(ascii: ",") { i += 1; space() }
                }
                i += 1
            case UInt8(ascii: "\""): _ = string()
            default:
                while i < bytes.count, !Self.ends(bytes[i]) { i += 1 }
            }
        }

        private static func ends(_ b: UInt8) -> Bool {
            b == UInt8(ascii: ",") || b == UInt8(ascii: "}") || b == UInt8(ascii: "]") || b == 0x20 || b == 0x09 || b == 0x0A
                || b == 0x0D
        }

        mutating func object(inContext: Bool) {
            var node = Node(offset: i)
            if !inContext { started(i, path) }
            var id: Range<Int>?
            i += 1
            space()
            while bytes[i] != UInt8(ascii: "}") {
                let key = string()
                space()
                i += 1 // ':'
                space()
                let start = i
                let name = name(key)
                path.append((key, 0))
                value(inContext: inContext || name == .context)
                path.removeLast()
                let range = bytes[start] == UInt8(ascii: "\"") ? (start + 1)..<(i - 1) : nil
                switch name {
                case .field(let field): node[field] = range.map { Field(start: $0.lowerBound, end: $0.upperBound) } ?? .notString
                case .id: id = range
                case .hasPart: node.hasPart = true
                case .context, .other: break
                }
                space()
                if bytes[i] == UInt8(ascii: ",") { i += 1; space() }
            }
            i += 1
            if !inContext, let id { found(node, id) }
        }

        private enum Name: Equatable {
            case field(Key), id, hasPart, context, other
        }

        /// What the key at `range` is to the check, from its bytes (decoded only when it holds an escape).
        private func name(_ range: Range<Int>) -> Name {
            let raw = UnsafeBufferPointer(rebasing: bytes[range])
            let escaped = raw.contains(UInt8(ascii: "\\"))
            guard raw.count <= 9 || escaped else { return .other } // "blockKind", "@context": the longest names
            for (text, name) in Self.names where escaped ? JSONString.decode(bytes, range) == text : raw.elementsEqual(text.utf8) {
                return name
            }
            return .other
        }

        private static let names: [(String, Name)] = [
            ("text", .field(.text)), ("@id", .id), ("number", .field(.number)), ("blockKind", .field(.blockKind)),
            ("marker", .field(.marker)), ("hasPart", .hasPart), ("@context", .context),
        ]
    }
}

/// The text of a JSON string from its bytes inside the quotes (strict JSON: escapes are well formed).
enum JSONString {
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let raw = UnsafeBufferPointer(rebasing: bytes[range])
        guard raw.contains(UInt8(ascii: "\\")) else { return String(decoding: raw, as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        func flush() {
            scalars.append(contentsOf: String(decoding: out, as: UTF8.self).unicodeScalars)
            out.removeAll(keepingCapacity: true)
        }
        func hex(_ at: Int) -> UInt32 {
            raw[at..<(at + 4)].reduce(0) { value, b in
                value << 4 | UInt32(b <= 0x39 ? b - 0x30 : (b | 0x20) - 0x61 + 10)
            }
        }
        while i < raw.count {
            guard raw[i] == UInt8(ascii: "\\") else {
                out.append(raw[i])
                i += 1
                continue
            }
            let e = raw[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var code = hex(i)
                i += 4
                if (0xD800..<0xDC00).contains(code), i + 6 <= raw.count, raw[i] == UInt8(ascii: "\\"), raw[i + 1] == UInt8(ascii: "u") {
                    let low = hex(i + 2)
                    if (0xDC00..<0xE000).contains(low) {
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                }
                flush()
                scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}") // a lone surrogate
            default: out.append(e) // \" \\ \/
            }
        }
        flush()
        return String(scalars)
    }

    static func decode(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        bytes.withUnsafeBufferPointer { decode($0, range) }
    }
}

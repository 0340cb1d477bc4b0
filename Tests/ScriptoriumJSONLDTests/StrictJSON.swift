/// A strict RFC 8259 syntax check. swift-corelibs-foundation's `JSONSerialization` accepts some invalid JSON
/// (trailing commas, for one), so every parse in these tests runs this first.
struct StrictJSON {
    struct SyntaxError: Error, CustomStringConvertible {
        let offset: Int
        let message: String
        var description: String { "invalid JSON at byte \(offset): \(message)" }
    }

    private let b: [UInt8]
    private var i = 0

    static func validate(_ bytes: [UInt8]) throws {
        var p = StrictJSON(b: bytes)
        p.whitespace()
        try p.value()
        p.whitespace()
        if p.i != bytes.count { throw SyntaxError(offset: p.i, message: "text after the value") }
    }

    private init(b: [UInt8]) { self.b = b }

    private var current: UInt8? { i < b.count ? b[i] : nil }

    private mutating func whitespace() {
        while let c = current, c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { i += 1 }
    }

    private mutating func expect(_ c: UInt8) throws {
        guard current == c else { throw SyntaxError(offset: i, message: "expected \(Character(UnicodeScalar(c)))") }
        i += 1
    }

    private mutating func value() throws {
        switch current {
        case UInt8(ascii: "{"): try object()
        case UInt8(ascii: "["): try array()
        case UInt8(ascii: "\""): try string()
        case UInt8(ascii: "t"): try word("true")
        case UInt8(ascii: "f"): try word("false")
        case UInt8(ascii: "n"): try word("null")
        default: try number()
        }
    }

    private mutating func object() throws {
        try expect(UInt8(ascii: "{"))
        whitespace()
        if current == UInt8(ascii: "}") { i += 1; return }
        while true {
            whitespace()
            try string()
            whitespace()
            try expect(UInt8(ascii: ":"))
            whitespace()
            try value()
            whitespace()
            if current == UInt8(ascii: ",") { i += 1; continue }
            try expect(UInt8(ascii: "}"))
            return
        }
    }

    private mutating func array() throws {
        try expect(UInt8(ascii: "["))
        whitespace()
        if current == UInt8(ascii: "]") { i += 1; return }
        while true {
            whitespace()
            try value()
            whitespace()
            if current == UInt8(ascii: ",") { i += 1; continue }
            try expect(UInt8(ascii: "]"))
            return
        }
    }

    private mutating func string() throws {
        try expect(UInt8(ascii: "\""))
        while let c = current {
            i += 1
            if c == UInt8(ascii: "\"") { return }
            if c < 0x20 { throw SyntaxError(offset: i - 1, message: "raw control character in a string") }
            if c == UInt8(ascii: "\\") {
                guard let e = current else { break }
                i += 1
                if Array("\"\\/bfnrt".utf8).contains(e) { continue }
                guard e == UInt8(ascii: "u"), i + 4 <= b.count,
                      b[i..<(i + 4)].allSatisfy({ Array("0123456789abcdefABCDEF".utf8).contains($0) })
                else { throw SyntaxError(offset: i - 1, message: "bad escape") }
                i += 4
            }
        }
        throw SyntaxError(offset: i, message: "unterminated string")
    }

    private mutating func number() throws {
        let start = i
        func digits() -> Int {
            let s = i
            while let c = current, c >= 0x30 && c <= 0x39 { i += 1 }
            return i - s
        }
        if current == UInt8(ascii: "-") { i += 1 }
        if current == UInt8(ascii: "0") {
            i += 1
        } else if digits() == 0 {
            throw SyntaxError(offset: start, message: "expected a value")
        }
        if current == UInt8(ascii: ".") {
            i += 1
            if digits() == 0 { throw SyntaxError(offset: i, message: "bad fraction") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            i += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { i += 1 }
            if digits() == 0 { throw SyntaxError(offset: i, message: "bad exponent") }
        }
    }

    private mutating func word(_ w: String) throws {
        let u = Array(w.utf8)
        guard i + u.count <= b.count, Array(b[i..<(i + u.count)]) == u else {
            throw SyntaxError(offset: i, message: "expected \(w)")
        }
        i += u.count
    }
}

import ScriptoriumText

/// A strict RFC 8259 syntax check for `validate`, which must say where a JSON file is broken: Foundation's
/// parser accepts some invalid JSON (trailing commas) and reports only "around character N" when it fails.
/// Also refuses a key repeated in one object (JSON-LD processors keep only one of them).
enum JSONSyntax {
    struct Problem: Equatable, CustomStringConvertible {
        var line: Int
        var column: Int
        var message: String
        var description: String { "line \(line), column \(column): \(message)" }
    }

    static func firstProblem(in bytes: [UInt8]) -> Problem? {
        var parser = Parser(bytes: bytes)
        do {
            parser.skipSpace()
            try parser.value(depth: 0)
            parser.skipSpace()
            if parser.i < bytes.count { throw Parser.Failure(offset: parser.i, message: "text after the end of the JSON value") }
            // Checked over the bytes: a `String` made to find out would copy the whole file.
            if bytes.withUnsafeBufferPointer({ UTF8Check.firstInvalidByte($0) }) != nil {
                throw Parser.Failure(offset: firstInvalidUTF8(bytes), message: "not valid UTF-8")
            }
            return nil
        } catch let failure as Parser.Failure {
            let (line, column) = lineAndColumn(of: failure.offset, in: bytes)
            return Problem(line: line, column: column, message: failure.message)
        } catch {
            return Problem(line: 1, column: 1, message: "\(error)")
        }
    }

    /// 1-based line and column (in characters, counting UTF-8 lead bytes) of byte `offset`.
    static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1, column = 1
        for b in bytes[..<min(offset, bytes.count)] {
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while case .scalarValue(let scalar) = decoder.decode(&iterator) { offset += UTF8.width(scalar) }
        return offset
    }

    struct Parser {
        struct Failure: Error {
            var offset: Int
            var message: String
        }

        let bytes: [UInt8]
        var i = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        }

        func fail(_ message: String, at offset: Int? = nil) -> Failure { Failure(offset: offset ?? i, message: message) }

        func describe(_ offset: Int) -> String {
            guard offset < bytes.count else { return "the end of the file" }
            let b = bytes[offset]
            return b >= 0x21 && b < 0x7F ? "'\(Character(Unicode.Scalar(b)))'" : "byte 0x\(String(b, radix: 16, uppercase: true))"
        }

        mutating func value(depth: Int) throws {
            guard depth < 512 else { throw fail("nested more than 512 levels deep") }
            guard i < bytes.count else { throw fail("a value was expected, found the end of the file") }
            switch bytes[i] {
            case UInt8(ascii: "{"): try object(depth: depth)
            case UInt8(ascii: "["): try array(depth: depth)
            case UInt8(ascii: "\""): _ = try string()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
            default: throw fail("a value was expected, found \(describe(i))")
            }
        }

        mutating func literal(_ word: String) throws {
            let w = Array(word.utf8)
            guard i + w.count <= bytes.count, Array(bytes[i..<(i + w.count)]) == w else {
                throw fail("a value was expected, found \(describe(i))")
            }
            i += w.count
        }

        mutating func number() throws {
            let start = i
            if bytes[i] == UInt8(ascii: "-") { i += 1 }
            func digits(_ p: inout Parser) -> Int {
                let s = p.i
                while p.i < p.bytes.count, p.bytes[p.i] >= 0x30, p.bytes[p.i] <= 0x39 { p.i += 1 }
                return p.i - s
            }
            let intStart = i
            let n = digits(&self)
            guard n > 0 else { throw fail("a digit was expected in a number, found \(describe(i))") }
            if n > 1 && bytes[intStart] == UInt8(ascii: "0") { throw fail("a number may not start with 0", at: intStart) }
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
                i += 1
                guard digits(&self) > 0 else { throw fail("a digit was expected after the decimal point, found \(describe(i))") }
            }
            if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
                i += 1
                if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
                guard digits(&self) > 0 else { throw fail("a digit was expected in the exponent, found \(describe(i))") }
            }
            _ = start
        }

        /// Returns the raw bytes of the string (escapes not decoded), for duplicate-key checks.
        mutating func string() throws -> ArraySlice<UInt8> {
            let open = i
            i += 1
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") {
                    i += 1
                    return bytes[(open + 1)..<(i - 1)]
                }
                if b < 0x20 { throw fail("a control character (byte 0x\(String(b, radix: 16, uppercase: true))) inside a string must be escaped") }
                if b == UInt8(ascii: "\\") {
                    i += 1
                    guard i < bytes.count else { break }
                    switch bytes[i] {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                         UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        i += 1
                    case UInt8(ascii: "u"):
                        let hex = i + 1
                        guard hex + 4 <= bytes.count,
                              bytes[hex..<(hex + 4)].allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) }) else {
                            throw fail("\\u must be followed by four hex digits", at: i - 1)
                        }
                        i = hex + 4
                    default:
                        throw fail("an unknown escape \\\(describe(i))", at: i - 1)
                    }
                    continue
                }
                i += 1
            }
            throw fail("a string is not closed", at: open)
        }

        mutating func array(depth: Int) throws {
            i += 1
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
                i += 1
                return
            }
            while true {
                try value(depth: depth + 1)
                skipSpace()
                guard i < bytes.count else { throw fail("an array is not closed") }
                if bytes[i] == UInt8(ascii: "]") {
                    i += 1
                    return
                }
                guard bytes[i] == UInt8(ascii: ",") else { throw fail("',' or ']' was expected, found \(describe(i))") }
                i += 1
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "]") { throw fail("a trailing comma before ']'") }
            }
        }

        mutating func object(depth: Int) throws {
            i += 1
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
                i += 1
                return
            }
            // The keys so far: compared one by one while there are few (nearly every object), hashed past that.
            var keys: [ArraySlice<UInt8>] = []
            var keySet = Set<ArraySlice<UInt8>>()
            while true {
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                    throw fail(i < bytes.count && bytes[i] == UInt8(ascii: "}") ? "a trailing comma before '}'"
                                                                                 : "a key (a string) was expected, found \(describe(i))")
                }
                let keyStart = i
                let key = try string()
                let repeated: Bool
                if keys.count < 16 {
                    repeated = keys.contains(key)
                    keys.append(key)
                    if keys.count == 16 { keySet = Set(keys) }
                } else {
                    repeated = !keySet.insert(key).inserted
                }
                guard !repeated else {
                    throw fail("the key \"\(String(decoding: key, as: UTF8.self))\" appears twice in this object", at: keyStart)
                }
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("':' was expected, found \(describe(i))") }
                i += 1
                skipSpace()
                try value(depth: depth + 1)
                skipSpace()
                guard i < bytes.count else { throw fail("an object is not closed") }
                if bytes[i] == UInt8(ascii: "}") {
                    i += 1
                    return
                }
                guard bytes[i] == UInt8(ascii: ",") else { throw fail("',' or '}' was expected, found \(describe(i))") }
                i += 1
                skipSpace()
            }
        }
    }
}

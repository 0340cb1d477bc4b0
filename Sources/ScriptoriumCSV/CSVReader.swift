/// Reads RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF) into rows of strings: what `validate`
/// uses to re-read the tables of a built dataset.
///
/// Each field becomes a `String` straight from its run of bytes in the input (a quoted field with doubled quotes goes
/// through one scratch buffer): the tables of a large document are hundreds of megabytes, and copying them a byte
/// at a time into a field buffer first cost more than the rest of reading them.
public enum CSVReader {
    public struct Malformed: Error, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    public static func rows(_ data: [UInt8]) throws -> [[String]] {
        try data.withUnsafeBufferPointer { try rows(in: $0) }
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr: UInt8 = 0x0D, lf: UInt8 = 0x0A

    private static func rows(in d: UnsafeBufferPointer<UInt8>) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var line = 1
        var scratch: [UInt8] = []
        let n = d.count
        var i = 0
        guard n > 0 else { return [] }
        // One field per turn, from `i` to the delimiter, line end or end of input after it.
        while true {
            if i < n && d[i] == quote {
                i += 1
                var start = i
                var doubled = false
                scratch.removeAll(keepingCapacity: true)
                while true {
                    guard i < n else { throw Malformed(line: line, message: "a quoted field is not closed") }
                    if d[i] == quote {
                        guard i + 1 < n && d[i + 1] == quote else { break }
                        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: d[start...i])) // the run and one quote
                        doubled = true
                        i += 2
                        start = i
                        continue
                    }
                    if d[i] == lf { line += 1 }
                    i += 1
                }
                let run = UnsafeBufferPointer(rebasing: d[start..<i])
                if doubled {
                    scratch.append(contentsOf: run)
                    row.append(String(decoding: scratch, as: UTF8.self))
                } else {
                    row.append(String(decoding: run, as: UTF8.self))
                }
                i += 1 // the closing quote
                if i < n && d[i] != comma && d[i] != cr && d[i] != lf {
                    throw Malformed(line: line, message: "text after a closing quote")
                }
            } else {
                let start = i
                while i < n && d[i] != comma && d[i] != cr && d[i] != lf {
                    if d[i] == quote { throw Malformed(line: line, message: "a quote inside an unquoted field") }
                    i += 1
                }
                row.append(String(decoding: UnsafeBufferPointer(rebasing: d[start..<i]), as: UTF8.self))
            }
            if i == n {
                rows.append(row)
                return rows
            }
            if d[i] == comma {
                i += 1
                continue
            }
            rows.append(row)
            row = []
            i += (d[i] == cr && i + 1 < n && d[i + 1] == lf) ? 2 : 1
            line += 1
            if i == n { return rows }
        }
    }
}

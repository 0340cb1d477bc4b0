/// Reads RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF) into rows of strings: what `validate`
/// uses to re-read the tables of a built dataset.
public enum CSVReader {
    public struct Malformed: Error, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    public static func rows(_ data: [UInt8]) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field: [UInt8] = []
        var i = 0
        var line = 1
        let n = data.count
        var inQuotes = false
        var fieldWasQuoted = false
        while i < n {
            let b = data[i]
            if inQuotes {
                if b == 0x22 {
                    if i + 1 < n && data[i + 1] == 0x22 {
                        field.append(0x22)
                        i += 2
                        continue
                    }
                    inQuotes = false
                    i += 1
                    continue
                }
                if b == 0x0A { line += 1 }
                field.append(b)
                i += 1
                continue
            }
            switch b {
            case 0x22:
                guard field.isEmpty, !fieldWasQuoted else { throw Malformed(line: line, message: "a quote inside an unquoted field") }
                inQuotes = true
                fieldWasQuoted = true
                i += 1
            case 0x2C:
                row.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                fieldWasQuoted = false
                i += 1
            case 0x0D, 0x0A:
                row.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                fieldWasQuoted = false
                rows.append(row)
                row = []
                i += (b == 0x0D && i + 1 < n && data[i + 1] == 0x0A) ? 2 : 1
                line += 1
            default:
                if fieldWasQuoted { throw Malformed(line: line, message: "text after a closing quote") }
                field.append(b)
                i += 1
            }
        }
        if inQuotes { throw Malformed(line: line, message: "a quoted field is not closed") }
        if !field.isEmpty || !row.isEmpty || fieldWasQuoted {
            row.append(String(decoding: field, as: UTF8.self))
            rows.append(row)
        }
        return rows
    }
}

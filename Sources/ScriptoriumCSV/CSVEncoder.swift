/// RFC 4180 rows written straight into bytes: CRLF line ends, a field quoted only when it holds a comma,
/// a quote, CR or LF (quotes doubled inside). Whole runs of bytes are copied; nothing goes through Character.
public struct CSVEncoder: Sendable {
    public private(set) var bytes: [UInt8] = []
    private var fieldsInRow = 0
    /// Rows ended so far.
    public private(set) var rows = 0

    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    public mutating func field(_ value: String) {
        separator()
        var value = value
        value.withUTF8 { append($0) }
    }

    public mutating func field(_ value: Int) {
        separator()
        if value >= 0 && value < 10 {
            bytes.append(UInt8(48 + value))
        } else {
            bytes.append(contentsOf: String(value).utf8)
        }
    }

    public mutating func field(_ value: String?) {
        if let value { field(value) } else { separator() }
    }

    public mutating func endRow() {
        bytes.append(0x0D)
        bytes.append(0x0A)
        fieldsInRow = 0
        rows += 1
    }

    public mutating func row(_ fields: [String]) {
        for f in fields { field(f) }
        endRow()
    }

    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        fieldsInRow = 0
        rows = 0
    }

    private mutating func separator() {
        if fieldsInRow > 0 { bytes.append(UInt8(ascii: ",")) }
        fieldsInRow += 1
    }

    private mutating func append(_ v: UnsafeBufferPointer<UInt8>) {
        var needsQuotes = false
        for b in v where b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D {
            needsQuotes = true
            break
        }
        guard needsQuotes else {
            bytes.append(contentsOf: v)
            return
        }
        bytes.append(0x22)
        var runStart = 0
        for i in 0..<v.count where v[i] == 0x22 {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: v[runStart...i]))
            bytes.append(0x22)
            runStart = i + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: v[runStart...]))
        bytes.append(0x22)
    }
}

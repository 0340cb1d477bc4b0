/// UTF-8 well-formedness on raw bytes (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF), with where
/// the first fault is: the one check of the project, for sources, re-read sources and JSON files alike.
public enum UTF8Check {
    public struct Invalid {
        public var offset: Int
        public var reason: String
    }

    public static func firstInvalidByte(_ buf: UnsafeBufferPointer<UInt8>) -> Invalid? {
        var i = 0
        let n = buf.count
        while i < n {
            let b = buf[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let need: Int
            var lo: UInt8 = 0x80
            var hi: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lo = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; hi = 0x9F
            case 0xF0: need = 3; lo = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; hi = 0x8F
            default:
                let what = b <= 0xBF ? "unexpected continuation byte" : "invalid byte"
                return Invalid(offset: i, reason: "\(what) 0x\(hex(b))")
            }
            if i + need >= n {
                return Invalid(offset: i, reason: "truncated sequence (byte 0x\(hex(b)) at the end of the file)")
            }
            let second = buf[i + 1]
            if second < lo || second > hi {
                return Invalid(offset: i, reason: "invalid sequence starting with byte 0x\(hex(b))")
            }
            var k = 2
            while k <= need {
                if buf[i + k] & 0xC0 != 0x80 {
                    return Invalid(offset: i, reason: "invalid sequence starting with byte 0x\(hex(b))")
                }
                k += 1
            }
            i += need + 1
        }
        return nil
    }

    static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
    }

    /// 1-based line and column (in code points) of byte `offset`; lines end at LF, CR or CRLF.
    public static func lineAndColumn(of offset: Int, in buf: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        var line = 1
        var column = 1
        var i = 0
        while i < offset {
            let b = buf[i]
            if b == 0x0A || (b == 0x0D && (i + 1 >= buf.count || buf[i + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 && b != 0x0D {
                column += 1
            }
            i += 1
        }
        return (line, column)
    }

    /// True when some byte is neither white space nor a control character.
    public static func hasVisibleText(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < buf.count {
            let w = Whitespace.width(buf, at: i)
            if w > 0 {
                i += w
                continue
            }
            if buf[i] > 0x20 && buf[i] != 0x7F { return true }
            i += 1
        }
        return false
    }
}

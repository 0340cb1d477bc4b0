/// URL references between the files of a dataset, which every format that links one file to another (JSON-LD,
/// the HTML pages, the RO-Crate) writes the same way.
public enum RelativeURL {
    /// A path relative to `data/` as a URL reference relative to a file in `data/` (`up` false) or in a folder of
    /// `data/` such as `data/jsonld/` (`up` true: `../` and the path), each byte outside the URI unreserved set
    /// (and `/`) percent-encoded.
    public static func reference(to path: String, up: Bool) -> String {
        // Most paths (ids are ASCII names) need no encoding: then the path itself, with no new buffer.
        let bytes = path.utf8.span
        var clean = true
        for k in bytes.indices where !isUnreserved(bytes[unchecked: k]) { clean = false; break }
        if clean { return up ? "../" + path : path }
        var out: [UInt8] = up ? Array("../".utf8) : []
        let hex = Array("0123456789ABCDEF".utf8)
        for b in path.utf8 {
            if isUnreserved(b) {
                out.append(b)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A byte written as it is: the URI unreserved set and `/`.
    private static func isUnreserved(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
             UInt8(ascii: "~"), UInt8(ascii: "/"):
            return true
        default:
            return false
        }
    }
}

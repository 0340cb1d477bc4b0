import Crypto

/// Builds record ids. Ids are XML NCNames (so they can be TEI `xml:id`s and JSON-LD fragments unchanged),
/// unique in the dataset, and stable: they derive from the document's path and the record's position only.
public enum RecordID {
    public static func section(document: String, position: Int) -> String { "\(document).sec\(position)" }
    public static func block(document: String, position: Int) -> String { "\(document).b\(position)" }
    public static func sentence(block: String, position: Int) -> String { "\(block).s\(position)" }
    public static func mention(document: String, position: Int) -> String { "\(document).m\(position)" }
    public static func entity(key: String) -> String { "ent.\(slug(key))" }
    public static func date(iso: String) -> String { "date.\(iso)" }

    /// A document id from its relative source path (`/`-separated), which depends on that path alone, so adding,
    /// removing or renaming other documents never changes it.
    ///
    /// A path in plain form keeps a readable id: its components joined by `--`, the `.txt` dropped
    /// (`us-japan-security-treaty.txt` → `us-japan-security-treaty`, `part-1/notes.txt` → `part-1--notes`).
    /// Plain form: every component is `[a-z0-9]+(-[a-z0-9]+)*` (so none holds `--`), the first starts with a
    /// letter, the file's extension is exactly `.txt`, the id is not `ent` or `date`, and it is at most
    /// `plainLimit` bytes. The components can be read back from such an id, so two plain paths never share one.
    ///
    /// Every other path gets a readable slug, `_`, and the first 12 hex digits of the SHA-256 of the path's
    /// UTF-8 bytes (`A b.txt` → `a-b_…`, `notes/Café.md` → `notes--caf-md_…`). A plain id never holds `_`, so a
    /// hashed id never equals a plain one; two hashed ids are equal only when 48 bits of SHA-256 are, which the
    /// build reports as an error naming both files.
    ///
    /// No document id holds a `.`; every other record id is the document id, a `.` and a suffix, and entity ids
    /// begin `ent.` or `date.`, which no document id can be. So ids of different documents, and document ids and
    /// entity ids, never meet. Ids are NCNames of at most `plainLimit + 13` bytes.
    public static func document(sourcePath: String) -> String {
        if let plain = plainDocumentID(sourcePath) { return plain }
        var components = sourcePath.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if var last = components.popLast() {
            // The extension stays in the slug (`a.md` and `a.txt` are different documents; the hash tells them
            // apart anyway, the slug only has to be readable).
            if last.hasSuffix(".txt") { last.removeLast(4) }
            components.append(last)
        }
        let slugs = components.map { slugOrEmpty($0) }.filter { !$0.isEmpty }
        var readable = slugs.joined(separator: "--")
        if readable.utf8.count > hashedSlugLimit {
            // Cut at a `-` where there is one late enough, so the slug ends in a whole word.
            let bytes = Array(readable.utf8.prefix(hashedSlugLimit + 1))
            var cut = hashedSlugLimit
            if let dash = bytes[..<cut].lastIndex(of: UInt8(ascii: "-")), dash >= hashedSlugLimit / 2 { cut = dash }
            var kept = Array(bytes[..<cut])
            while kept.last == UInt8(ascii: "-") { kept.removeLast() }
            readable = String(decoding: kept, as: UTF8.self)
        }
        if readable.isEmpty {
            readable = "doc"
        } else if !(readable.utf8.first.map(isLowerLetter) ?? false) {
            readable = "doc-" + readable
        }
        let digest = SHA256.hash(data: Array(sourcePath.utf8))
        let hex = digest.prefix(hashBytes).map { byte -> String in
            let s = String(byte, radix: 16)
            return s.count == 1 ? "0" + s : s
        }.joined()
        return "\(readable)_\(hex)"
    }

    /// The longest plain id, in bytes.
    public static let plainLimit = 100
    /// The longest readable part of a hashed id, in bytes (before `_` and the hash).
    static let hashedSlugLimit = 100
    /// Bytes of SHA-256 in a hashed id (12 hex digits).
    static let hashBytes = 6

    /// The plain id of `sourcePath`, or nil when the path is not in plain form.
    static func plainDocumentID(_ sourcePath: String) -> String? {
        guard sourcePath.hasSuffix(".txt") else { return nil }
        let stem = sourcePath.utf8.dropLast(4)
        let components = stem.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard let first = components.first, let head = first.first, isLowerLetter(head),
              components.allSatisfy(isPlainComponent) else { return nil }
        let id = components.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "--")
        guard id.utf8.count <= plainLimit, !reservedDocumentIDs.contains(id) else { return nil }
        return id
    }

    /// `[a-z0-9]+(-[a-z0-9]+)*`
    private static func isPlainComponent<C: BidirectionalCollection<UInt8>>(_ c: C) -> Bool {
        guard let first = c.first, let last = c.last, first != UInt8(ascii: "-"), last != UInt8(ascii: "-") else { return false }
        var previous: UInt8 = 0
        for b in c {
            let ok = isLowerLetter(b) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
                || (b == UInt8(ascii: "-") && previous != UInt8(ascii: "-"))
            guard ok else { return false }
            previous = b
        }
        return true
    }

    private static func isLowerLetter(_ b: UInt8) -> Bool { b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") }

    /// The first parts of entity ids (`ent.japan`, `date.1951`), which a document id may not be.
    static let reservedDocumentIDs: Set<String> = ["ent", "date"]

    /// `slug`, but empty when `text` has no ASCII letter or digit.
    static func slugOrEmpty(_ text: String) -> String { String(decoding: slugBytes(text), as: UTF8.self) }

    /// Lower-case ASCII letters and digits, other runs folded to `-`, no leading or trailing `-`.
    public static func slug(_ text: String) -> String {
        let out = slugBytes(text)
        return out.isEmpty ? "x" : String(decoding: out, as: UTF8.self)
    }

    private static func slugBytes(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        var pendingDash = false
        for b in text.utf8 {
            let c: UInt8
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): c = b + 32
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): c = b
            default:
                pendingDash = true
                continue
            }
            if pendingDash && !out.isEmpty { out.append(UInt8(ascii: "-")) }
            pendingDash = false
            out.append(c)
        }
        return out
    }

    /// True when `id` is an XML NCName (restricted here to ASCII, which is all this project generates).
    public static func isNCName(_ id: String) -> Bool {
        guard let first = id.utf8.first else { return false }
        func isStart(_ b: UInt8) -> Bool {
            (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == UInt8(ascii: "_")
        }
        guard isStart(first) else { return false }
        return id.utf8.allSatisfy { b in
            isStart(b) || (b >= 48 && b <= 57) || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
        }
    }
}

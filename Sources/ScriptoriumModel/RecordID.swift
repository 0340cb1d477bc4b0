/// Builds record ids. Ids are XML NCNames (so they can be TEI `xml:id`s and JSON-LD fragments unchanged),
/// unique in the dataset, and stable: they derive from the document's path and the record's position only.
public enum RecordID {
    public static func section(document: String, position: Int) -> String { "\(document).sec\(position)" }
    public static func block(document: String, position: Int) -> String { "\(document).b\(position)" }
    public static func sentence(block: String, position: Int) -> String { "\(block).s\(position)" }
    public static func mention(document: String, position: Int) -> String { "\(document).m\(position)" }
    public static func entity(key: String) -> String { "ent.\(slug(key))" }
    public static func date(iso: String) -> String { "date.\(iso)" }

    /// A document id from its relative source path: the path without extension, lower-cased, every run of
    /// characters outside `[a-z0-9]` turned into one `-`, prefixed with `doc-` if it would not start with a letter
    /// or would be `ent` or `date`.
    ///
    /// This is what keeps ids unique in the whole dataset without a dataset-wide table: a document id has no `.`,
    /// every other record id is the document id, a `.` and a suffix, and entity ids begin `ent.` or `date.`, which
    /// no document id can be. So ids of different documents, and document ids and entity ids, never meet.
    public static func document(sourcePath: String) -> String {
        var stem = sourcePath
        if let dot = stem.lastIndex(of: "."), !stem[dot...].contains("/") { stem = String(stem[..<dot]) }
        let s = slug(stem)
        return s.first.map { $0.isLetter } == true && !reservedDocumentIDs.contains(s) ? s : "doc-\(s)"
    }

    /// The first parts of entity ids (`ent.japan`, `date.1951`), which a document id may not be.
    static let reservedDocumentIDs: Set<String> = ["ent", "date"]

    /// Lower-case ASCII letters and digits, other runs folded to `-`, no leading or trailing `-`.
    public static func slug(_ text: String) -> String {
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
        return out.isEmpty ? "x" : String(decoding: out, as: UTF8.self)
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

import ScriptoriumJSON
import ScriptoriumModel

/// Pieces both JSON-LD files write: the `@context`, record IRIs, entity nodes, licences, relative URLs.
///
/// Record IRIs are `baseIRI` + id. When `baseIRI` is a plain `http(s)` IRI ending in `/` (or `#`), the files set
/// `@base` in a small inline context after the shared one and write each `@id` as the bare record id (or `#` +
/// id), which RFC 3986 resolution turns back into exactly `baseIRI` + id: the raw JSON shows the same ids as
/// the CSV, and the files are a third smaller. Any other `baseIRI` is written out in full in every IRI.
struct JSONLDNodes {
    /// What is written before each record id, escaped: `""`, `"#"` or the whole `baseIRI`.
    let base: [UInt8]
    /// The `@base` of the inline context, or nil when IRIs are written in full.
    let contextBase: String?
    /// The dataset's own IRI: `baseIRI` itself (without a final `#`), the namespace its records live in. Not
    /// `baseIRI` + the dataset's id, which a document id could equal.
    let datasetIRI: String
    let licenseName: String
    let licenseURL: String

    init(dataset: DatasetMetadata) {
        let iri = dataset.baseIRI
        if let resolvable = JSONLDNodes.relativeBase(iri) {
            contextBase = resolvable.base
            base = Array(resolvable.prefix.utf8)
        } else {
            contextBase = nil
            base = JSONWriter.escapedContent(iri)
        }
        datasetIRI = iri.hasSuffix("#") ? String(iri.dropLast()) : iri
        licenseName = dataset.license
        licenseURL = dataset.licenseURL
    }

    /// `baseIRI` as an `@base` and the prefix for ids relative to it, when resolving that prefix + id against
    /// the base gives exactly `baseIRI` + id (ids are NCNames: no `:`, `/`, `?` or `#`, never `.` or `..`).
    /// Only for `http`/`https` IRIs with an authority, ending in `/` or `#`, with no query, no other `#`, no
    /// empty or dot segments in the path, and only characters that need no escaping.
    static func relativeBase(_ iri: String) -> (base: String, prefix: String)? {
        let u = Array(iri.utf8)
        let schemeLength: Int
        if iri.hasPrefix("https://") {
            schemeLength = 8
        } else if iri.hasPrefix("http://") {
            schemeLength = 7
        } else {
            return nil
        }
        guard u.count > schemeLength + 1, let last = u.last,
              last == UInt8(ascii: "/") || last == UInt8(ascii: "#") else { return nil }
        let rest = u[schemeLength..<(u.count - 1)]  // authority and path, without the final character
        guard rest.allSatisfy(safe) else { return nil }
        let pathStart = rest.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
        guard pathStart > rest.startIndex else { return nil }  // an empty authority
        if pathStart < rest.endIndex {
            let segments = rest[(pathStart + 1)...].split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
            for segment in segments where segment.isEmpty || segment.elementsEqual(".".utf8) || segment.elementsEqual("..".utf8) {
                // An empty final segment is impossible here (the final character is not in `rest`), so an empty
                // one means `//`.
                return nil
            }
        }
        if last == UInt8(ascii: "/") { return (iri, "") }
        return (String(decoding: u.dropLast(), as: UTF8.self), "#")
    }

    /// Characters allowed in the body of a base written as `@base` (unreserved, `/`, `%`, `:`, `@`, sub-delims
    /// other than those JSON or resolution treat specially).
    private static func safe(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
             UInt8(ascii: "~"), UInt8(ascii: "/"), UInt8(ascii: "%"), UInt8(ascii: ":"), UInt8(ascii: "@"),
             UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("),
             UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"),
             UInt8(ascii: "="):
            return true
        default:
            return false
        }
    }

    /// `"@context"`: the shared context file (`reference`, relative to the file written), and the `@base` of
    /// record IRIs when they are written relative.
    /// `reference` nil writes the context's definitions inline instead (a file that must stand alone).
    func context(_ w: inout JSONWriter, reference: String?) {
        w.key("@context")
        func shared(_ w: inout JSONWriter) {
            if let reference { w.string(reference) } else { JSONLDContext.definitions(&w) }
        }
        if let contextBase {
            w.beginArray()
            shared(&w)
            w.beginObject()
            w.key("@base")
            w.string(contextBase)
            w.endObject()
            w.endArray()
        } else {
            shared(&w)
        }
    }

    /// `"@id": baseIRI + id`.
    func id(_ w: inout JSONWriter, _ recordID: String) {
        w.key("@id")
        w.string(escapedPrefix: base, recordID)
    }

    /// A record IRI as a value (for keys the context coerces to IRIs).
    func iri(_ w: inout JSONWriter, _ recordID: String) {
        w.string(escapedPrefix: base, recordID)
    }

    /// `"license"`: the dataset's licence URL as an IRI when `license` is the dataset's licence (by name or URL)
    /// and that URL is known, any other `http(s)` URL as an IRI, anything else as a plain name.
    /// The start of a document's node, the same in its own file and in the dataset's `hasPart`: id, type, name,
    /// language.
    func articleHead(_ w: inout JSONWriter, _ document: DocumentRecord) {
        id(&w, document.id)
        w.key("@type")
        w.literal("Article")
        w.key("name")
        w.string(document.title)
        if !document.language.isEmpty {
            w.key("inLanguage")
            w.string(document.language)
        }
    }

    func license(_ w: inout JSONWriter, _ license: String) {
        let url: String?
        if !licenseURL.isEmpty && (license == licenseName || license == licenseURL || license.isEmpty) {
            url = licenseURL
        } else if license.hasPrefix("https://") || license.hasPrefix("http://") {
            url = license
        } else {
            url = nil
        }
        if let url {
            w.key("license")
            w.beginObject()
            w.key("@id")
            w.string(url)
            w.endObject()
        } else if !license.isEmpty {
            w.key("license")
            w.string(license)
        }
    }

    /// An entity node. `withCount` adds the dataset-wide `mentionCount` (only `dataset.jsonld` does, so that
    /// the files merged into one graph never give an entity two different counts).
    func entity(_ w: inout JSONWriter, _ entity: EntityRecord, withCount: Bool) {
        w.beginObject()
        id(&w, entity.id)
        w.key("@type")
        switch entity.type {
        case .place: w.literal("Place")
        case .organization: w.literal("Organization")
        case .legalInstrument: w.literal("Legislation")
        case .event: w.literal("Event")
        case .person: w.literal("Person")
        case .date: w.literal("CalendarDate")
        case .name: w.literal("Thing")
        }
        w.key("name")
        w.string(entity.name)
        if !entity.aliases.isEmpty {
            w.key("alternateName")
            w.strings(entity.aliases)
        }
        if let iso = entity.isoDate {
            w.key("isoDate")
            if let type = JSONLDContext.xsdType(ofISODate: iso) {
                w.beginObject()
                w.key("@value")
                w.string(iso)
                w.key("@type")
                w.literal(type)
                w.endObject()
            } else {
                w.string(iso)
            }
        }
        let q = entity.wikidata ?? "", g = entity.geonames ?? ""
        if !q.isEmpty || !g.isEmpty {
            w.key("sameAs")
            if !q.isEmpty && !g.isEmpty { w.beginArray() }
            if !q.isEmpty { w.string("https://www.wikidata.org/entity/", q) }
            if !g.isEmpty { w.string("https://sws.geonames.org/", g + "/") }
            if !q.isEmpty && !g.isEmpty { w.endArray() }
        }
        if withCount {
            w.key("mentionCount")
            w.int(entity.mentions)
        }
        w.endObject()
    }

    /// A path relative to `data/` as a URL reference (see `RelativeURL`).
    static func relativeURL(to path: String, up: Bool) -> String { RelativeURL.reference(to: path, up: up) }

    /// `contentSize` as schema.org wants it (text): the size in bytes with its unit.
    static func contentSize(_ w: inout JSONWriter, bytes: Int) {
        w.key("contentSize")
        w.string("\(bytes) B")
    }
}

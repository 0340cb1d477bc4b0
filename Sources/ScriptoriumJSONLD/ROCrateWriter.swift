import ScriptoriumJSON
import ScriptoriumModel

/// `data/ro-crate-metadata.json`: the bag's payload as an RO-Crate 1.1 (the specification's "Combining with other
/// packaging schemes" pattern: the crate is the bag's `data/` folder). It holds:
///
/// - the metadata descriptor and the root `Dataset` (`./`): name, description, licence, authors, publisher,
///   version, keywords, `datePublished` (`DatasetMetadata.publicationDate`: from `dataset.json` or
///   `SOURCE_DATE_EPOCH`, never the clock);
/// - every file written before it as a `File` with `encodingFormat`, `contentSize` (bytes) and `sha256`; each CSV
///   table `conformsTo` its Frictionless table schema (a contextual entity pointing into `datapackage.json`),
///   each TEI file the project's RELAX NG schema, and each document's TEI, JSON-LD and reading view
///   `isBasedOn` its source copy;
/// - the tool as a `SoftwareApplication` and the build as a `CreateAction` with the sources as `object` and
///   every file derived from them as `result`.
///
/// `manifest.json` is written after this file (it lists it), so it is listed without a size or hash; the bag's
/// `manifest-sha256.txt` has its hash.
public enum ROCrateWriter {
    public static let fileName = "ro-crate-metadata.json"

    /// One document's files, relative to `data/`.
    public struct Document: Sendable {
        public var source: String
        public var derived: [String]
        public init(source: String, derived: [String]) {
            self.source = source
            self.derived = derived
        }
    }

    public static func write(_ dataset: DatasetMetadata, files: [PayloadFile], documents: [Document],
                             tables: [TableSummary], teiSchema: String, later: [String]) -> [UInt8] {
        var w = JSONWriter(capacity: 8192 + files.count * 400)
        let basedOn = Dictionary(documents.flatMap { d in d.derived.map { ($0, d.source) } }, uniquingKeysWith: { a, _ in a })
        let tablePaths = Dictionary(tables.map { ($0.path, $0.name) }, uniquingKeysWith: { a, _ in a })
        w.beginObject()
        w.key("@context")
        w.literal("https://w3id.org/ro/crate/1.1/context")
        w.lineBreak(indent: 0)
        w.key("@graph")
        w.beginArray()

        node(&w, fileName, "CreativeWork") { w in
            w.key("conformsTo"); ref(&w, "https://w3id.org/ro/crate/1.1")
            w.key("about"); ref(&w, "./")
        }
        node(&w, "./", "Dataset") { w in
            w.key("name"); w.string(dataset.title)
            w.key("description"); w.string(dataset.description)
            w.key("identifier"); w.string(dataset.baseIRI)
            if let date = dataset.publicationDate { w.key("datePublished"); w.string(date) }
            w.key("license"); ref(&w, licenseID(dataset))
            if !dataset.creators.isEmpty {
                w.key("author")
                refs(&w, dataset.creators.indices.map { "#author-\($0 + 1)" })
            }
            w.key("publisher"); ref(&w, "#publisher")
            w.key("version"); w.string(dataset.version)
            if !dataset.keywords.isEmpty { w.key("keywords"); w.string(dataset.keywords.joined(separator: ", ")) }
            w.key("hasPart")
            refs(&w, (files.map(\.path) + later).map(id))
            w.key("mentions"); ref(&w, "#build")
        }
        node(&w, licenseID(dataset), "CreativeWork") { w in
            w.key("name"); w.string(dataset.license)
        }
        for (k, creator) in dataset.creators.enumerated() {
            node(&w, "#author-\(k + 1)", "Person") { w in w.key("name"); w.string(creator) }
        }
        node(&w, "#publisher", "Organization") { w in w.key("name"); w.string(dataset.publisher) }
        node(&w, "#scriptorium", "SoftwareApplication") { w in
            w.key("name"); w.string(ScriptoriumInfo.name)
            w.key("softwareVersion"); w.string(ScriptoriumInfo.version)
            w.key("url"); w.string(ScriptoriumInfo.homepage)
        }
        let sources = Set(documents.map(\.source))
        node(&w, "#build", "CreateAction") { w in
            w.key("name"); w.string("scriptorium build")
            w.key("instrument"); ref(&w, "#scriptorium")
            if let date = dataset.publicationDate { w.key("endTime"); w.string(date) }
            w.key("object")
            refs(&w, documents.map { id($0.source) })
            w.key("result")
            refs(&w, (files.map(\.path).filter { !sources.contains($0) } + later).map(id))
        }
        node(&w, "https://specs.frictionlessdata.io/table-schema/", "CreativeWork") { w in
            w.key("name"); w.literal("Frictionless Table Schema")
        }
        for table in tables {
            node(&w, "#table-schema-\(table.name)", "CreativeWork") { w in
                w.key("name"); w.string("Table schema of \(table.path)")
                w.key("description"); w.string("The schema of the resource \"\(table.name)\" in datapackage.json.")
                w.key("isPartOf"); ref(&w, "datapackage.json")
                w.key("conformsTo"); ref(&w, "https://specs.frictionlessdata.io/table-schema/")
            }
        }
        for f in files {
            node(&w, id(f.path), "File") { w in
                w.key("name"); w.string(f.path)
                w.key("encodingFormat"); w.string(f.mediaType)
                w.key("contentSize"); w.string(String(f.bytes))
                w.key("sha256"); w.string(f.sha256)
                if let table = tablePaths[f.path] { w.key("conformsTo"); ref(&w, "#table-schema-\(table)") }
                if f.path.hasPrefix("tei/") && f.path != teiSchema { w.key("conformsTo"); ref(&w, id(teiSchema)) }
                if let source = basedOn[f.path] { w.key("isBasedOn"); ref(&w, id(source)) }
            }
        }
        for path in later {
            node(&w, id(path), "File") { w in
                w.key("name"); w.string(path)
                w.key("encodingFormat"); w.literal("application/json")
            }
        }
        w.endArray(onNewLine: true)
        w.endObject(onNewLine: true)
        return w.finish()
    }

    /// A data entity's `@id`: its path as a URL reference relative to the crate's root.
    private static func id(_ path: String) -> String { RelativeURL.reference(to: path, up: false) }

    private static func licenseID(_ dataset: DatasetMetadata) -> String {
        dataset.licenseURL.isEmpty ? "#license" : dataset.licenseURL
    }

    private static func ref(_ w: inout JSONWriter, _ id: String) {
        w.beginObject()
        w.key("@id")
        w.string(id)
        w.endObject()
    }

    /// References as RO-Crate 1.1 recommends: one alone, several in an array.
    private static func refs(_ w: inout JSONWriter, _ ids: [String]) {
        if ids.count == 1 { ref(&w, ids[0]); return }
        w.beginArray()
        for id in ids { ref(&w, id) }
        w.endArray()
    }

    private static func node(_ w: inout JSONWriter, _ id: String, _ type: StaticString, _ body: (inout JSONWriter) -> Void) {
        w.lineBreak(indent: 1)
        w.beginObject()
        w.key("@id")
        w.string(id)
        w.key("@type")
        w.literal(type)
        body(&w)
        w.endObject()
    }
}

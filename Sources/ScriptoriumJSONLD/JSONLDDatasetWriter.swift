import ScriptoriumJSON
import ScriptoriumModel

/// Writes `data/dataset.jsonld`: the `Dataset` (its `@id` is the dataset's `baseIRI`, its `identifier`
/// the dataset id) with its metadata, one `DataDownload` per payload file
/// (`distribution`), the documents (`hasPart`, by reference with their names) and every entity with its
/// dataset-wide `mentionCount` (`mentions`), and each table's columns as `variableMeasured`.
///
/// The landing page embeds the same description (`embedded`: the context written inline, since a search
/// engine reads the page alone and must not fetch anything); one function writes both, so the two cannot
/// describe different datasets.
enum JSONLDDatasetWriter {
    static func write(_ dataset: DatasetMetadata, documents: [DocumentRecord], entities: [EntityRecord],
                      files: [PayloadFile], tables: [TableSummary], embedded: Bool = false) -> [UInt8] {
        let both = writeBoth(dataset, documents: documents, entities: entities, files: files, tables: tables)
        return embedded ? both.embedded : both.file
    }

    /// Both forms from one writing of the description: `file` refers to the context file, `embedded` has the same
    /// bytes after the context, which it writes inline (a dataset of thousands of files is described once).
    static func writeBoth(_ dataset: DatasetMetadata, documents: [DocumentRecord], entities: [EntityRecord],
                          files: [PayloadFile], tables: [TableSummary]) -> (file: [UInt8], embedded: [UInt8]) {
        let nodes = JSONLDNodes(dataset: dataset)
        var inline = JSONWriter(capacity: 4096)
        inline.beginObject()
        nodes.context(&inline, reference: nil)
        let head = inline.take()
        var w = JSONWriter(capacity: 4096 + files.count * 320 + documents.count * (nodes.base.count + 160)
                           + entities.count * (nodes.base.count + 240))
        w.beginObject()
        nodes.context(&w, reference: JSONLDWriter.contextFileName)
        let afterContext = w.byteCount
        w.lineBreak(indent: 0)
        w.key("@id")
        w.string(nodes.datasetIRI)
        w.key("@type")
        w.literal("Dataset")
        w.key("identifier")
        w.string(dataset.id)
        w.key("name")
        w.string(dataset.title)
        if !dataset.description.isEmpty {
            w.key("description")
            w.string(dataset.description)
        }
        nodes.license(&w, dataset.licenseURL.isEmpty ? dataset.license : dataset.licenseURL)
        if !dataset.creators.isEmpty {
            w.key("creator")
            w.strings(dataset.creators)
        }
        if !dataset.publisher.isEmpty {
            w.key("publisher")
            w.string(dataset.publisher)
        }
        if !dataset.version.isEmpty {
            w.key("version")
            w.string(dataset.version)
        }
        if !dataset.keywords.isEmpty {
            w.key("keywords")
            w.strings(dataset.keywords)
        }
        if let modified = dataset.modified {
            w.key("dateModified")
            w.string(modified)
        }
        if let published = dataset.publicationDate {
            w.key("datePublished")
            w.string(published)
        }
        w.lineBreak(indent: 0)
        w.key("generatedBy")
        w.beginObject()
        w.key("@type")
        w.literal("SoftwareApplication")
        w.key("name")
        w.string(ScriptoriumInfo.name)
        w.key("softwareVersion")
        w.string(ScriptoriumInfo.version)
        w.key("url")
        w.string(ScriptoriumInfo.homepage)
        w.endObject()

        if !tables.isEmpty {
            w.lineBreak(indent: 0)
            w.key("variableMeasured")
            w.beginArray()
            for table in tables {
                for column in table.columns {
                    w.lineBreak(indent: 1)
                    w.beginObject()
                    w.key("@type")
                    w.literal("PropertyValue")
                    w.key("name")
                    w.string(table.name + "." + column.name)
                    w.key("description")
                    w.string(column.description)
                    w.endObject()
                }
            }
            w.endArray()
        }

        w.lineBreak(indent: 0)
        w.key("distribution")
        w.beginArray()
        for f in files {
            w.lineBreak(indent: 1)
            w.beginObject()
            w.key("@type")
            w.literal("DataDownload")
            w.key("name")
            w.string(f.path)
            w.key("contentUrl")
            w.string(JSONLDNodes.relativeURL(to: f.path, up: false))
            w.key("encodingFormat")
            w.string(f.mediaType)
            JSONLDNodes.contentSize(&w, bytes: f.bytes)
            w.key("sha256")
            w.string(f.sha256)
            if let n = f.records {
                w.key("recordCount")
                w.int(n)
            }
            w.endObject()
        }
        w.endArray()

        w.lineBreak(indent: 0)
        w.key("hasPart")
        w.beginArray()
        for d in documents {
            w.lineBreak(indent: 1)
            w.beginObject()
            nodes.articleHead(&w, d)
            w.endObject()
        }
        w.endArray()

        w.lineBreak(indent: 0)
        w.key("mentions")
        w.beginArray()
        for e in entities {
            w.lineBreak(indent: 1)
            nodes.entity(&w, e, withCount: true)
        }
        w.endArray()
        w.endObject(onNewLine: true)
        let file = w.finish()
        return (file, head + file[afterContext...])
    }

    /// Record nodes the dataset file describes: the dataset, its documents and every entity.
    static func nodeCount(documents: [DocumentRecord], entities: [EntityRecord]) -> Int {
        1 + documents.count + entities.count
    }
}

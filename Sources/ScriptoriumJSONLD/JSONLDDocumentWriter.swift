import ScriptoriumJSON
import ScriptoriumModel

/// Writes `data/jsonld/<document id>.jsonld`: one document as an `Article` with its sections, blocks, sentences
/// and mentions nested under `hasPart`, and the entities it mentions.
///
/// Shape (one node per line):
///
///     { "@context": ["../context.jsonld", {"@base": baseIRI}], "@id": <document id>, "@type": "Article",
///       name, inLanguage, license, author,
///       description, isPartOf (the dataset), isBasedOn (the source file as a MediaObject with its sha256),
///       mentions: [entity nodes],
///       hasPart: [blocks before the first heading…, sections (each with hasPart: its blocks)…] }
///     section:  { @id, @type [CreativeWork, Section], position, level, start, end, headline, number?, hasPart: [blocks] }
///     block:    { @id, @type [CreativeWork, Block], position, blockKind, marker?, start, end, text, hasPart: [sentences] }
///
/// `number` and `marker` are written only when the record has one. A verbatim block has its text, kept as written,
/// and no sentences, so no `hasPart`.
///     sentence: { @id, @type [CreativeWork, Sentence], position, start, end, text,
///                 mentions: [entity IRIs], hasMention: [{ @id, @type Mention, entity, mentionText, start, end }] }
///
/// The nesting is the document's `DocumentTree`, the one every writer walks (children found by their parent id;
/// a record whose parent is missing never gets this far).
enum JSONLDDocumentWriter {
    static func write(_ tree: DocumentTree, dataset: DatasetMetadata) -> [UInt8] {
        build(tree, dataset: dataset).finish()
    }

    /// The document written, not yet finished (`finish()` adds the final newline).
    /// With `drain`, the bytes go there as they are made, through a buffer of at most `drainedBufferBytes`.
    static func build(_ tree: DocumentTree, dataset: DatasetMetadata,
                      drain: ((UnsafeBufferPointer<UInt8>) throws -> Void)? = nil) -> JSONWriter {
        let nodes = JSONLDNodes(dataset: dataset)
        let records = tree.records
        let doc = records.document

        let size = estimatedSize(records, baseCount: nodes.base.count)
        var w = drain.map { JSONWriter(capacity: min(size, drainedBufferBytes), drain: $0) } ?? JSONWriter(capacity: size)
        w.beginObject()
        nodes.context(&w, reference: JSONLDWriter.documentContextReference)
        w.lineBreak(indent: 0)
        nodes.articleHead(&w, doc)
        nodes.license(&w, doc.license)
        if !doc.creators.isEmpty {
            w.key("author")
            w.strings(doc.creators)
        }
        if let d = doc.description, !d.isEmpty {
            w.key("description")
            w.string(d)
        }
        w.key("isPartOf")
        w.string(nodes.datasetIRI)
        w.lineBreak(indent: 0)
        w.key("isBasedOn")
        w.beginObject()
        w.key("@type")
        w.literal("MediaObject")
        w.key("name")
        w.string(doc.source)
        w.key("contentUrl")
        w.string(JSONLDNodes.relativeURL(to: "source/" + doc.source, up: true))
        w.key("encodingFormat")
        if doc.source.lowercased().hasSuffix(".md") { w.literal("text/markdown") } else { w.literal("text/plain") }
        JSONLDNodes.contentSize(&w, bytes: doc.byteCount)
        w.key("sha256")
        w.string(doc.sourceSHA256)
        w.endObject()

        if !records.entities.isEmpty {
            w.lineBreak(indent: 0)
            w.key("mentions")
            w.beginArray()
            for e in records.entities {
                w.lineBreak(indent: 1)
                nodes.entity(&w, e, withCount: false)
            }
            w.endArray()
        }

        // The document's direct parts: blocks outside any section, then the sections.
        w.lineBreak(indent: 0)
        w.key("hasPart")
        w.beginArray()
        for b in tree.preamble {
            block(&w, tree, b, depth: 1, nodes)
        }
        for (s, section) in records.sections.enumerated() {
            w.lineBreak(indent: 1)
            w.beginObject()
            nodes.id(&w, section.id)
            w.key("@type")
            typePair(&w, "Section")
            w.key("position")
            w.int(section.position)
            w.key("level")
            w.int(section.level)
            w.key("start")
            w.int(section.span.start)
            w.key("end")
            w.int(section.span.end)
            w.key("headline")
            w.string(section.heading)
            if let number = section.number {
                w.key("number")
                w.string(number)
            }
            let children = tree.blocks(ofSection: s)
            if !children.isEmpty {
                w.key("hasPart")
                w.beginArray()
                for b in children {
                    block(&w, tree, b, depth: 2, nodes)
                }
                w.endArray()
            }
            w.endObject()
        }
        w.endArray()
        w.endObject(onNewLine: true)
        return w
    }

    /// Record nodes the document file describes: the document, its sections, blocks, sentences, mentions and
    /// the entities it mentions.
    static func nodeCount(_ records: DocumentRecords) -> Int {
        1 + records.sections.count + records.blocks.count + records.sentences.count + records.mentions.count
            + records.entities.count
    }

    private static func typePair(_ w: inout JSONWriter, _ projectType: StaticString) {
        w.beginArray()
        w.literal("CreativeWork")
        w.literal(projectType)
        w.endArray()
    }

    private static func block(_ w: inout JSONWriter, _ tree: DocumentTree, _ b: Int, depth: Int, _ nodes: JSONLDNodes) {
        let records = tree.records
        w.lineBreak(indent: depth)
        w.beginObject()
        nodes.id(&w, records.blocks[b].id)
        w.key("@type")
        typePair(&w, "Block")
        w.key("position")
        w.int(records.blocks[b].position)
        w.key("blockKind")
        w.string(records.blocks[b].kind.rawValue)
        if let marker = records.blocks[b].marker {
            w.key("marker")
            w.string(marker)
        }
        w.key("start")
        w.int(records.blocks[b].span.start)
        w.key("end")
        w.int(records.blocks[b].span.end)
        w.key("text")
        w.string(records.blocks[b].text)
        let children = tree.sentences(ofBlock: b)
        if !children.isEmpty {
            w.key("hasPart")
            w.beginArray()
            for t in children {
                sentence(&w, tree, t, depth: depth + 1, nodes)
            }
            w.endArray()
        }
        w.endObject()
    }

    private static func sentence(_ w: inout JSONWriter, _ tree: DocumentTree, _ t: Int, depth: Int, _ nodes: JSONLDNodes) {
        let records = tree.records
        w.lineBreak(indent: depth)
        w.beginObject()
        nodes.id(&w, records.sentences[t].id)
        w.key("@type")
        typePair(&w, "Sentence")
        w.key("position")
        w.int(records.sentences[t].position)
        w.key("start")
        w.int(records.sentences[t].span.start)
        w.key("end")
        w.int(records.sentences[t].span.end)
        w.key("text")
        w.string(records.sentences[t].text)
        let mentions = tree.mentions(ofSentence: t)
        if !mentions.isEmpty {
            // The entities, each once, in order of first mention.
            w.key("mentions")
            w.beginArray()
            for i in mentions.indices {
                let m = mentions[i]
                var seen = false
                for j in mentions.startIndex..<i where records.mentions[mentions[j]].entityID == records.mentions[m].entityID {
                    seen = true
                    break
                }
                if !seen { nodes.iri(&w, records.mentions[m].entityID) }
            }
            w.endArray()
            w.key("hasMention")
            w.beginArray()
            for m in mentions { mention(&w, records, m, nodes) }
            w.endArray()
        }
        w.endObject()
    }

    private static func mention(_ w: inout JSONWriter, _ records: DocumentRecords, _ m: Int, _ nodes: JSONLDNodes) {
        w.beginObject()
        nodes.id(&w, records.mentions[m].id)
        w.key("@type")
        w.literal("Mention")
        w.key("entity")
        nodes.iri(&w, records.mentions[m].entityID)
        w.key("mentionText")
        w.string(records.mentions[m].text)
        w.key("start")
        w.int(records.mentions[m].span.start)
        w.key("end")
        w.int(records.mentions[m].span.end)
        w.endObject()
    }

    /// A little over the output size, so the buffer grows once at most: the texts written plus a fixed cost
    /// per node (keys, offsets and one or two IRIs).
    static let drainedBufferBytes = 1 << 20

    private static func estimatedSize(_ r: DocumentRecords, baseCount: Int) -> Int {
        var text = 0
        for s in r.sentences { text += s.text.utf8.count }
        for b in r.blocks { text += b.text.utf8.count }
        for m in r.mentions { text += m.text.utf8.count }
        for s in r.sections { text += s.heading.utf8.count }
        let perNode = 2 * baseCount + 200
        let nodes = r.sections.count + r.blocks.count + r.sentences.count + 2 * r.mentions.count + 4 * r.entities.count
        return 1024 + text + text / 16 + nodes * perNode
    }
}

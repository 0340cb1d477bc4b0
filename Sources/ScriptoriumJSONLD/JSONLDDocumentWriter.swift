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
/// Children are found by their parent id, not by trusting array order; a child whose parent is missing is
/// attached to the document node rather than dropped.
enum JSONLDDocumentWriter {
    static func write(_ records: DocumentRecords, dataset: DatasetMetadata) -> [UInt8] {
        build(records, dataset: dataset).finish()
    }

    /// The document written, not yet finished (`finish()` adds the final newline).
    /// With `drain`, the bytes go there as they are made, through a buffer of at most `drainedBufferBytes`.
    static func build(_ records: DocumentRecords, dataset: DatasetMetadata,
                      drain: ((UnsafeBufferPointer<UInt8>) throws -> Void)? = nil) -> JSONWriter {
        let nodes = JSONLDNodes(dataset: dataset)
        let doc = records.document

        let blocksBySection = Grouping(parentCount: records.sections.count, parents: parentPositions(
            parents: records.sections.count, children: records.blocks.count,
            isParent: { records.blocks[$1].sectionID == records.sections[$0].id },
            parentID: { records.sections[$0].id }, childParentID: { records.blocks[$0].sectionID }))
        let sentencesByBlock = Grouping(parentCount: records.blocks.count, parents: parentPositions(
            parents: records.blocks.count, children: records.sentences.count,
            isParent: { records.sentences[$1].blockID == records.blocks[$0].id },
            parentID: { records.blocks[$0].id }, childParentID: { records.sentences[$0].blockID }))
        let mentionsBySentence = Grouping(parentCount: records.sentences.count, parents: parentPositions(
            parents: records.sentences.count, children: records.mentions.count,
            isParent: { records.mentions[$1].sentenceID == records.sentences[$0].id },
            parentID: { records.sentences[$0].id }, childParentID: { records.mentions[$0].sentenceID }))

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

        // The document's direct parts: blocks outside any section, then the sections, then any orphans.
        w.lineBreak(indent: 0)
        w.key("hasPart")
        w.beginArray()
        for b in blocksBySection.orphans {
            block(&w, records, b, depth: 1, nodes, sentencesByBlock, mentionsBySentence)
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
            let children = blocksBySection.range(of: s)
            if !children.isEmpty {
                w.key("hasPart")
                w.beginArray()
                for i in children {
                    block(&w, records, blocksBySection.child(at: i), depth: 2, nodes, sentencesByBlock, mentionsBySentence)
                }
                w.endArray()
            }
            w.endObject()
        }
        for t in sentencesByBlock.orphans {
            sentence(&w, records, t, depth: 1, nodes, mentionsBySentence)
        }
        w.endArray()
        if !mentionsBySentence.orphans.isEmpty {
            w.lineBreak(indent: 0)
            w.key("hasMention")
            w.beginArray()
            for m in mentionsBySentence.orphans { mention(&w, records, m, nodes) }
            w.endArray()
        }
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

    private static func block(_ w: inout JSONWriter, _ records: DocumentRecords, _ b: Int, depth: Int,
                              _ nodes: JSONLDNodes, _ sentencesByBlock: Grouping, _ mentionsBySentence: Grouping) {
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
        let children = sentencesByBlock.range(of: b)
        if !children.isEmpty {
            w.key("hasPart")
            w.beginArray()
            for i in children {
                sentence(&w, records, sentencesByBlock.child(at: i), depth: depth + 1, nodes, mentionsBySentence)
            }
            w.endArray()
        }
        w.endObject()
    }

    private static func sentence(_ w: inout JSONWriter, _ records: DocumentRecords, _ t: Int, depth: Int,
                                 _ nodes: JSONLDNodes, _ mentionsBySentence: Grouping) {
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
        let mentions = mentionsBySentence.range(of: t)
        if !mentions.isEmpty {
            // The entities, each once, in order of first mention.
            w.key("mentions")
            w.beginArray()
            for i in mentions {
                let m = mentionsBySentence.child(at: i)
                var seen = false
                for j in mentions.lowerBound..<i
                where records.mentions[mentionsBySentence.child(at: j)].entityID == records.mentions[m].entityID {
                    seen = true
                    break
                }
                if !seen { nodes.iri(&w, records.mentions[m].entityID) }
            }
            w.endArray()
            w.key("hasMention")
            w.beginArray()
            for i in mentions { mention(&w, records, mentionsBySentence.child(at: i), nodes) }
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

/// For each child, the position of its parent (by id), or nil. Children come in source order, so a child's
/// parent is almost always the previous child's parent or one a little after it (parents without children
/// are skipped): a short scan forward finds it, comparing ids in place (`isParent`); a dictionary, built on
/// first need, answers anything else.
func parentPositions(parents: Int, children: Int, isParent: (_ parent: Int, _ child: Int) -> Bool,
                     parentID: (Int) -> String, childParentID: (Int) -> String?) -> [Int?] {
    let scan = 16
    var out = [Int?](repeating: nil, count: children)
    var cursor = 0
    var table: [String: Int]?
    children: for c in 0..<children {
        var p = cursor
        while p < parents && p < cursor + scan {
            if isParent(p, c) {
                cursor = p
                out[c] = p
                continue children
            }
            p += 1
        }
        guard let id = childParentID(c) else { continue }
        if table == nil {
            var t: [String: Int] = [:]
            t.reserveCapacity(parents)
            for p in 0..<parents where t[parentID(p)] == nil { t[parentID(p)] = p }
            table = t
        }
        if let p = table?[id] {
            cursor = p
            out[c] = p
        }
    }
    return out
}

/// Children grouped by parent, each group in its original order, without one array per parent: a counting
/// sort of the child indices by parent position.
struct Grouping {
    private var order: [Int] = []
    private var starts: [Int] = []
    /// Children without a (known) parent, in their original order.
    private(set) var orphans: [Int] = []

    init(parentCount: Int, parents: [Int?]) {
        var counts = [Int](repeating: 0, count: parentCount + 1)
        for (c, p) in parents.enumerated() {
            if let p { counts[p + 1] += 1 } else { orphans.append(c) }
        }
        for p in 0..<parentCount { counts[p + 1] += counts[p] }
        starts = counts
        var next = counts
        order = [Int](repeating: 0, count: parents.count - orphans.count)
        for (c, p) in parents.enumerated() {
            if let p {
                order[next[p]] = c
                next[p] += 1
            }
        }
    }

    /// The children of `parent`, as a range of positions in `order`: `order[i]` for `i` in it.
    @inline(__always)
    func range(of parent: Int) -> Range<Int> { starts[parent]..<starts[parent + 1] }

    @inline(__always)
    func child(at i: Int) -> Int { order[i] }
}

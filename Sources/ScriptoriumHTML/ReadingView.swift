import ScriptoriumModel

/// `html/ID.html`: one document as a person reads it, made from the same `DocumentTree` as its TEI and
/// JSON-LD. Pure: tree in, bytes out.
///
/// - every section a heading (`h2`–`h6` by level, its number before it) whose `id` is the section's record id;
/// - every paragraph a `p`, every run of list items a `ul` of `li` (marker shown), every verbatim block a `pre`,
///   each with its block id;
/// - every sentence a `span` whose `id` is the sentence's record id, so `html/ID.html#ID.b12.s3` is the
///   sentence's address on the web (and `:target` highlights it);
/// - every mention an `a` linking to `#` + its entity's id (no id of its own: markup per sentence and mention is
///   kept to what a reader needs, since the page is written for every document): the entity's entry
///   in the list at the end of the page, which gives its type, how often this document names it, and its
///   Wikidata and GeoNames pages. The same page, so the link works offline and from a bag on a disk; the same id
///   as the entity's `xml:id` in the TEI's `standOff` and the end of its JSON-LD `@id`.
///
/// Nothing in the page is fetched: links only, style inline, no script.
public enum ReadingView {
    /// The landing page's path relative to `data/`; a reading view sits one folder below it.
    public static let landingPage = "index.html"

    /// `files`: the document's other files (its source copy, TEI, JSON-LD), which the page's header links to.
    public static func page(_ tree: DocumentTree, dataset: DatasetMetadata, files: [DocumentFile]) -> [UInt8] {
        build(tree, dataset: dataset, files: files).finish()
    }

    /// The page lent to `body` straight from the buffer it was built in (the way to a file: no copy).
    public static func page<R>(_ tree: DocumentTree, dataset: DatasetMetadata, files: [DocumentFile],
                               _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try build(tree, dataset: dataset, files: files).finish(body)
    }

    private static func build(_ tree: DocumentTree, dataset: DatasetMetadata, files: [DocumentFile]) -> HTMLBytes {
        let doc = tree.records.document
        var out = HTMLBytes(capacity: doc.byteCount + doc.byteCount / 2 + tree.records.sentences.count * 48 + 4096)
        PageStyle.head(&out, title: doc.title, language: doc.language)
        out.attribute("</head>\n<body>\n<nav><a href=\"../", landingPage, "\">")
        out.text(dataset.title)
        out.raw("</a></nav>\n<header>\n<h1>")
        out.text(doc.title)
        out.raw("</h1>\n<p class=\"meta\">")
        if !doc.creators.isEmpty {
            out.text(doc.creators.joined(separator: ", "))
            out.raw(" · ")
        }
        out.text(doc.license.isEmpty ? dataset.license : doc.license)
        out.raw(" · the same text as ")
        for (k, file) in files.enumerated() {
            out.attribute(k == 0 ? "<a href=\"" : ", <a href=\"", RelativeURL.reference(to: file.path, up: true), "\">")
            out.text(file.label)
            out.raw("</a>")
        }
        out.raw("</p>\n")
        if let description = doc.description, !description.isEmpty {
            out.text("<p class=\"meta\">", description, "</p>\n")
        }
        out.raw("</header>\n<main>\n")
        body(&out, tree)
        out.raw("</main>\n")
        entities(&out, tree.records.entities)
        out.text("<footer><p>Document <code>", doc.id, "</code>. A sentence's address is this page's and <code>#</code> its id.</p></footer>\n</body>\n</html>\n")
        return out
    }

    /// Sections, blocks and sentences in source order, as the document tree holds them (the one grouping every
    /// writer walks): the blocks before the first heading, then each section's heading and its blocks.
    private static func body(_ out: inout HTMLBytes, _ tree: DocumentTree) {
        blocks(&out, tree, tree.preamble)
        for k in tree.records.sections.indices {
            heading(&out, tree.records.sections[k])
            blocks(&out, tree, tree.blocks(ofSection: k))
        }
    }

    /// The blocks of one section (or of the preamble): a run of list items is one `ul`. Records are read in
    /// place through the tree (no copy of a record per block, sentence or mention: each copy costs a retain and a
    /// release of every string it holds).
    private static func blocks(_ out: inout HTMLBytes, _ tree: DocumentTree, _ indices: ArraySlice<Int>) {
        var inList = false
        for b in indices {
            let kind = tree.records.blocks[b].kind
            if kind == .listItem {
                if !inList { out.raw("<ul>\n"); inList = true }
            } else if inList {
                out.raw("</ul>\n")
                inList = false
            }
            switch kind {
            case .verbatim:
                out.id("<pre id=\"", tree.records.blocks[b].id, "\">\n")
                // (a parser drops one line feed right after <pre>: that one, never the text's)
                out.text(tree.records.blocks[b].text)
                out.raw("</pre>\n")
                continue
            case .listItem:
                out.id("<li id=\"", tree.records.blocks[b].id, "\">")
            default:
                out.id("<p id=\"", tree.records.blocks[b].id, "\">")
            }
            if let marker = tree.records.blocks[b].marker, !marker.isEmpty {
                out.text("<span class=\"k\">", marker, "</span>")
            }
            let sentences = tree.sentences(ofBlock: b)
            for s in sentences {
                if s != sentences.first { out.raw(" ") }
                sentence(&out, tree, s)
            }
            if sentences.isEmpty { out.text(tree.records.blocks[b].text) }
            out.raw(kind == .listItem ? "</li>\n" : "</p>\n")
        }
        if inList { out.raw("</ul>\n") }
    }

    private static func heading(_ out: inout HTMLBytes, _ section: SectionRecord) {
        let level = min(max(section.level, 1), 5) + 1
        out.raw(level == 2 ? "<h2 id=\"" : level == 3 ? "<h3 id=\"" : level == 4 ? "<h4 id=\"" : level == 5 ? "<h5 id=\"" : "<h6 id=\"")
        out.attribute(section.id)
        out.raw("\">")
        if let number = section.number, !number.isEmpty {
            out.text("<span class=\"n\">", number, "</span>")
        }
        out.text(section.heading)
        out.raw(level == 2 ? "</h2>\n" : level == 3 ? "</h3>\n" : level == 4 ? "</h4>\n" : level == 5 ? "</h5>\n" : "</h6>\n")
    }

    /// Sentence `s`, its text cut at its mentions (byte ranges of the text, in order; one that is out of bounds,
    /// overlaps the one before or cuts a character is shown as plain text).
    private static func sentence(_ out: inout HTMLBytes, _ tree: DocumentTree, _ s: Int) {
        let mentions = tree.mentions(ofSentence: s)
        out.id("<span id=\"", tree.records.sentences[s].id, "\">")
        if mentions.isEmpty {
            out.text(tree.records.sentences[s].text)
        } else {
            out.withUTF8(of: tree.records.sentences[s].text) { out, u in
                // Most sentences need no escaping at all: one scan of the whole text, not one per piece.
                let clean = HTMLBytes.isClean(u)
                var at = 0
                // A cut is on a character's boundary: not before a UTF-8 continuation byte.
                func boundary(_ k: Int) -> Bool { k == u.count || u[k] & 0xC0 != 0x80 }
                for m in mentions {
                    let r = tree.records.mentions[m].rangeInSentence
                    guard r.lowerBound >= at, r.upperBound <= u.count, !r.isEmpty, boundary(r.lowerBound),
                          boundary(r.upperBound) else { continue }
                    out.text(UnsafeBufferPointer(rebasing: u[at..<r.lowerBound]), clean: clean)
                    out.id("<a href=\"#", tree.records.mentions[m].entityID, "\">")
                    out.text(UnsafeBufferPointer(rebasing: u[r]), clean: clean)
                    out.raw("</a>")
                    at = r.upperBound
                }
                out.text(UnsafeBufferPointer(rebasing: u[at...]), clean: clean)
            }
        }
        out.raw("</span>")
    }

    private static func typeName(_ type: EntityType) -> StaticString {
        switch type {
        case .place: return "place"
        case .organization: return "organization"
        case .legalInstrument: return "legal instrument"
        case .event: return "event"
        case .person: return "person"
        case .name: return "name"
        case .date: return "date"
        }
    }

    /// The entities the document mentions, each a `dt` whose id is the entity's record id.
    private static func entities(_ out: inout HTMLBytes, _ entities: [EntityRecord]) {
        guard !entities.isEmpty else { return }
        out.raw("<section>\n<h2>Entities</h2>\n<dl>\n")
        for e in entities {
            out.raw("<dt id=\"")
            out.attribute(e.id)
            out.text("\">", e.name, "</dt>\n<dd>")
            out.raw(typeName(e.type))
            out.raw(", ")
            out.int(e.mentions)
            out.raw(e.mentions == 1 ? " mention" : " mentions")
            if let q = e.wikidata, !q.isEmpty {
                out.raw(" · <a href=\"https://www.wikidata.org/wiki/")
                out.attribute(q)
                out.text("\">Wikidata ", q, "</a>")
            }
            if let g = e.geonames, !g.isEmpty {
                out.raw(" · <a href=\"https://www.geonames.org/")
                out.attribute(g)
                out.text("/\">GeoNames ", g, "</a>")
            }
            out.raw("</dd>\n")
        }
        out.raw("</dl>\n</section>\n")
    }
}

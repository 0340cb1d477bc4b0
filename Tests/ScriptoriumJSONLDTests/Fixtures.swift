import ScriptoriumModel

/// A small but realistic document, built the way the pipeline builds records: a source text, and spans found in
/// it as code-point offsets. It has a section-less opening paragraph, two sections, list items, typographic
/// quotes and dashes, a backslash, straight quotes, a non-BMP character, a combining mark, repeated entities in
/// one sentence, a mention wrapped over a line break, all six entity types, list markers, a numbered section and a
/// verbatim block.
enum Fixtures {
    static let documentID = "us-japan-treaty"

    static let source = """
    Security in the Pacific

    After the war, Japan and the United States negotiated for years. The archive at C:\\treaties\\1951 holds \
    the \"first\" drafts.

    The Treaty of San Francisco

    On 8 September 1951 Japan signed the Treaty of San Francisco in San Francisco; Japan regained \
    sovereignty. John Foster Dulles led the talks — “a hard peace”, some said.
    The U.S.
    Senate ratified it in March 1952. Café owners in Tōkyō\u{0301} cheered 🎌 at the Korean War news.

    Aftermath

    (a) Okinawa stayed under U.S. administration until 1972.
    (b) The Security Treaty took effect on April 28, 1952 (𝔘𝔖 text).

    2.1 Annex

    \(verbatimSource)

    """

    /// A verbatim block's source: markup characters, a tab, a CRLF line end, two lines.
    static let verbatimSource = "$ grep -c \"<b>\" a.txt && echo ok\r\n\tdone"

    static let dataset = DatasetMetadata(
        id: "scriptorium-sample", title: "Scriptorium sample \"dataset\"", description: "Essays on the\tPacific.",
        license: "CC-BY-4.0", licenseURL: "https://creativecommons.org/licenses/by/4.0/",
        creators: ["Ada Example", "Scriptorium contributors"], publisher: "Example Press", version: "1.0.0",
        keywords: ["treaties", "Japan", "schema.org"], baseIRI: "https://data.example.org/scriptorium/",
        modified: "2024-01-02T03:04:05Z")

    static let entities: [EntityRecord] = [
        EntityRecord(id: "date.1951-09-08", name: "1951-09-08", type: .date, wikidata: nil, aliases: [], mentions: 1),
        EntityRecord(id: "date.1952-03", name: "1952-03", type: .date, wikidata: nil, aliases: [], mentions: 1),
        EntityRecord(id: "date.1952-04-28", name: "1952-04-28", type: .date, wikidata: nil, aliases: [], mentions: 1),
        EntityRecord(id: "date.1972", name: "1972", type: .date, wikidata: nil, aliases: [], mentions: 1),
        EntityRecord(id: "ent.japan", name: "Japan", type: .place, wikidata: "Q17", aliases: ["Nippon", "日本"], mentions: 3),
        EntityRecord(id: "ent.john-foster-dulles", name: "John Foster Dulles", type: .person, wikidata: "Q295096",
                     aliases: ["Dulles"], mentions: 1),
        EntityRecord(id: "ent.korean-war", name: "Korean War", type: .event, wikidata: "Q8663", aliases: [], mentions: 1),
        EntityRecord(id: "ent.okinawa", name: "Okinawa", type: .place, wikidata: nil, aliases: [], mentions: 1),
        EntityRecord(id: "ent.san-francisco", name: "San Francisco", type: .place, wikidata: "Q62",
                     aliases: ["SF"], mentions: 1),
        EntityRecord(id: "ent.security-treaty", name: "Security Treaty", type: .legalInstrument, wikidata: nil,
                     aliases: ["Treaty of Mutual Cooperation and Security"], mentions: 1),
        EntityRecord(id: "ent.treaty-of-san-francisco", name: "Treaty of San Francisco", type: .legalInstrument,
                     wikidata: "Q200464", aliases: [], mentions: 1),
        EntityRecord(id: "ent.united-states", name: "United States", type: .place, wikidata: "Q30",
                     aliases: ["U.S."], mentions: 2),
        EntityRecord(id: "ent.u-s-senate", name: "United States Senate", type: .organization, wikidata: "Q66096",
                     aliases: ["U.S. Senate"], mentions: 1),
    ]

    /// The document's records, with every offset computed from `source`.
    static func records() -> DocumentRecords {
        let text = Array(source.unicodeScalars)
        var cursor = 0
        /// The span of the next occurrence of `needle` at or after the cursor (code points); moves the cursor.
        func find(_ needle: String, advance: Bool = true) -> Span {
            let n = Array(needle.unicodeScalars)
            var i = cursor
            while i + n.count <= text.count {
                if Array(text[i..<(i + n.count)]) == n {
                    if advance { cursor = i }
                    return Span(start: i, end: i + n.count)
                }
                i += 1
            }
            fatalError("fixture: \(needle) not found after \(cursor)")
        }

        let doc = DocumentRecord(id: documentID, title: "Security in the Pacific", source: "essays/us japan treaty.txt",
                                 sourceSHA256: String(repeating: "ab", count: 32), language: "en", license: "CC-BY-4.0",
                                 creators: ["Ada Example"], description: "A short essay with \"quotes\".",
                                 byteCount: source.utf8.count, codePointCount: text.count)
        var sections: [SectionRecord] = []
        var blocks: [BlockRecord] = []
        var sentences: [SentenceRecord] = []
        var mentions: [MentionRecord] = []

        func section(_ heading: String, number: String? = nil) -> String {
            let id = RecordID.section(document: documentID, position: sections.count + 1)
            sections.append(SectionRecord(id: id, documentID: documentID, position: sections.count + 1, level: 1,
                                          heading: heading, span: find(heading), number: number))
            return id
        }
        /// A block of sentences: each sentence is (source text, normalised text, mentions as (source text, entity)).
        func block(_ sectionID: String?, _ kind: BlockKind, _ parts: [(String, String, [(String, String)])],
                   marker: String? = nil) {
            let blockID = RecordID.block(document: documentID, position: blocks.count + 1)
            let start = find(parts[0].0, advance: false).start
            var end = start
            var texts: [String] = []
            for (k, part) in parts.enumerated() {
                let sentenceSpan = find(part.0)
                end = sentenceSpan.end
                let sid = RecordID.sentence(block: blockID, position: k + 1)
                sentences.append(SentenceRecord(id: sid, documentID: documentID, blockID: blockID, position: k + 1,
                                                text: part.1, span: sentenceSpan))
                texts.append(part.1)
                var searchFrom = part.1.utf8.startIndex
                for (surface, entity) in part.2 {
                    let span = find(surface)
                    cursor = span.end
                    let normalised = surface.replacingOccurrences(of: "\n", with: " ")
                    let range = part.1.utf8[searchFrom...].firstRange(of: normalised.utf8)!
                    let lower = part.1.utf8.distance(from: part.1.utf8.startIndex, to: range.lowerBound)
                    let upper = part.1.utf8.distance(from: part.1.utf8.startIndex, to: range.upperBound)
                    searchFrom = range.upperBound
                    mentions.append(MentionRecord(id: RecordID.mention(document: documentID, position: mentions.count + 1),
                                                  documentID: documentID, sentenceID: sid, entityID: entity,
                                                  text: surface, span: span, rangeInSentence: lower..<upper))
                }
                cursor = sentenceSpan.end
            }
            blocks.append(BlockRecord(id: blockID, documentID: documentID, sectionID: sectionID,
                                      position: blocks.count + 1, kind: kind, text: texts.joined(separator: " "),
                                      span: Span(start: start, end: end), marker: marker))
        }

        _ = section("Security in the Pacific")
        block(sections[0].id, .paragraph, [
            ("After the war, Japan and the United States negotiated for years.",
             "After the war, Japan and the United States negotiated for years.",
             [("Japan", "ent.japan"), ("United States", "ent.united-states")]),
            ("The archive at C:\\treaties\\1951 holds the \"first\" drafts.",
             "The archive at C:\\treaties\\1951 holds the \"first\" drafts.", []),
        ])
        let s2 = section("The Treaty of San Francisco")
        block(s2, .paragraph, [
            ("On 8 September 1951 Japan signed the Treaty of San Francisco in San Francisco; Japan regained sovereignty.",
             "On 8 September 1951 Japan signed the Treaty of San Francisco in San Francisco; Japan regained sovereignty.",
             [("8 September 1951", "date.1951-09-08"), ("Japan", "ent.japan"),
              ("Treaty of San Francisco", "ent.treaty-of-san-francisco"), ("San Francisco", "ent.san-francisco"),
              ("Japan", "ent.japan")]),
            ("John Foster Dulles led the talks — “a hard peace”, some said.",
             "John Foster Dulles led the talks — “a hard peace”, some said.",
             [("John Foster Dulles", "ent.john-foster-dulles")]),
            ("The U.S.\nSenate ratified it in March 1952.",
             "The U.S. Senate ratified it in March 1952.",
             [("U.S.\nSenate", "ent.u-s-senate"), ("March 1952", "date.1952-03")]),
            ("Café owners in Tōkyō\u{0301} cheered 🎌 at the Korean War news.",
             "Café owners in Tōkyō\u{0301} cheered 🎌 at the Korean War news.",
             [("Korean War", "ent.korean-war")]),
        ])
        let s3 = section("Aftermath")
        block(s3, .listItem, [
            ("Okinawa stayed under U.S. administration until 1972.",
             "Okinawa stayed under U.S. administration until 1972.",
             [("Okinawa", "ent.okinawa"), ("U.S.", "ent.united-states"), ("1972", "date.1972")]),
        ], marker: "(a)")
        block(s3, .listItem, [
            ("The Security Treaty took effect on April 28, 1952 (𝔘𝔖 text).",
             "The Security Treaty took effect on April 28, 1952 (𝔘𝔖 text).",
             [("Security Treaty", "ent.security-treaty"), ("April 28, 1952", "date.1952-04-28")]),
        ], marker: "(b)")
        let s4 = section("Annex", number: "2.1")
        blocks.append(BlockRecord(id: RecordID.block(document: documentID, position: blocks.count + 1),
                                  documentID: documentID, sectionID: s4, position: blocks.count + 1, kind: .verbatim,
                                  text: VerbatimText.form(of: verbatimSource), span: find(verbatimSource)))

        let used = Set(mentions.map(\.entityID))
        let docEntities = entities.filter { used.contains($0.id) }.map { e -> EntityRecord in
            var e = e
            e.mentions = mentions.filter { $0.entityID == e.id }.count
            return e
        }
        return DocumentRecords(document: doc, sections: sections, blocks: blocks, sentences: sentences,
                               mentions: mentions, entities: docEntities)
    }

    /// Payload files as the pipeline would list them, with odd characters in one path.
    static let files: [PayloadFile] = [
        PayloadFile(path: "csv/documents.csv", bytes: 210, sha256: String(repeating: "0", count: 64),
                    mediaType: "text/csv", format: "csv", records: 1),
        PayloadFile(path: "csv/sentences.csv", bytes: 1900, sha256: String(repeating: "1", count: 64),
                    mediaType: "text/csv", format: "csv", records: 8),
        PayloadFile(path: "jsonld/context.jsonld", bytes: 800, sha256: String(repeating: "2", count: 64),
                    mediaType: "application/ld+json", format: "jsonld", records: 0),
        PayloadFile(path: "jsonld/us-japan-treaty.jsonld", bytes: 9000, sha256: String(repeating: "3", count: 64),
                    mediaType: "application/ld+json", format: "jsonld", records: 40),
        PayloadFile(path: "tei/us-japan-treaty.xml", bytes: 7000, sha256: String(repeating: "4", count: 64),
                    mediaType: "application/tei+xml", format: "xml", records: 8),
        PayloadFile(path: "source/essays/us japan treaty.txt", bytes: 900, sha256: String(repeating: "ab", count: 32),
                    mediaType: "text/plain", format: "txt", records: nil),
    ]
}

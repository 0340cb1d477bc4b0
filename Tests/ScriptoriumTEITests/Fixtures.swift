import ScriptoriumModel

/// Builds `DocumentRecords` the way the pipeline would for a small source text: ids from `RecordID`, spans as
/// code-point offsets into the text the builder assembles, mention ranges as UTF-8 byte ranges in the sentence.
struct RecordsBuilder {
    /// A sentence and the mentions in it, each given by its surface text (found left to right) and entity id.
    struct Sentence {
        var text: String
        var mentions: [(surface: String, entity: String)]
        init(_ text: String, _ mentions: [(String, String)] = []) {
            self.text = text
            self.mentions = mentions.map { (surface: $0.0, entity: $0.1) }
        }
    }

    let documentID: String
    let catalogue: [String: EntityRecord]
    private(set) var source = ""
    private var sourceLength = 0
    private(set) var sections: [SectionRecord] = []
    private(set) var blocks: [BlockRecord] = []
    private(set) var sentences: [SentenceRecord] = []
    private(set) var mentions: [MentionRecord] = []
    private var mentionCounts: [String: Int] = [:]

    init(documentID: String = "treaty", entities: [EntityRecord] = Fixtures.entities) {
        self.documentID = documentID
        self.catalogue = Dictionary(entities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    private mutating func append(_ text: String) -> Span {
        let start = sourceLength
        source += text
        sourceLength += text.unicodeScalars.count
        return Span(start: start, end: sourceLength)
    }

    /// A heading line; a `number` is written before the text, outside the section's span.
    mutating func heading(_ text: String, level: Int = 1, number: String? = nil) {
        if let number { _ = append(number + " ") }
        let span = append(text)
        _ = append("\n")
        let position = sections.count + 1
        sections.append(SectionRecord(id: RecordID.section(document: documentID, position: position),
                                      documentID: documentID, position: position, level: level, heading: text, span: span,
                                      number: number))
    }

    mutating func paragraph(_ content: [Sentence]) { block(.paragraph, content) }
    /// A list item after its marker (`-` in the source when it has none as data).
    mutating func listItem(_ content: [Sentence], marker: String? = nil) { block(.listItem, content, marker: marker) }

    /// A verbatim block: `sourceText` as it stands in the source, its text the verbatim form of it.
    mutating func verbatim(_ sourceText: String) {
        let position = blocks.count + 1
        let span = append(sourceText)
        blocks.append(BlockRecord(id: RecordID.block(document: documentID, position: position), documentID: documentID,
                                  sectionID: sections.last?.id, position: position, kind: .verbatim,
                                  text: VerbatimText.form(of: sourceText), span: span))
        _ = append("\n\n")
    }

    private mutating func block(_ kind: BlockKind, _ content: [Sentence], marker: String? = nil) {
        if kind == .listItem { _ = append((marker ?? "-") + " ") }
        let position = blocks.count + 1
        let blockID = RecordID.block(document: documentID, position: position)
        let blockStart = sourceLength
        for (k, sentence) in content.enumerated() {
            if k > 0 { _ = append(" ") }
            let span = append(sentence.text)
            let sentenceID = RecordID.sentence(block: blockID, position: k + 1)
            sentences.append(SentenceRecord(id: sentenceID, documentID: documentID, blockID: blockID,
                                            position: k + 1, text: sentence.text, span: span))
            let bytes = Array(sentence.text.utf8)
            var from = 0
            for (surface, entity) in sentence.mentions {
                let needle = Array(surface.utf8)
                guard let at = RecordsBuilder.find(needle, in: bytes, from: from) else {
                    fatalError("fixture: \(surface) not in \(sentence.text)")
                }
                let prefix = String(decoding: bytes[..<at], as: UTF8.self).unicodeScalars.count
                let start = span.start + prefix
                let mentionPosition = mentions.count + 1
                mentions.append(MentionRecord(id: RecordID.mention(document: documentID, position: mentionPosition),
                                              documentID: documentID, sentenceID: sentenceID, entityID: entity,
                                              text: surface,
                                              span: Span(start: start, end: start + surface.unicodeScalars.count),
                                              rangeInSentence: at..<(at + needle.count)))
                mentionCounts[entity, default: 0] += 1
                from = at + needle.count
            }
        }
        let text = content.map(\.text).joined(separator: " ")
        blocks.append(BlockRecord(id: blockID, documentID: documentID, sectionID: sections.last?.id, position: position,
                                  kind: kind, text: text, span: Span(start: blockStart, end: sourceLength), marker: marker))
        _ = append(kind == .listItem ? "\n" : "\n\n")
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        var i = from
        while i + needle.count <= haystack.count {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    func records(title: String = "The US–Japan Security Treaty", language: String = "en",
                 creators: [String] = ["Ada Example"], sha256: String = Fixtures.sha256) -> DocumentRecords {
        let entities = mentionCounts.keys.sorted().map { id -> EntityRecord in
            var e = catalogue[id] ?? EntityRecord(id: id, name: id, type: .place, wikidata: nil, aliases: [], mentions: 0)
            e.mentions = mentionCounts[id] ?? 0
            return e
        }
        let document = DocumentRecord(id: documentID, title: title, source: "essays/\(documentID).txt",
                                      sourceSHA256: sha256, language: language, license: "CC-BY-4.0",
                                      creators: creators, description: "An essay on a treaty.",
                                      byteCount: source.utf8.count, codePointCount: sourceLength)
        return DocumentRecords(document: document, sections: sections, blocks: blocks, sentences: sentences,
                               mentions: mentions, entities: entities)
    }
}

enum Fixtures {
    static let sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

    static let dataset = DatasetMetadata(
        id: "scriptorium-test", title: "Test essays", description: "Essays for tests.", license: "CC-BY-4.0",
        licenseURL: "https://creativecommons.org/licenses/by/4.0/", creators: ["Ada Example"],
        publisher: "Scriptorium & Co. <test>", version: "1.0.0", keywords: ["treaties"],
        baseIRI: "https://example.org/scriptorium/", modified: "2024-05-01T12:00:00Z")

    static let entities: [EntityRecord] = [
        EntityRecord(id: "ent.japan", name: "Japan", type: .place, wikidata: "Q17", aliases: [], mentions: 0),
        EntityRecord(id: "ent.united-states", name: "United States", type: .place, wikidata: "Q30",
                     aliases: ["U.S.", "US"], mentions: 0),
        EntityRecord(id: "ent.east-asia", name: "East Asia", type: .place, wikidata: nil, aliases: [], mentions: 0),
        EntityRecord(id: "ent.united-nations", name: "United Nations", type: .organization, wikidata: "Q1065",
                     aliases: ["UN"], mentions: 0),
        EntityRecord(id: "ent.us-senate", name: "U.S. Senate", type: .organization, wikidata: nil, aliases: [],
                     mentions: 0),
        EntityRecord(id: "ent.security-treaty", name: "Security Treaty between the United States and Japan",
                     type: .legalInstrument, wikidata: nil, aliases: ["US-Japan Security Treaty"], mentions: 0),
        EntityRecord(id: "ent.world-war-ii", name: "World War II", type: .event, wikidata: "Q362", aliases: [],
                     mentions: 0),
        EntityRecord(id: "ent.yoshida", name: "Shigeru Yoshida", type: .person, wikidata: nil, aliases: [], mentions: 0),
        EntityRecord(id: "date.1951", name: "1951", type: .date, wikidata: nil, aliases: [], mentions: 0),
        EntityRecord(id: "date.1948-06", name: "1948-06", type: .date, wikidata: nil, aliases: [], mentions: 0),
        EntityRecord(id: "date.1960-01-19", name: "1960-01-19", type: .date, wikidata: nil, aliases: [], mentions: 0),
    ]

    /// Source text of a verbatim block: markup characters, a tab, CRLF line ends, three lines.
    static let verbatimSource = "if a < b && c {\r\n\treturn \"x\"\r\n}"

    /// A numbered section holding a paragraph, a list interrupted by a verbatim block, and more items.
    static func structured() -> DocumentRecords {
        var b = RecordsBuilder(documentID: "structured")
        b.heading("Remedies", number: "2.1")
        b.paragraph([.init("Japan may act.", [("Japan", "ent.japan")])])
        b.listItem([.init("First remedy.")], marker: "(a)")
        b.verbatim(verbatimSource)
        b.listItem([.init("Second remedy.")], marker: "(b)")
        b.listItem([.init("An item without a marker.")])
        b.heading("Unnumbered", level: 2)
        b.paragraph([.init("The end.")])
        return b.records()
    }

    /// A realistic essay: a preamble, sections at two levels, a list, every entity type, and tricky text.
    static func essay() -> DocumentRecords {
        var b = RecordsBuilder()
        b.paragraph([
            .init("The US-Japan Security Treaty represents a cornerstone of military alliances in the Pacific.",
                  [("US-Japan Security Treaty", "ent.security-treaty")]),
            .init("Its significance extends beyond East Asia.", [("East Asia", "ent.east-asia")]),
        ])
        b.heading("Historical Foundations")
        b.paragraph([
            .init("The treaty was signed in 1951, after World War II.",
                  [("1951", "date.1951"), ("World War II", "ent.world-war-ii")]),
            .init("Japan and the United States — “allies” since — agreed on 19 January 1960 to revise it.",
                  [("Japan", "ent.japan"), ("United States", "ent.united-states"), ("19 January 1960", "date.1960-01-19")]),
        ])
        b.heading("Provisions", level: 2)
        b.listItem([.init("Mutual defence & consultation <Article 5>.")])
        b.listItem([.init("Bases for U.S. forces in Japan.", [("Japan", "ent.japan")])])
        b.paragraph([.init("The U.S. Senate ratified it; Shigeru Yoshida signed for Japan.",
                           [("U.S. Senate", "ent.us-senate"), ("Shigeru Yoshida", "ent.yoshida"), ("Japan", "ent.japan")])])
        b.heading("Tricky Text")
        b.paragraph([
            .init(#"Quotes "double" and 'single', ampersand A&B, less-than a<b, greater-than b>a, ]]> too."#),
            .init("Emoji 🇯🇵🤝🇺🇸 and 👩🏽‍💻 stay whole."),
            .init("Combining marks: e\u{301}te\u{301} and Zalgo a\u{332}\u{301}."),
            .init("Arabic: معاهدة الأمن بين اليابان والولايات المتحدة."),
            .init("Hebrew: אמנת הביטחון, with RTL mark \u{200F}here."),
        ])
        b.paragraph([
            .init("Japan", [("Japan", "ent.japan")]),
            .init("Talks began in June 1948 at the United Nations",
                  [("June 1948", "date.1948-06"), ("United Nations", "ent.united-nations")]),
            .init("United StatesJapan were adjacent.", [("United States", "ent.united-states"), ("Japan", "ent.japan")]),
        ])
        return b.records()
    }
}

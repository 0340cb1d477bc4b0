/// The records of SPEC §3. Every writer (CSV, TEI, JSON-LD) reads these and nothing else, so the three formats
/// cannot disagree about an id, a text or an offset.

public struct DocumentRecord: Sendable, Equatable, Codable {
    public var id: String
    public var title: String
    /// Path relative to the input root, with `/` separators.
    public var source: String
    public var sourceSHA256: String
    /// BCP 47 tag, e.g. `en`.
    public var language: String
    public var license: String
    public var creators: [String]
    public var description: String?
    /// Size of the source file in bytes, and its length in code points (after a dropped BOM).
    public var byteCount: Int
    public var codePointCount: Int

    public init(id: String, title: String, source: String, sourceSHA256: String, language: String,
                license: String, creators: [String], description: String? = nil, byteCount: Int, codePointCount: Int) {
        self.id = id
        self.title = title
        self.source = source
        self.sourceSHA256 = sourceSHA256
        self.language = language
        self.license = license
        self.creators = creators
        self.description = description
        self.byteCount = byteCount
        self.codePointCount = codePointCount
    }
}

public struct SectionRecord: Sendable, Equatable {
    public var id: String
    public var documentID: String
    public var position: Int
    public var level: Int
    public var heading: String
    /// The heading line.
    public var span: Span
    /// The heading's number as written ("2.1", "IV", "§ 2", "5" for "Article 5"), kept out of `heading`; nil
    /// when the heading has none. Never empty, never holds a line break.
    public var number: String?

    public init(id: String, documentID: String, position: Int, level: Int, heading: String, span: Span,
                number: String? = nil) {
        self.id = id
        self.documentID = documentID
        self.position = position
        self.level = level
        self.heading = heading
        self.span = span
        self.number = number
    }
}

public enum BlockKind: String, Sendable, Equatable, CaseIterable {
    case paragraph
    case listItem = "list_item"
    /// Text that is not prose (code, a table, shell commands, a field list, a lone URL): kept as written
    /// (`VerbatimText`), never split into sentences, so it has no sentences and no mentions.
    case verbatim
}

public struct BlockRecord: Sendable, Equatable {
    public var id: String
    public var documentID: String
    /// Nil for the blocks before the first heading.
    public var sectionID: String?
    public var position: Int
    public var kind: BlockKind
    /// The normalised text of `span` (as a sentence's), or for a verbatim block `VerbatimText.form` of it.
    public var text: String
    /// For a list item, the span leaves out the marker.
    public var span: Span
    /// A list item's marker as written, less a trailing full stop ("iv", "(a)", "1)", "-", "*", "1"); nil for
    /// paragraphs and verbatim blocks, and for an item without one. Never empty, never holds a line break.
    public var marker: String?

    public init(id: String, documentID: String, sectionID: String?, position: Int, kind: BlockKind, text: String, span: Span,
                marker: String? = nil) {
        self.id = id
        self.documentID = documentID
        self.sectionID = sectionID
        self.position = position
        self.kind = kind
        self.text = text
        self.span = span
        self.marker = marker
    }
}

public struct SentenceRecord: Sendable, Equatable {
    public var id: String
    public var documentID: String
    public var blockID: String
    public var position: Int
    /// The normalised text of `span` (NFC, whitespace collapsed, hard wraps and hyphenated breaks joined).
    public var text: String
    public var span: Span

    public init(id: String, documentID: String, blockID: String, position: Int, text: String, span: Span) {
        self.id = id
        self.documentID = documentID
        self.blockID = blockID
        self.position = position
        self.text = text
        self.span = span
    }
}

public struct MentionRecord: Sendable, Equatable {
    public var id: String
    public var documentID: String
    public var sentenceID: String
    public var entityID: String
    /// Exactly the source text of `span` (it may hold a line break where a name was wrapped).
    public var text: String
    public var span: Span
    /// Where the mention sits in its sentence's normalised `text`, in UTF-8 bytes. Writers that mark mentions up
    /// inside the sentence (TEI, JSON-LD) cut the sentence text here; this is not exported as a column.
    public var rangeInSentence: Range<Int>

    public init(id: String, documentID: String, sentenceID: String, entityID: String, text: String, span: Span,
                rangeInSentence: Range<Int>) {
        self.id = id
        self.documentID = documentID
        self.sentenceID = sentenceID
        self.entityID = entityID
        self.text = text
        self.span = span
        self.rangeInSentence = rangeInSentence
    }
}

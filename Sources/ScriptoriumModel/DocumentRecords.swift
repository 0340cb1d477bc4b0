/// All records of one document, in source order. The pipeline streams these one document at a time:
/// a writer sees a document once and never needs another document's records.
public struct DocumentRecords: Sendable, Equatable {
    public var document: DocumentRecord
    public var sections: [SectionRecord]
    public var blocks: [BlockRecord]
    public var sentences: [SentenceRecord]
    public var mentions: [MentionRecord]
    /// The entities this document mentions, sorted by id, with `mentions` counted in this document only.
    /// The dataset-wide `entities` table sums these over all documents.
    public var entities: [EntityRecord]

    public init(document: DocumentRecord, sections: [SectionRecord] = [], blocks: [BlockRecord] = [],
                sentences: [SentenceRecord] = [], mentions: [MentionRecord] = [], entities: [EntityRecord] = []) {
        self.document = document
        self.sections = sections
        self.blocks = blocks
        self.sentences = sentences
        self.mentions = mentions
        self.entities = entities
    }
}

/// Dataset-level metadata, from `dataset.json` in the input folder or defaults.
public struct DatasetMetadata: Sendable, Equatable, Codable {
    public var id: String
    public var title: String
    public var description: String
    public var license: String
    /// A URL for the licence, e.g. `https://creativecommons.org/licenses/by/4.0/`.
    public var licenseURL: String
    public var creators: [String]
    public var publisher: String
    public var version: String
    public var keywords: [String]
    /// Where record IRIs live in RDF: a record's IRI is `baseIRI + id`. Ends in `/` or `#`.
    public var baseIRI: String
    /// ISO 8601 timestamp from `SOURCE_DATE_EPOCH`, or nil: the output carries no clock time otherwise.
    public var modified: String?
    /// The publication date (ISO 8601) from `dataset.json`'s `date_published`, or nil. The RO-Crate and the
    /// schema.org descriptions need a date; this one, or else `modified`, never the clock.
    public var datePublished: String?

    public init(id: String, title: String, description: String, license: String, licenseURL: String,
                creators: [String], publisher: String, version: String, keywords: [String], baseIRI: String,
                modified: String?, datePublished: String? = nil) {
        self.id = id
        self.title = title
        self.description = description
        self.license = license
        self.licenseURL = licenseURL
        self.creators = creators
        self.publisher = publisher
        self.version = version
        self.keywords = keywords
        self.baseIRI = baseIRI
        self.modified = modified
        self.datePublished = datePublished
    }

    /// The date the dataset is published under: `datePublished`, else the day of `modified`; nil when neither is
    /// known (a build without `SOURCE_DATE_EPOCH` and without `date_published` carries no date at all).
    public var publicationDate: String? { datePublished ?? modified.map { String($0.prefix(10)) } }
}

/// The tool that wrote a dataset, for headers and manifests.
public enum ScriptoriumInfo {
    public static let name = "scriptorium"
    public static let version = "0.1.0"
    public static let homepage = "https://example.org/scriptorium"
}

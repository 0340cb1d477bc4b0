/// One file written into the dataset, as the data package, the JSON-LD `distribution` and the manifest list it.
/// The pipeline fills these in while it writes (the hash is computed on the way out, never by re-reading).
public struct PayloadFile: Sendable, Equatable, Codable {
    /// Path relative to the bag's `data/` folder, with `/` separators, e.g. `csv/sentences.csv`.
    public var path: String
    public var bytes: Int
    /// Lower-case hex SHA-256 of the file's bytes.
    public var sha256: String
    /// IANA media type, e.g. `text/csv`, `application/ld+json`, `application/tei+xml`.
    public var mediaType: String
    /// Short format name as Frictionless uses it: `csv`, `jsonld`, `xml`, `txt`, `json`, `rng`.
    public var format: String
    /// Records the file holds (table rows, TEI sentences, JSON-LD nodes), or nil when that has no meaning.
    public var records: Int?

    public init(path: String, bytes: Int, sha256: String, mediaType: String, format: String, records: Int? = nil) {
        self.path = path
        self.bytes = bytes
        self.sha256 = sha256
        self.mediaType = mediaType
        self.format = format
        self.records = records
    }
}

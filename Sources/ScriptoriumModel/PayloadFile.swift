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

extension Array where Element == PayloadFile {
    /// The files in byte order of their paths (`PathOrder`), as every manifest lists them. Sorts positions by
    /// the paths' bytes laid end to end, not the files: moving or even reading a file out of the array (four
    /// strings) costs a retain and a release each, and a dataset lists thousands (a sort of them was most of
    /// what writing the manifests cost).
    public func sortedByPath() -> [PayloadFile] {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        ends.reserveCapacity(count)
        for file in self {
            bytes.append(contentsOf: file.path.utf8)
            ends.append(bytes.count)
        }
        func range(_ k: Int) -> Range<Int> { (k == 0 ? 0 : ends[k - 1])..<ends[k] }
        let all = bytes.span
        return indices.sorted { PathOrder.less(all.extracting(range($0)), all.extracting(range($1))) }.map { self[$0] }
    }
}

import Foundation
import ScriptoriumBag
import ScriptoriumCSV
import ScriptoriumModel

/// A partial dataset: what some documents contribute to a dataset, ready to be merged with the rest without
/// being processed again. A shard build (`build --shard K/N`) writes one, `merge` reads several, and each entry
/// of the per-document cache is a part holding one document.
///
/// ```
/// PART/
///   part.json            the tool, what the records depend on (`PartFingerprint`), and one entry per document
///   rows/TABLE.csv       the documents' CSV rows (no header), one after the other; each entry says where its are
///   data/tei/ID.xml, data/jsonld/ID.jsonld, data/html/ID.html, data/source/PATH    each document's own files, as in the bag
/// ```
///
/// An entry keeps what the dataset-wide files need (the document record, its entities with their mention
/// counts, its files with their sizes and hashes), so merging never reads a document's records again.
struct PartFolder {
    static let manifestName = "part.json"
    static let format = "scriptorium-part"
    static let formatVersion = 1
    /// The tables a document has rows in (the entities table is made from the entries' entities).
    static let rowTables = [DatasetTables.documents, DatasetTables.sections, DatasetTables.blocks,
                            DatasetTables.sentences, DatasetTables.mentions]

    struct Manifest: Codable, Equatable {
        var format = PartFolder.format
        var formatVersion = PartFolder.formatVersion
        var fingerprint: PartFingerprint
        /// `K/N` for a shard build; nil for a cache entry.
        var shard: String?
        var documents: [Entry]
        /// Inputs of this shard that could not be built (with `--keep-going`), with their reasons.
        var skipped: [Skipped]
        /// The dataset metadata the records were made with (the dataset-wide files are written from it on merge).
        var dataset: DatasetMetadata
    }



    struct Entry: Codable, Equatable {
        /// The document's place among all the inputs of the build (merged entries are put back in this order).
        var order: Int
        var document: DocumentRecord
        /// Its entities, with this document's mention counts.
        var entities: [EntityRecord]
        var files: [PayloadFile]
        /// Per table name: where this document's rows are in `rows/TABLE.csv`.
        var rows: [String: RowRange]
    }

    struct RowRange: Codable, Equatable {
        var offset: Int
        var length: Int
        var count: Int
        /// SHA-256 of the rows' bytes: a damaged part or cache entry is found before it is used.
        var sha256: String?
    }

    struct Skipped: Codable, Equatable {
        var order: Int
        var source: String
        var kind: String
        var path: String
        var message: String
    }
}

/// Everything a document's records depend on besides its own bytes, path and sidecar: the tool, the lexicon,
/// the dataset metadata that reaches the records, and `--keep-going`. Parts merge only when these agree, and
/// a cache entry is reused only under the same ones.
struct PartFingerprint: Codable, Equatable {
    var tool: String
    /// SHA-256 of the lexicon's file, or "" when there is none.
    var lexicon: String
    /// SHA-256 of the dataset metadata as the build uses it (`dataset.json` with its defaults filled in).
    var dataset: String
    var keepGoing: Bool
    /// SHA-256 of the list of all inputs (their paths and sizes): parts of different input sets never merge.
    var inputs: String

    /// What differs from `other`, in words, for a refusal to merge ("another lexicon", "another tool (…, not …)").
    func differences(from other: PartFingerprint) -> [String] {
        var out: [String] = []
        if tool != other.tool { out.append("another tool (\(tool), not \(other.tool))") }
        if lexicon != other.lexicon { out.append("another lexicon") }
        if dataset != other.dataset { out.append("other dataset metadata (dataset.json)") }
        if keepGoing != other.keepGoing { out.append(keepGoing ? "--keep-going" : "no --keep-going") }
        if inputs != other.inputs { out.append("another set of input documents") }
        return out
    }
}

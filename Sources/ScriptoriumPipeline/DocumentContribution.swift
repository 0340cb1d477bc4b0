import Foundation
import ScriptoriumBag
import ScriptoriumCSV
import ScriptoriumModel

/// What one document adds to a dataset once its own files are in the output folder: its record, its entities
/// (with this document's mention counts), its files with their sizes and hashes, and its rows by table. Made by
/// processing the document (`DocumentOutput`), or by copying it from a part or a cache entry (`copied`), so
/// that a build, a merge and a cached rebuild put the same bytes together the same way (`DatasetAssembly`).
struct DocumentContribution: Sendable {
    struct Rows: Sendable {
        var bytes: [UInt8]
        var count: Int
    }

    var document: DocumentRecord
    var entities: [EntityRecord]
    var files: [PayloadFile]
    /// By table name (`PartFolder.rowTables`).
    var rows: [String: Rows]

    init(document: DocumentRecord, entities: [EntityRecord], files: [PayloadFile], rows: [String: Rows]) {
        self.document = document
        self.entities = entities
        self.files = files
        self.rows = rows
    }

    init(_ output: DocumentOutput) {
        let r = output.rows
        self.init(document: output.document, entities: output.entities, files: output.files, rows: [
            DatasetTables.documents.name: Rows(bytes: r.documents.bytes, count: r.documents.rows),
            DatasetTables.sections.name: Rows(bytes: r.sections.bytes, count: r.sections.rows),
            DatasetTables.blocks.name: Rows(bytes: r.blocks.bytes, count: r.blocks.rows),
            DatasetTables.sentences.name: Rows(bytes: r.sentences.bytes, count: r.sentences.rows),
            DatasetTables.mentions.name: Rows(bytes: r.mentions.bytes, count: r.mentions.rows),
        ])
    }

    /// The contribution of `entry` of a part (or cache entry), its files copied into `layout`. Every byte copied
    /// is hashed once, on the way, and must match the hash the part recorded: a damaged part or cache entry is
    /// an error, never published.
    static func copied(_ entry: PartFolder.Entry, from part: PartReader, into layout: OutputLayout) throws -> DocumentContribution {
        var rows: [String: Rows] = [:]
        for table in PartFolder.rowTables {
            let bytes = try part.rows(of: entry, in: table)
            let range = entry.rows[table.name]
            if let expected = range?.sha256, SHA256Hex.of(bytes) != expected {
                throw ScriptoriumError(.input, path: part.shown, "rows/\(table.name).csv of \(entry.document.source) differ from their hash")
            }
            rows[table.name] = Rows(bytes: bytes, count: range?.count ?? 0)
        }
        let files = entry.files
        for file in files {
            let target = layout.url(file.path)
            if file.path.contains("/") {
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            }
            let source = part.url(of: file.path)
            let copy: PayloadFile
            do {
                let bytes = try RegularFile.bytes(at: source.path)
                copy = try HashingFileWriter.write(bytes, to: target, path: file.path, mediaType: file.mediaType, format: file.format,
                                                   records: file.records)
            } catch let problem as RegularFile.Problem {
                throw ScriptoriumError(.input, path: part.shown, "data/\(file.path): \(problem.isMissing ? "missing" : "\(problem)")")
            }
            guard copy.sha256 == file.sha256, copy.bytes == file.bytes else {
                throw ScriptoriumError(.input, path: part.shown, "data/\(file.path) differs from the hash in \(PartFolder.manifestName)")
            }
        }
        return DocumentContribution(document: entry.document, entities: entry.entities, files: files, rows: rows)
    }
}

import Foundation
import ScriptoriumBag
import ScriptoriumCSV
import ScriptoriumModel

/// Writes a part folder (`PartFolder`) as documents stream through: a document's own files are already in
/// `data/` (written there as into a bag's staging folder); its rows go to the end of `rows/TABLE.csv`, and
/// `finish` writes `part.json`.
struct PartWriter {
    let folder: URL
    private var tables: [String: HashingFileWriter] = [:]
    private var offsets: [String: Int] = [:]
    private(set) var entries: [PartFolder.Entry] = []

    init(folder: URL) throws {
        self.folder = folder
        let rows = folder.appendingPathComponent("rows")
        do {
            try FileManager.default.createDirectory(at: rows, withIntermediateDirectories: true)
        } catch {
            throw ScriptoriumError(.output, path: rows.path, "cannot create the folder (\(ErrorReason.of(error)))")
        }
        for table in PartFolder.rowTables {
            tables[table.name] = try HashingFileWriter(url: rows.appendingPathComponent("\(table.name).csv"), displayPath: "rows/\(table.name).csv")
            offsets[table.name] = 0
        }
    }

    /// Adds one document, whose files are already in `data/`.
    mutating func add(order: Int, _ c: DocumentContribution) throws {
        var ranges: [String: PartFolder.RowRange] = [:]
        for table in PartFolder.rowTables {
            let rows = c.rows[table.name] ?? DocumentContribution.Rows(bytes: [], count: 0)
            try tables[table.name]!.write(rows.bytes)
            ranges[table.name] = PartFolder.RowRange(offset: offsets[table.name]!, length: rows.bytes.count, count: rows.count,
                                                     sha256: SHA256Hex.of(rows.bytes))
            offsets[table.name]! += rows.bytes.count
        }
        entries.append(PartFolder.Entry(order: order, document: c.document, entities: c.entities, files: c.files, rows: ranges))
    }

    /// Closes the row files and writes `part.json`.
    mutating func finish(fingerprint: PartFingerprint, dataset: DatasetMetadata, shard: Shard?, skipped: [PartFolder.Skipped]) throws {
        for table in PartFolder.rowTables { _ = try tables[table.name]!.finish() }
        let manifest = PartFolder.Manifest(fingerprint: fingerprint, shard: shard?.description, documents: entries, skipped: skipped,
                                           dataset: dataset)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        _ = try HashingFileWriter.write(Array(try encoder.encode(manifest)), to: folder.appendingPathComponent(PartFolder.manifestName),
                                        path: PartFolder.manifestName, mediaType: "application/json", format: "json")
    }
}

/// A part folder read back: its manifest, checked, and its rows and files on demand.
struct PartReader {
    let folder: URL
    /// The folder as the user named it, for messages.
    let shown: String
    let manifest: PartFolder.Manifest

    init(folder: URL, shown: String) throws {
        self.folder = folder
        self.shown = shown
        let url = folder.appendingPathComponent(PartFolder.manifestName)
        let bytes: [UInt8]
        do {
            bytes = try RegularFile.bytes(at: url.path)
        } catch {
            throw ScriptoriumError(.input, path: shown, error.isMissing ? "not a part: it has no \(PartFolder.manifestName) (parts are made by build --shard K/N)" : "\(PartFolder.manifestName) \(error)")
        }
        do {
            manifest = try JSONDecoder().decode(PartFolder.Manifest.self, from: Data(bytes))
        } catch {
            throw ScriptoriumError(.input, path: shown, "\(PartFolder.manifestName) is not a part manifest this version can read")
        }
        guard manifest.format == PartFolder.format, manifest.formatVersion == PartFolder.formatVersion else {
            throw ScriptoriumError(.input, path: shown, "\(PartFolder.manifestName) is format \(manifest.format) \(manifest.formatVersion), not \(PartFolder.format) \(PartFolder.formatVersion)")
        }
    }

    /// The rows of `entry` in `table` (bytes as written, no header).
    func rows(of entry: PartFolder.Entry, in table: CSVTable) throws -> [UInt8] {
        guard let range = entry.rows[table.name], range.length > 0 else { return [] }
        let url = folder.appendingPathComponent("rows/\(table.name).csv")
        let file = try RegularFile(path: url.path)
        guard range.offset >= 0, range.offset + range.length <= file.size else {
            throw ScriptoriumError(.input, path: shown, "rows/\(table.name).csv is shorter than \(PartFolder.manifestName) says")
        }
        return try file.read(offset: range.offset, count: range.length)
    }

    /// A document file of the part (a path relative to `data/`).
    func url(of path: String) -> URL { folder.appendingPathComponent("data").appendingPathComponent(path) }
}

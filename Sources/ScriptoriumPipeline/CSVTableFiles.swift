import Foundation
import ScriptoriumBag
import ScriptoriumCSV
import ScriptoriumModel

/// The six CSV tables, open for appending while documents stream through; rows are counted and the files
/// hashed as they are written.
struct CSVTableFiles {
    private var writers: [String: HashingFileWriter] = [:]
    private(set) var rowCounts: [String: Int] = [:]
    private let layout: OutputLayout

    init(layout: OutputLayout) throws {
        self.layout = layout
        for table in DatasetTables.all {
            var writer = try HashingFileWriter(url: layout.url(table.path), displayPath: table.path)
            try writer.write(CSVRecordRows.header(table))
            writers[table.name] = writer
            rowCounts[table.name] = 0
        }
    }

    /// Appends one document's rows (`count` of them, already encoded) to `table`.
    mutating func append(_ table: CSVTable, _ bytes: [UInt8], count: Int) throws {
        try writers[table.name]!.write(bytes)
        rowCounts[table.name]! += count
    }

    /// Writes the entities table and closes every file.
    mutating func finish(entities: [EntityRecord]) throws -> [(CSVTable, PayloadFile)] {
        try writers[DatasetTables.entities.name]!.write(CSVRecordRows.entities(entities))
        rowCounts[DatasetTables.entities.name] = entities.count
        return try DatasetTables.all.map { table in
            let (bytes, sha) = try writers[table.name]!.finish()
            return (table, PayloadFile(path: table.path, bytes: bytes, sha256: sha, mediaType: "text/csv", format: "csv",
                                       records: rowCounts[table.name]))
        }
    }

    var counts: [(table: String, count: Int)] { DatasetTables.all.map { ($0.name, rowCounts[$0.name] ?? 0) } }
}
